package org.herald.schedule;

import org.herald.config.HeraldSettings;
import org.herald.config.SettingsLoader;
import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.outbox.FeedState;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.publish.MutableClock;
import org.herald.publish.NoSecretsInLogs;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The main job end to end: a feed on WireMock, the real clients against the fake platforms, H2 on disk. */
@ExtendWith(NoSecretsInLogs.class)
class DaemonTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private FeedServer feed;
    private FakeX x;
    private FakeGraph graph;

    @BeforeEach
    void start() {
        feed = new FeedServer();
        x = FakeX.start(clock).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET);
        graph = FakeGraph.start(clock).page(TestChannels.FB_PAGE, "Herald Test Page")
                .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true);
    }

    @AfterEach
    void stop() {
        feed.close();
        x.close();
        graph.close();
    }

    private HeraldSettings settings(String feeds, String xToken) throws IOException {
        Path file = dir.resolve("herald-" + System.nanoTime() + ".conf");
        Files.writeString(file, """
                storage.jdbc-url = "jdbc:h2:file:%s"
                schedule { max-attempts = 8 }
                feeds { %s }
                channels {
                  x-main { network = x, api-key = "%s", api-key-secret = "%s", access-token = "%s", access-token-secret = "%s",
                           api-base-url = "%s", read-timeout = 1s }
                  fb-main { network = facebook, page-id = "%s", page-access-token = "%s", graph-base-url = "%s", read-timeout = 1s }
                }
                """.formatted(dir.resolve("data/herald").toAbsolutePath(), feeds, TestChannels.X_KEY, TestChannels.X_KEY_SECRET, xToken,
                TestChannels.X_TOKEN_SECRET, x.baseUrl(), TestChannels.FB_PAGE, TestChannels.FB_TOKEN, graph.baseUrl()));
        return SettingsLoader.load(file);
    }

    private String newsroom(int backlog) {
        return "newsroom { url = \"" + feed.url("/rss.xml") + "\", every = 2m, channels = [x-main, fb-main], initial-backlog = " + backlog + " }";
    }

    private Daemon.OnceReport once(HeraldSettings settings) {
        try (Daemon daemon = Daemon.open(settings, clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            return daemon.runOnce();
        }
    }

    private List<OutboxEntry> rows(HeraldSettings settings) {
        try (Daemon daemon = Daemon.open(settings, clock, System.out)) {
            return daemon.outbox().list(Optional.empty(), 1000);
        }
    }

    private static FeedServer.Item item(int n) {
        return new FeedServer.Item("guid-" + n, "Story number " + n + " for the test", "https://news.example.org/2026/11/25/story-" + n);
    }

    @Test
    void aNewEntryIsPostedOncePerChannelAndNeverAgain() throws IOException {
        HeraldSettings settings = settings(newsroom(0), TestChannels.X_TOKEN);
        feed.publish(List.of(item(1), item(2)));
        once(settings);
        assertThat(x.tweets()).as("the backlog of an existing feed is not posted").isEmpty();

        feed.publish(List.of(item(1), item(2), item(3)));
        Daemon.OnceReport report = once(settings);
        assertThat(report.feeds().get(0).newStories()).isEqualTo(1);
        assertThat(x.tweets()).containsExactly("Story number 3 for the test https://news.example.org/2026/11/25/story-3");
        assertThat(graph.posts()).hasSize(1);
        assertThat(graph.posts().get(0)).containsEntry("link", "https://news.example.org/2026/11/25/story-3");

        once(settings);                                  // repeated poll: 304
        assertThat(feed.notModifiedCount()).isGreaterThanOrEqualTo(1);
        once(settings);                                  // a restart is a new Daemon on the same database
        feed.publish(List.of(item(1), item(2), item(3),
                new FeedServer.Item("other-guid", "Story number 3, updated", "https://news.example.org/2026/11/25/story-3?utm_source=rss")));
        once(settings);                                  // the same canonical link under another guid
        assertThat(x.tweets()).hasSize(1);
        assertThat(graph.posts()).hasSize(1);
        assertThat(rows(settings)).hasSize(2).allMatch(r -> r.state() == OutboxState.SENT && r.attempts() == 1);
    }

    @Test
    void transientFaultsAreRetriedUntilThePostGoesOutExactlyOnce() throws IOException {
        HeraldSettings settings = settings(newsroom(1), TestChannels.X_TOKEN);
        feed.publish(List.of(item(7)));
        x.nextServerError(500, FakeX.ErrorBody.PROBLEM_JSON);
        once(settings);
        assertThat(x.tweets()).isEmpty();

        x.rateLimit(0, Duration.ofMinutes(15));          // 429 with a reset time
        clock.advance(Duration.ofMinutes(2));
        once(settings);
        x.rateLimit(200, Duration.ofMinutes(15));
        x.nextSlowWithoutStoring(Duration.ofMillis(1500)); // time-out
        x.nextDropBeforeStoring();                         // connection reset
        for (int i = 0; i < 12 && x.tweets().isEmpty(); i++) {
            clock.advance(Duration.ofMinutes(16));
            once(settings);
        }
        assertThat(x.tweets()).containsExactly("Story number 7 for the test https://news.example.org/2026/11/25/story-7");
        OutboxEntry row = rows(settings).stream().filter(r -> r.channel().equals("x-main")).findFirst().orElseThrow();
        assertThat(row.state()).isEqualTo(OutboxState.SENT);
        assertThat(row.attempts()).isEqualTo(x.requests().size()).isGreaterThanOrEqualTo(5);
        assertThat(graph.posts()).hasSize(1);
    }

    @Test
    void authFailurePausesTheChannelAndLosesNothing() throws IOException {
        HeraldSettings settings = settings(newsroom(1), "revoked-token-0000");
        feed.publish(List.of(item(9)));
        once(settings);
        assertThat(graph.posts()).hasSize(1);
        OutboxEntry waiting = rows(settings).stream().filter(r -> r.channel().equals("x-main")).findFirst().orElseThrow();
        assertThat(waiting.state()).isEqualTo(OutboxState.SCHEDULED);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.lastError()).hasValueSatisfying(e -> assertThat(e).contains("authentication failed"));

        HeraldSettings fixed = settings(newsroom(1), TestChannels.X_TOKEN);
        once(fixed);
        assertThat(x.tweets()).hasSize(1);
    }

    @Test
    void badFeedsAreMarkedUnhealthyAndTheOthersKeepFlowing() throws IOException {
        feed.publish(List.of(item(1)));
        feed.serve("/broken.xml", 200, "application/rss+xml", "<rss><channel><item><title>Oops</channel></rss>");
        feed.serve("/page.html", 200, "text/html", "<!DOCTYPE html><html><head><title>Not a feed</title></head></html>");
        feed.serve("/gone.xml", 404, "text/plain", "no");
        feed.serve("/huge.xml", 200, "application/rss+xml", "<rss>" + "x".repeat(5 * 1024 * 1024 + 10) + "</rss>");
        feed.serve("/xxe.xml", 200, "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
        StringBuilder feeds = new StringBuilder(newsroom(1));
        for (String bad : List.of("broken.xml", "page.html", "gone.xml", "huge.xml", "xxe.xml")) {
            feeds.append("\n f-").append(bad.replace('.', '-')).append(" { url = \"").append(feed.url("/" + bad)).append("\", every = 2m }");
        }
        HeraldSettings settings = settings(feeds.toString(), TestChannels.X_TOKEN);
        Daemon.OnceReport report = once(settings);
        assertThat(report.anyFeedFailed()).isTrue();
        assertThat(x.tweets()).hasSize(1);
        try (Daemon daemon = Daemon.open(settings, clock, System.out)) {
            List<FeedState> states = daemon.feedStates().all();
            assertThat(states).filteredOn(s -> !s.healthy()).extracting(FeedState::feed)
                    .containsExactlyInAnyOrder("f-broken-xml", "f-page-html", "f-gone-xml", "f-huge-xml", "f-xxe-xml");
            assertThat(states).filteredOn(s -> s.feed().equals("f-gone-xml")).singleElement()
                    .satisfies(s -> assertThat(s.lastError()).contains("HTTP 404 Not Found"));
            assertThat(states).filteredOn(s -> s.feed().equals("f-page-html")).singleElement()
                    .satisfies(s -> assertThat(s.lastError()).hasValueSatisfying(e -> assertThat(e).contains("not an RSS or Atom feed")));
            assertThat(states).filteredOn(s -> s.feed().equals("f-xxe-xml")).singleElement()
                    .satisfies(s -> assertThat(s.lastError()).hasValueSatisfying(e -> assertThat(e).doesNotContain("root:")));
        }
    }

    @Test
    void postsMoreThanMaxLatenessLateExpireAndFreshOnesGoOut() throws IOException {
        HeraldSettings settings = settings(newsroom(1), TestChannels.X_TOKEN);
        feed.publish(List.of(item(4)));
        try (Daemon daemon = Daemon.open(settings, clock, System.out)) {
            daemon.reconcile();
        }
        // the feed is polled, then Herald is down for seven hours before anything is sent
        try (Daemon daemon = Daemon.open(settings, clock, System.out)) {
            new FeedPoll(settings.schedule().feeds().get(0), settings.channels(), new org.herald.source.FileAndWebSource(settings.fetch()),
                    new org.herald.condense.Condenser(settings.condense()), daemon.outbox(), daemon.feedStates(), clock).run();
        }
        clock.advance(Duration.ofHours(7));
        once(settings);
        assertThat(x.tweets()).isEmpty();
        assertThat(rows(settings)).allMatch(r -> r.state() == OutboxState.EXPIRED)
                .allSatisfy(r -> assertThat(r.lastError()).hasValueSatisfying(e -> assertThat(e).contains("max-lateness")));
    }
}
