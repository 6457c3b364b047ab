package org.herald.cli;

import org.herald.outbox.OutboxEntry;

/** The message for a story a channel already has: it names the row, so the person can look at it. */
final class AlreadyThere {
    private AlreadyThere() {
    }

    static String describe(OutboxEntry row) {
        String channel = "channel " + row.channel();
        return switch (row.state()) {
            case SENT -> channel + " already posted this story (row " + row.id() + ", sent " + row.sentAt().map(Object::toString).orElse("?")
                    + row.remoteUrl().map(u -> ", " + u).orElse("") + "); a story is never posted twice unless you schedule it with --again";
            case FAILED, EXPIRED, CANCELLED -> channel + " already has this story as row " + row.id() + " (" + row.state()
                    + "); `herald retry " + row.id() + "` sends it again";
            default -> channel + " already has this story queued as row " + row.id() + " (" + row.state() + ", due " + row.nextAttempt()
                    + "); a story is never posted twice unless you schedule it with --again";
        };
    }
}
