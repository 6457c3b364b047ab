package org.herald.schedule;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure rule, replayed the way Quartz's ClusterManager applies it: every node checks in every period
 * (half the configured interval) and, at each check-in, judges its peers. {@code ClusterTest} shows the same
 * with real processes; this covers every phase and interval cheaply.
 */
class ClusterJobStoreTest {
    private static final List<Duration> INTERVALS = List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(7500),
            Duration.ofMinutes(5));

    @Test
    void checksInTwicePerConfiguredInterval() {
        assertThat(ClusterJobStore.checkInEvery(Duration.ofMillis(7500))).isEqualTo(Duration.ofMillis(3750));
        assertThat(ClusterJobStore.checkInEvery(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(250));
    }

    @RepeatedTest(200)
    void aKilledNodeIsTakenOverWithinTwoIntervalsWhateverThePhase(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        for (Duration interval : INTERVALS) {
            long i = interval.toMillis();
            long every = ClusterJobStore.checkInEvery(interval).toMillis();
            long killedAt = 1_000_000 + random.nextInt((int) Math.min(i * 10, Integer.MAX_VALUE));
            long lastCheckIn = killedAt - (long) (random.nextDouble() * every);     // its last check-in before the kill
            long judgeCheckIn = killedAt - (long) (random.nextDouble() * every);    // the survivor's phase
            long jitter = random.nextInt(20);                                       // the check-in's own queries
            long verdict = -1;
            for (long t = judgeCheckIn + every + jitter; verdict < 0; t += every + jitter) {
                if (ClusterJobStore.failedIfAfter(lastCheckIn, every, every + jitter) < t) verdict = t;
            }
            long took = verdict - killedAt;
            assertThat(took).as("interval %d ms", i).isLessThanOrEqualTo(i * 7 / 4 + 3 * jitter).isLessThan(2 * i);
            assertThat(took).as("interval %d ms", i).isGreaterThan(i * 3 / 4);
            assertThat(verdict - lastCheckIn).as("interval %d ms: more than a whole interval without a check-in", i)
                    .isGreaterThan(i + i / 4);
        }
    }

    @Test
    void aLiveNodeLateByUpToThreeQuartersOfAnIntervalIsNotTakenForDead() {
        for (Duration interval : INTERVALS) {
            long i = interval.toMillis();
            long every = ClusterJobStore.checkInEvery(interval).toMillis();
            long lastCheckIn = 1_000_000;
            long nextDue = lastCheckIn + every;
            // the judge, checking in on time, looks while the peer's next check-in is 0.75 I overdue
            assertThat(ClusterJobStore.failedIfAfter(lastCheckIn, every, every)).isGreaterThanOrEqualTo(nextDue + i * 3 / 4);
        }
    }

    @Test
    void afterAnOutageThatStoppedEveryNodeTheFirstBackDoesNotTakeTheOthersForDead() {
        for (Duration interval : INTERVALS) {
            long every = ClusterJobStore.checkInEvery(interval).toMillis();
            long outage = interval.toMillis() * 20;
            long judgeLast = 1_000_000;
            long peerLast = judgeLast - every + 1;     // checked in up to a period before the judge did
            long back = judgeLast + outage;
            assertThat(ClusterJobStore.failedIfAfter(peerLast, every, back - judgeLast)).isGreaterThanOrEqualTo(back);
        }
    }
}
