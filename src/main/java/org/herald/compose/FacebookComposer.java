package org.herald.compose;

import org.herald.condense.Links;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;

import java.net.URI;
import java.util.Optional;

/** A Page post: the message from the template, and the link as its own field so Facebook draws the card. */
final class FacebookComposer implements Composer {
    static final FacebookComposer INSTANCE = new FacebookComposer();
    /** The longest message the Graph API takes, in characters. */
    static final int MAX_MESSAGE = 63_206;

    @Override
    public Post compose(Story story, ChannelSettings channel) {
        Optional<URI> link = story.link().map(l -> Links.withTags(l, channel.utm()));
        String message = Template.render(channel.template(), story.headline(), "", story.summary());
        int length = message.codePointCount(0, message.length());
        return new Post(channel.name(), channel.network(), message, link, length, MAX_MESSAGE,
                !message.isBlank() && length <= MAX_MESSAGE, false);
    }
}
