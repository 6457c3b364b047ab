package org.herald.console;

import java.time.Instant;
import java.util.Optional;

/**
 * What only a running daemon knows or can do, for the pages that show it. {@code herald console} serves the
 * console without one ({@link #NONE}).
 */
public interface Engine {
    /** Why the channel's sending is paused for its credentials, if it is. */
    Optional<String> credentialPause(String channel);

    /** Starts a poll of the feed now; false if this process polls nothing. */
    boolean pollNow(String feed);

    Optional<Instant> nextPoll(String feed);

    /** Whether this process polls and sends (false for {@code herald console}). */
    boolean running();

    Engine NONE = new Engine() {
        @Override
        public Optional<String> credentialPause(String channel) {
            return Optional.empty();
        }

        @Override
        public boolean pollNow(String feed) {
            return false;
        }

        @Override
        public Optional<Instant> nextPoll(String feed) {
            return Optional.empty();
        }

        @Override
        public boolean running() {
            return false;
        }
    };
}
