package org.herald.access;

import java.time.Instant;
import java.util.Optional;

/** One line of the activity log: who did what, when, to which row or target, with the details. */
public record Activity(long id, Instant at, String actor, String action, Optional<Long> outboxId, Optional<String> target,
                       String detail) {
}
