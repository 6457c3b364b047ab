package org.herald.schedule;

import org.herald.config.HeraldSettings;
import org.herald.config.SettingsLoader;
import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The daemon on a real Quartz scheduler with its JDBC job store: short real intervals, awaited, never slept. */
class QuartzRunTest {
    @TempDir
    Path dir;

    private FeedServer feed;
    private FakeX x;
    private FakeGraph graph;

    @BeforeEach
    void start() {
        feed = new FeedServer();
        x = FakeX.start(Clock.systemUTC()).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN,
                TestChannels.X_TOKEN_SECRET);
        graph = FakeGraph.start(Clock.systemUTC()).page(TestChannels.FB_PAGE, "Herald Test Page")
                .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true);
    }

    @AfterEach
    void stop() {
        feed.close();
        x.close();
        graph.close();
    }

    @Test
    void pollsOnItsTriggerPostsNewStoriesAndKeepsItsScheduleAcrossARestart() throws Exception {
        Path file = dir.resolve("herald.conf");
        Files.writeString(file, """
                storage.jdbc-url = "jdbc:h2:file:%s"
                schedule { dispatch-interval = 200ms }
                feeds.newsroom { url = "%s", every = 1s, initial-backlog = 0 }
                channels {
                  x-main { network = x, api-key = "%s", api-key-secret = "%s", access-token = "%s", access-token-secret = "%s",
                           api-base-url = "%s" }
                  fb-main { network = facebook, page-id = "%s", page-access-token = "%s", graph-base-url = "%s" }
                }
                """.formatted(dir.resolve("data/herald").toAbsolutePath(), feed.url("/rss.xml"), TestChannels.X_KEY, TestChannels.X_KEY_SECRET,
                TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET, x.baseUrl(), TestChannels.FB_PAGE, TestChannels.FB_TOKEN, graph.baseUrl()));
        HeraldSettings settings = SettingsLoader.load(file);
        feed.publish(List.of(new FeedServer.Item("a", "Existing story", "https://news.example.org/a")));

        try (Daemon daemon = Daemon.open(settings, Clock.systemUTC(), System.out)) {
            daemon.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> daemon.feedStates().get("newsroom").isPresent());
            feed.publish(List.of(new FeedServer.Item("a", "Existing story", "https://news.example.org/a"),
                    new FeedServer.Item("b", "Breaking story", "https://news.example.org/b")));
            await().atMost(Duration.ofSeconds(15)).until(() -> x.tweets().size() == 1 && graph.posts().size() == 1);
            assertThat(x.tweets()).containsExactly("Breaking story https://news.example.org/b");
        }

        try (Daemon daemon = Daemon.open(settings, Clock.systemUTC(), System.out)) {
            try (Connection c = daemon.dataSource().getConnection();
                 ResultSet r = c.createStatement().executeQuery("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS ORDER BY JOB_NAME")) {
                List<String> jobs = new java.util.ArrayList<>();
                while (r.next()) jobs.add(r.getString(1));
                assertThat(jobs).containsExactly("poll-newsroom", "send-fb-main", "send-x-main");
            }
            daemon.start();
            feed.publish(List.of(new FeedServer.Item("c", "Later story", "https://news.example.org/c")));
            await().atMost(Duration.ofSeconds(15)).until(() -> x.tweets().size() == 2);
        }
        assertThat(x.tweets()).containsExactly("Breaking story https://news.example.org/b", "Later story https://news.example.org/c");
    }
}
