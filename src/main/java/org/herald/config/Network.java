package org.herald.config;

import java.util.Locale;
import java.util.Optional;

/** The social networks Herald posts to; {@link #id()} is the name used in config and JSON. */
public enum Network {
    X("x"),
    FACEBOOK("facebook");

    private final String id;

    Network(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Network> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Network network : values()) {
            if (network.id.equals(wanted)) return Optional.of(network);
        }
        return Optional.empty();
    }
}
