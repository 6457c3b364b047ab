package org.herald.cli;

import org.herald.publish.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** schedule, queue, cancel and retry on the dry-run channels and an H2 file of their own. */
class OutboxCommandsTest {
    private static final String SEED = "../shared/seed/article.txt";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T05:00:00Z"));

    private HeraldRun herald(String... args) throws Exception {
        Path config = dir.resolve("herald.conf");
        if (!Files.exists(config)) {
            Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                    + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\nfeeds = null\n");
        }
        return HeraldRun.at(clock, config, args);
    }

    @Test
    void scheduleQueueCancelAndRetry() throws Exception {
        HeraldRun scheduled = herald("schedule", "--link", "https://example.com/x", "--at", "2026-11-25T09:00+03:00", SEED);
        assertThat(scheduled.exitCode()).as(scheduled.err()).isZero();
        assertThat(scheduled.outLines()).containsExactly("row 1 (fb-main, dry-run): scheduled for 2026-11-25T06:00:00Z",
                "row 2 (x-main, dry-run): scheduled for 2026-11-25T06:00:00Z");

        HeraldRun again = herald("schedule", "--link", "https://example.com/x?utm_source=y", "--at", "2026-11-25T10:00Z", SEED);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("channel fb-main already has this story queued as row 1 (SCHEDULED")
                .contains("channel x-main already has this story queued as row 2");

        HeraldRun queue = herald("queue", "--json");
        assertThat(queue.outLines()).hasSize(2);
        assertThat(queue.outLines().get(1)).startsWith("{\"id\":2,\"channel\":\"x-main\",\"network\":\"x\",\"state\":\"SCHEDULED\","
                + "\"due\":\"2026-11-25T06:00:00Z\"").contains("\"attempts\":0,\"lastError\":null,\"remoteId\":null")
                .contains("\"text\":\"New Syrian-Israeli talks to discuss the “security agreement” https://example.com/x\"")
                .contains("\"confidence\":\"high\",\"confidenceReason\":\"headline is the text's first line\"");

        assertThat(herald("cancel", "1").out()).isEqualTo("row 1 (fb-main): cancelled\n");
        assertThat(herald("queue", "--state", "cancelled", "--json").outLines()).singleElement().asString().contains("\"id\":1");
        assertThat(herald("retry", "1").out()).isEqualTo("row 1 (fb-main): scheduled again, due now\n");
        HeraldRun retryScheduled = herald("retry", "2");
        assertThat(retryScheduled.exitCode()).isEqualTo(1);
        assertThat(retryScheduled.err()).isEqualTo("herald: row 2 is SCHEDULED; it can be retried only when FAILED, EXPIRED or CANCELLED\n");
        assertThat(herald("cancel", "99").err()).isEqualTo("herald: there is no outbox row 99\n");

        clock.advance(java.time.Duration.ofHours(1).plusMinutes(1));
        HeraldRun run = herald("run", "--once");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("── dry-run x-main (x)\n  │ New Syrian-Israeli talks to discuss the “security agreement” https://example.com/x")
                .contains("channel x-main: 1 sent").contains("channel fb-main: 1 sent");
        assertThat(herald("queue", "--state", "SENT", "--json").outLines()).hasSize(2);
        assertThat(herald("queue").out()).contains("SENT").contains("dry-run:x-main");

        // a channel that posted it refuses it again, naming the row, unless --again asks for one more row
        HeraldRun refused = herald("schedule", "--link", "https://example.com/x", "--at", "now", "--channel", "x-main", SEED);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("channel x-main already posted this story (row 2, sent ").contains("unless you schedule it with --again");
        HeraldRun again2 = herald("schedule", "--link", "https://example.com/x", "--at", "now", "--channel", "x-main", "--again", SEED);
        assertThat(again2.exitCode()).as(again2.err()).isZero();
        assertThat(again2.out()).startsWith("row 3 (x-main, dry-run): scheduled for ");
        assertThat(herald("queue", "--state", "SCHEDULED", "--json").outLines()).singleElement().asString().contains("\"id\":3");
    }

    @Test
    void badTimesAndStatesAreUsageErrors() throws Exception {
        assertThat(herald("schedule", "--link", "https://example.com/x", "--at", "tomorrow", SEED).exitCode()).isEqualTo(2);
        assertThat(herald("schedule", "--link", "https://example.com/x", SEED).exitCode()).isEqualTo(2);
        assertThat(herald("queue", "--state", "LOST").exitCode()).isEqualTo(2);
    }

    @Test
    void editAndRescheduleFollowTheSameRulesAsTheConsole() throws Exception {
        herald("schedule", "--link", "https://example.com/x", "--at", "2026-11-25T09:00+03:00", SEED);
        HeraldRun edited = herald("edit", "2", "--text", "A shorter headline https://example.com/x");
        assertThat(edited.exitCode()).as(edited.err()).isZero();
        assertThat(edited.out()).isEqualTo("row 2 (x-main): text changed\n");
        HeraldRun tooLong = herald("edit", "2", "--text", "word ".repeat(60) + "https://example.com/x");
        assertThat(tooLong.exitCode()).isEqualTo(1);
        assertThat(tooLong.err()).isEqualTo("herald: row 2: the tweet is 323/280 as X counts it (links count 23, CJK and emoji 2); shorten it by 43\n");
        HeraldRun moved = herald("reschedule", "1", "--at", "2026-11-25T12:30+03:00");
        assertThat(moved.out()).isEqualTo("row 1 (fb-main): scheduled for 2026-11-25 12:30 +03:00\n");
        assertThat(herald("queue", "--json").out()).contains("\"due\":\"2026-11-25T09:30:00Z\"").contains("A shorter headline https://example.com/x");
        HeraldRun bad = herald("reschedule", "1", "--at", "noon");
        assertThat(bad.exitCode()).isEqualTo(2);
        herald("cancel", "2");
        assertThat(herald("edit", "2", "--text", "again https://example.com/x").err())
                .isEqualTo("herald: row 2 is CANCELLED; it can be edited only while SCHEDULED, FAILED or EXPIRED\n");
    }
}
