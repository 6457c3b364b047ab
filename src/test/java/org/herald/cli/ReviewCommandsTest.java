package org.herald.cli;

import org.herald.publish.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A feed with review = always on the dry-run channels: run --once holds its stories; review, approve and reject them. */
class ReviewCommandsTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    private HeraldRun herald(String... args) throws Exception {
        Path config = dir.resolve("herald.conf");
        if (!Files.exists(config)) {
            Path feed = dir.resolve("wire.xml");
            Files.writeString(feed, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Wire</title><link>https://news.example.org/</link><description>w</description>
                    <item><title>Harbour reopens after the storm</title><link>https://news.example.org/harbour</link><guid>harbour</guid>
                      <description>Ships sail again from the old harbour.</description><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>
                    <item><title>Unconfirmed report of a merger</title><link>https://news.example.org/merger</link><guid>merger</guid>
                      <description>Two banks may merge.</description><pubDate>Tue, 01 Dec 2026 08:01:00 GMT</pubDate></item>
                    </channel></rss>
                    """);
            Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                    + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\nfeeds = null\n"
                    + "feeds.wire { url = \"" + feed.toUri() + "\", every = 10m, review = always, initial-backlog = 2 }\n");
        }
        return HeraldRun.at(clock, config, args);
    }

    @Test
    void heldStoriesWaitForApprovalAndOnlyTheApprovedOneIsPosted() throws Exception {
        HeraldRun once = herald("run", "--once");
        assertThat(once.out()).doesNotContain("Harbour reopens").doesNotContain("Unconfirmed report");
        HeraldRun queue = herald("queue", "--json", "--state", "pending_review");
        assertThat(queue.outLines()).hasSize(4).allSatisfy(line -> assertThat(line).contains("\"state\":\"PENDING_REVIEW\""));

        HeraldRun review = herald("review");
        assertThat(review.exitCode()).isZero();
        assertThat(review.out()).contains("Harbour reopens after the storm").contains("https://news.example.org/harbour")
                .contains("Ships sail again from the old harbour.").contains("PENDING_REVIEW");
        assertThat(review.out().indexOf("Harbour")).isLessThan(review.out().indexOf("Unconfirmed"));

        // rows 1, 2: the harbour (fb-main, x-main); rows 3, 4: the merger
        HeraldRun approve = herald("approve", "2", "--text", "Harbour open again https://news.example.org/harbour");
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).isEqualTo("row 2 (x-main): approved with the edited text, due now\n");
        assertThat(herald("approve", "1").out()).isEqualTo("row 1 (fb-main): approved, due now\n");
        HeraldRun reject = herald("reject", "3", "--all-channels", "--reason", "not confirmed");
        assertThat(reject.out()).contains("row 3 (fb-main): rejected by cli:").contains("row 4 (x-main): rejected by cli:").contains(": not confirmed");
        HeraldRun twice = herald("approve", "3");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).isEqualTo("herald: row 3 is CANCELLED; only rows waiting for review can be approved\n");
        assertThat(herald("approve", "2", "--text", "x".repeat(300)).err()).isEqualTo("herald: row 2 is SCHEDULED; only rows waiting for review can be approved\n");

        HeraldRun sent = herald("run", "--once");
        assertThat(sent.out()).contains("Harbour open again https://news.example.org/harbour").doesNotContain("Unconfirmed report");
        assertThat(herald("review").out()).isEqualTo("nothing is waiting for review\n");
    }

    @Test
    void aStoryLeftPastMaxLatenessExpiresAndNeedsAnyway() throws Exception {
        herald("run", "--once");
        clock.advance(Duration.ofHours(7));   // past the default max-lateness of 6 h
        assertThat(herald("review").out()).contains("EXPIRED").contains("not reviewed within max-lateness 6 h");
        HeraldRun refused = herald("approve", "1");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("row 1 (fb-main) expired unreviewed").contains("--anyway");
        assertThat(herald("approve", "1", "--anyway").out()).isEqualTo("row 1 (fb-main): approved, due now\n");
    }
}
