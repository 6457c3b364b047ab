package org.herald.cli;

import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.publish.MutableClock;
import org.herald.publish.NoSecretsInLogs;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the commands that send or queue promise: run --once counts only what the platform accepted, post goes
 * through the same dedup ledger as feeds, a dry-run pass never consumes live rows, and schedule --at refuses
 * times that could only expire.
 */
@ExtendWith(NoSecretsInLogs.class)
class SendingRulesTest {
    private static final String SEED = "../shared/seed/article.txt";
    private static final String LINK = "https://news.example.org/2026/11/25/talks";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private FakeX x;
    private FakeGraph graph;
    private FeedFile feed;

    @BeforeEach
    void start() {
        x = FakeX.start(clock).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET);
        graph = FakeGraph.start(clock).page(TestChannels.FB_PAGE, "Herald Test Page")
                .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true);
        feed = new FeedFile(dir.resolve("feed.xml"));
    }

    @AfterEach
    void stop() {
        x.close();
        graph.close();
    }

    /** Both channels live against the fakes (or dry-run), one H2 file for every config of the test. */
    private Path config(String xToken, boolean dryRun, String feeds) throws IOException {
        Path file = dir.resolve("herald-" + System.nanoTime() + ".conf");
        Files.writeString(file, """
                storage.jdbc-url = "jdbc:h2:file:%s"
                post.retry-budget = 0s
                feeds { %s }
                channels {
                  x-main { network = x, dry-run = %b, api-key = "%s", api-key-secret = "%s", access-token = "%s", access-token-secret = "%s",
                           api-base-url = "%s", read-timeout = 2s }
                  fb-main { network = facebook, dry-run = %b, page-id = "%s", page-access-token = "%s", graph-base-url = "%s", read-timeout = 2s }
                }
                """.formatted(dir.resolve("data/herald").toAbsolutePath(), feeds, dryRun, TestChannels.X_KEY, TestChannels.X_KEY_SECRET,
                xToken, TestChannels.X_TOKEN_SECRET, x.baseUrl(), dryRun, TestChannels.FB_PAGE, TestChannels.FB_TOKEN, graph.baseUrl()));
        return file;
    }

    private Path live() throws IOException {
        return config(TestChannels.X_TOKEN, false, "");
    }

    private HeraldRun herald(Path config, String... args) {
        return HeraldRun.at(clock, config, args);
    }

    @Test
    void runOnceCountsOnlyWhatThePlatformAcceptedAndFailsWhenCredentialsAreRefused() throws IOException {
        Path config = config("revoked-token-1234", false, "");
        assertThat(herald(config, "schedule", "--at", "now", "--channel", "x-main", "--link", LINK, SEED).exitCode()).isZero();

        HeraldRun once = herald(config, "run", "--once");
        assertThat(once.exitCode()).isEqualTo(1);
        assertThat(once.err()).contains("herald: channel x-main: 0 sent").contains("PAUSED").contains("X refused the credentials")
                .contains("1 post wait in the outbox");
        assertThat(once.out()).doesNotContain("x-main: 1 sent");
        assertThat(x.tweets()).isEmpty();
        assertThat(herald(config, "queue", "--json").out()).contains("\"state\":\"SCHEDULED\"");
    }

    @Test
    void aStoryPublishedByPostIsInTheOutboxAndNotPostedAgainFromAFeed() throws IOException {
        HeraldRun post = herald(live(), "post", "--link", LINK, SEED);
        assertThat(post.exitCode()).as(post.err()).isZero();
        assertThat(post.out()).contains("[row 1]").contains("[row 2]");
        assertThat(x.tweets()).hasSize(1);
        assertThat(graph.posts()).hasSize(1);

        HeraldRun queue = herald(live(), "queue", "--json");
        assertThat(queue.outLines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"state\":\"SENT\"")
                .contains("\"remoteId\":\"").doesNotContain("\"remoteId\":null"));

        feed.entries(new FeedFile.Entry("wire-1", "New Syrian-Israeli talks to discuss the security agreement", LINK));
        Path withFeed = config(TestChannels.X_TOKEN, false, "wire { url = \"" + feed.uri() + "\", every = 1m, initial-backlog = 5 }");
        HeraldRun once = herald(withFeed, "run", "--once");
        assertThat(once.exitCode()).as(once.err()).isZero();
        assertThat(once.out()).contains("feed wire: 0 new stories");
        assertThat(x.tweets()).hasSize(1);
        assertThat(graph.posts()).hasSize(1);

        HeraldRun again = herald(live(), "post", "--channel", "x-main", "--link", LINK, SEED);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("channel x-main already posted this story (row 2");
        assertThat(x.tweets()).hasSize(1);
    }

    @Test
    void aDryRunPassNeverConsumesRowsQueuedForALiveChannel() throws IOException {
        assertThat(herald(live(), "schedule", "--at", "now", "--link", LINK, SEED).exitCode()).isZero();

        HeraldRun dry = herald(config(TestChannels.X_TOKEN, true, ""), "run", "--once");
        assertThat(dry.exitCode()).isEqualTo(1);
        assertThat(dry.err()).contains("channel x-main: 0 sent (dry-run), 1 post queued while it was live not sent by this dry-run pass");
        assertThat(dry.out()).doesNotContain("── dry-run");
        assertThat(herald(live(), "queue", "--state", "SCHEDULED", "--json").outLines()).hasSize(2);

        HeraldRun liveAgain = herald(live(), "run", "--once");
        assertThat(liveAgain.exitCode()).as(liveAgain.err()).isZero();
        assertThat(liveAgain.out()).contains("channel x-main: 1 sent", "channel fb-main: 1 sent");
        assertThat(x.tweets()).hasSize(1);
        assertThat(graph.posts()).hasSize(1);
    }

    @Test
    void scheduleRefusesTimesThatCouldOnlyExpireOrThatAreYearsAhead() throws IOException {
        HeraldRun stale = herald(live(), "schedule", "--at", "2026-11-18T09:00Z", "--link", LINK, SEED);
        assertThat(stale.exitCode()).isEqualTo(2);
        assertThat(stale.err()).contains("is 7 d in the past, more than channel").contains("max-lateness (6 h)").contains("--at now");

        HeraldRun farAhead = herald(live(), "schedule", "--at", "2028-01-01T09:00Z", "--link", LINK, SEED);
        assertThat(farAhead.exitCode()).isEqualTo(2);
        assertThat(farAhead.err()).contains("at most a year ahead");
        assertThat(herald(live(), "queue", "--json").outLines()).isEmpty();

        HeraldRun recent = herald(live(), "schedule", "--at", "2026-11-25T08:30Z", "--channel", "x-main", "--link", LINK, SEED);
        assertThat(recent.exitCode()).as(recent.err()).isZero();
        assertThat(recent.out()).contains("(30 min in the past: posted now, at the next dispatch)");
    }

    @Test
    void anExpiredRowSaysHowLateInDaysAndHoursAndARetriedRowForgetsItsOldError() throws IOException {
        Path config = live();
        assertThat(herald(config, "schedule", "--at", "2026-11-25T10:00Z", "--channel", "x-main", "--link", LINK, SEED).exitCode()).isZero();
        clock.advance(Duration.ofDays(3).plusHours(5));
        HeraldRun once = herald(config, "run", "--once");
        assertThat(once.exitCode()).isEqualTo(1);
        assertThat(once.err()).contains("1 expired").contains("not posted: 3 d 4 h late, past max-lateness 6 h");

        assertThat(herald(config, "retry", "1").exitCode()).isZero();
        assertThat(herald(config, "queue", "--json").out()).contains("\"lastError\":null");
    }

    @Test
    void runOnceWithNothingConfiguredSaysSo() throws IOException {
        Path empty = dir.resolve("empty.conf");
        Files.writeString(empty, "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/empty").toAbsolutePath() + "\"\n");
        HeraldRun once = herald(empty, "run", "--once");
        assertThat(once.exitCode()).isZero();
        assertThat(once.err()).contains("has no feeds and no channels: nothing to poll and nothing to send");
    }
}
