package org.herald.schedule;

import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.SchedulerStateRecord;

/**
 * Quartz's clustered JDBC job store, with a node declared failed after one missed check-in plus half an
 * interval instead of Quartz's fixed 7.5 s grace on top of a whole interval. The others look for failed
 * nodes at each of their own check-ins, so a dead node's work is taken over within about two check-in
 * intervals of its last check-in (measured in BENCHMARKS.md). Quartz's guard for a node that was itself
 * stalled (not checking in for longer than an interval) is kept, so a paused node does not declare its
 * healthy peers dead.
 */
public final class ClusterJobStore extends JobStoreTX {
    @Override
    protected long calcFailedIfAfter(SchedulerStateRecord rec) {
        long interval = rec.getCheckinInterval();
        return rec.getCheckinTimestamp() + Math.max(interval, System.currentTimeMillis() - lastCheckin) + interval / 2;
    }
}
