package org.herald.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Whether this node should get traffic and count as working: the database answers, this node's scheduler
 * has checked in, and a dispatcher has worked here recently. A node that is cut off or stuck turns not-ready
 * by itself and ready again when it recovers, with no restart.
 */
public final class Readiness {
    private final BooleanSupplier databaseAnswers;
    private final Predicate<Instant> schedulerCheckedIn;
    private final Supplier<Instant> lastDispatch;
    private final boolean hasChannels;
    private final Duration dispatchWindow;
    private final Clock clock;

    /** One look: ready or not, and the reasons when not. */
    public record Verdict(boolean ready, List<String> problems) {
        public Verdict {
            problems = List.copyOf(problems);
        }
    }

    /**
     * {@code dispatchWindow}: how long without any dispatch cycle on this node counts as stuck. In a cluster a
     * channel's dispatcher runs on whichever node fires it, so the window must cover several dispatch intervals.
     */
    public Readiness(BooleanSupplier databaseAnswers, Predicate<Instant> schedulerCheckedIn, Supplier<Instant> lastDispatch,
                     boolean hasChannels, Duration dispatchWindow, Clock clock) {
        this.databaseAnswers = databaseAnswers;
        this.schedulerCheckedIn = schedulerCheckedIn;
        this.lastDispatch = lastDispatch;
        this.hasChannels = hasChannels;
        this.dispatchWindow = dispatchWindow;
        this.clock = clock;
    }

    public Verdict check() {
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();
        if (!databaseAnswers.getAsBoolean()) {
            problems.add("the database does not answer");
        } else if (!schedulerCheckedIn.test(now)) {
            problems.add("this node's scheduler has not checked in recently");
        }
        if (hasChannels) {
            Instant last = lastDispatch.get();
            if (last.plus(dispatchWindow).isBefore(now)) {
                problems.add(last.equals(Instant.EPOCH) ? "no dispatch cycle has run on this node yet"
                        : "no dispatch cycle has run on this node since " + last);
            }
        }
        return new Verdict(problems.isEmpty(), problems);
    }
}
