package org.herald.publish;

import org.herald.compose.Post;
import org.herald.config.Network;

import java.net.URI;
import java.util.Optional;

/** Posts as the composers would make them, for publisher tests. */
public final class Posts {
    private Posts() {
    }

    public static Post tweet(String text) {
        return new Post("x-main", Network.X, text, Optional.empty(), 0, 280, true, false);
    }

    public static Post pagePost(String message, String link) {
        return new Post("fb-main", Network.FACEBOOK, message, Optional.ofNullable(link).map(URI::create), 0, 63206, true, false);
    }
}
