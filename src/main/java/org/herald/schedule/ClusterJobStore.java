package org.herald.schedule;

import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.SchedulerStateRecord;

import java.time.Duration;

/**
 * Quartz's clustered JDBC job store, tuned so a dead node's work is taken over within two of the configured
 * {@code cluster-checkin-interval}s (I) of its death, whatever the phase of the kill.
 *
 * <p>Quartz runs failure detection and recovery inside each node's check-in (ClusterManager → doCheckin →
 * clusterCheckIn → findFailedInstances → clusterRecover), once per {@code clusterCheckinInterval}, and writes
 * that period into {@code QRTZ_SCHEDULER_STATE.CHECKIN_INTERVAL} when the node's row is inserted. Herald sets
 * that period to I/2 ({@link #checkInEvery}), so every node checks in, and looks for dead peers, twice per
 * configured interval, and a peer counts as failed ({@link #failedIfAfter}) once its last check-in is older
 * than two of its own periods (one whole configured interval: two missed check-ins) plus a margin of half a
 * period (I/4).
 *
 * <p>The window, from the code: a node killed at k last checked in at L, with k − L &lt; I/2 (it checks in
 * every I/2). A survivor declares it failed at the first of its own check-ins after L + 1.25 I, and those come
 * every I/2, so the verdict falls in (L + 1.25 I, L + 1.75 I], that is 0.75 I to 1.75 I after the kill
 * (5.6 to 13.1 s at the default 7.5 s), plus the check-in's own queries. The recovery runs in that same
 * check-in and wakes the scheduler, so the dead node's blocked triggers fire on the survivors at once. Stock
 * Quartz (checks every I, failed after I + 7.5 s) gives 7.5 to 22.5 s; the rule this replaced (every I,
 * failed after 1.5 I) gave 3.75 to 18.75 s.
 *
 * <p>Live nodes: a node is taken for dead only when it has not checked in for 1.25 I, that is when it is
 * 0.75 I late on a check-in that was due (5.6 s at the default; the previous rule allowed 3.75 s). Quartz's
 * guard against a stalled node declaring healthy peers dead is kept and made to fit the shorter margin: Quartz
 * gives a peer at least as long as the judging node has itself gone without a check-in (a long GC pause, a
 * starved or frozen machine, a database that answered nobody), since whatever held it up may have held them
 * too; Herald adds one of the peer's periods to that, because the peer's last check-in may have fallen up to
 * a period before the judge's. So after an outage that stopped every node, the first node back does not take
 * the others for dead at that first check-in, and as they retry every period after a database error
 * ({@code dbRetryInterval}) they are normally back before its next one. In normal running the judge's own gap
 * is one period plus milliseconds, so the guard adds only those milliseconds to the window above.
 *
 * <p>Why a false verdict (a live node taken for dead) cannot post a story twice: Quartz's recovery of the slow
 * node releases its blocked triggers and deletes its fired-trigger and state rows (Herald's jobs ask for no
 * re-execution), and the slow node re-inserts its state row at its next check-in. For that moment a second
 * node may run the same channel's dispatcher, but posts go through the outbox's row claims: a row moves to
 * SENDING only by one guarded {@code UPDATE … WHERE state = 'SCHEDULED'}, so exactly one node calls the
 * platform for it, and the other dispatcher passes it by; every outcome is written {@code WHERE state =
 * 'SENDING'}. The verdict itself settles no row: another node takes over a row left in SENDING only when it
 * was claimed longer ago than {@code schedule.sending-timeout} (2 min by default, checked to outlast every
 * call) and its claimer is not checking in, so the slow node's call in flight stays its own unless it was
 * frozen mid-call for longer than that time-out (the known limit in docs/ARCHITECTURE.md; even then X refuses
 * the resend as a duplicate and Facebook's recent posts are looked through first). What the moment can break
 * is pacing: two dispatchers may both see a channel's gap as open and each send a different row.
 */
public final class ClusterJobStore extends JobStoreTX {
    /** How often a node checks in, given the configured {@code cluster-checkin-interval}: twice per interval. */
    static Duration checkInEvery(Duration configuredInterval) {
        return configuredInterval.dividedBy(2);
    }

    /**
     * When a peer counts as failed, in Quartz's milliseconds: {@code peerCheckIn} and {@code peerEvery} are its
     * row in {@code QRTZ_SCHEDULER_STATE}, {@code ownGap} how long ago the judging node last checked in.
     */
    static long failedIfAfter(long peerCheckIn, long peerEvery, long ownGap) {
        return peerCheckIn + Math.max(2 * peerEvery, ownGap + peerEvery) + peerEvery / 2;
    }

    // Quartz stamps check-ins with System.currentTimeMillis(), so the rule reads the same clock.
    @Override
    protected long calcFailedIfAfter(SchedulerStateRecord rec) {
        return failedIfAfter(rec.getCheckinTimestamp(), rec.getCheckinInterval(), System.currentTimeMillis() - lastCheckin);
    }
}
