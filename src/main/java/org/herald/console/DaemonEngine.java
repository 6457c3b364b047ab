package org.herald.console;

import org.herald.schedule.Daemon;

import java.time.Instant;
import java.util.Optional;

/** The console's view of the daemon it is served by. */
public record DaemonEngine(Daemon daemon) implements Engine {
    @Override
    public Optional<String> credentialPause(String channel) {
        return daemon.credentialPause(channel);
    }

    @Override
    public boolean pollNow(String feed) {
        return daemon.pollNow(feed);
    }

    @Override
    public Optional<Instant> nextPoll(String feed) {
        return daemon.nextPoll(feed);
    }

    @Override
    public boolean running() {
        return true;
    }
}
