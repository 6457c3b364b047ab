package org.herald.compose;

import org.herald.config.Network;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Exactly what one channel receives: for X the whole tweet text (link included), for Facebook the message,
 * with the link as its own field. {@code weightedLength} is X's weighted count for tweets and the number of
 * characters for Facebook; {@code valid} says whether the network would accept the text.
 */
public record Post(String channel, Network network, String text, Optional<URI> link, int weightedLength,
                   int maxLength, boolean valid, boolean shortened) {
    public Post {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(link, "link");
    }
}
