package org.herald.compose;

import org.herald.condense.Story;
import org.herald.config.ChannelSettings;

/** Words a story for one channel, following the channel's template and its network's rules. */
public interface Composer {
    Post compose(Story story, ChannelSettings channel);

    /**
     * The post with the headline exactly as a person wrote it: an X post too long for it is counted over (and
     * refused when queued) rather than shortened with "…", so the person decides the words.
     */
    static Post composeHeadlineAsWritten(Story story, ChannelSettings channel) {
        return channel.network() == org.herald.config.Network.X ? TweetComposer.INSTANCE.compose(story, channel, false)
                : forChannel(channel).compose(story, channel);
    }

    static Composer forChannel(ChannelSettings channel) {
        return switch (channel.network()) {
            case X -> TweetComposer.INSTANCE;
            case FACEBOOK -> FacebookComposer.INSTANCE;
        };
    }
}
