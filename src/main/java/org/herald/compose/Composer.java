package org.herald.compose;

import org.herald.condense.Story;
import org.herald.config.ChannelSettings;

/** Words a story for one channel, following the channel's template and its network's rules. */
public interface Composer {
    Post compose(Story story, ChannelSettings channel);

    static Composer forChannel(ChannelSettings channel) {
        return switch (channel.network()) {
            case X -> TweetComposer.INSTANCE;
            case FACEBOOK -> FacebookComposer.INSTANCE;
        };
    }
}
