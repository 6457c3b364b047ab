package org.herald.publish;

import java.time.Duration;

/** Waits between attempts; tests pass one that moves a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));
}
