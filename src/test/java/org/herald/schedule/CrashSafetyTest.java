package org.herald.schedule;

import org.herald.config.SettingsLoader;
import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code herald run} as a separate process, killed with SIGKILL at random points while it posts a burst of
 * 100 stories to both channels, restarted, and killed again; at the end every story is on each platform
 * exactly once (counted on the fakes) and every outbox row is SENT.
 */
class CrashSafetyTest {
    private static final int STORIES = 100;

    @TempDir
    Path dir;

    @Test
    void killedAtRandomPointsNothingIsLostAndNothingIsPostedTwice() throws Exception {
        Random random = new Random(20261125);
        try (FeedServer feed = new FeedServer();
             FakeX x = FakeX.start(Clock.systemUTC()).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET,
                     TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET).rateLimit(100_000, Duration.ofMinutes(15));
             FakeGraph graph = FakeGraph.start(Clock.systemUTC()).page(TestChannels.FB_PAGE, "Herald Test Page")
                     .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true)) {
            List<FeedServer.Item> items = new ArrayList<>();
            for (int i = 1; i <= STORIES; i++) {
                items.add(new FeedServer.Item("burst-" + i, "Burst story " + i + " of the crash test", "https://news.example.org/burst/" + i));
            }
            feed.publish(items);
            Path config = dir.resolve("herald.conf");
            Files.writeString(config, """
                    storage.jdbc-url = "jdbc:h2:file:%s"
                    schedule { dispatch-interval = 100ms }
                    console.listen = "127.0.0.1:0"
                    feeds.burst { url = "%s", every = 1s, initial-backlog = %d }
                    channels {
                      x-main { network = x, api-key = "%s", api-key-secret = "%s", access-token = "%s", access-token-secret = "%s",
                               api-base-url = "%s", read-timeout = 3s }
                      fb-main { network = facebook, page-id = "%s", page-access-token = "%s", graph-base-url = "%s", read-timeout = 3s }
                    }
                    """.formatted(dir.resolve("data/herald").toAbsolutePath(), feed.url("/rss.xml"), STORIES, TestChannels.X_KEY,
                    TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET, x.baseUrl(), TestChannels.FB_PAGE,
                    TestChannels.FB_TOKEN, graph.baseUrl()));

            int kills = 0;
            while (kills < 6 && x.tweets().size() + graph.posts().size() < 2 * STORIES - 20) {
                Process herald = start(config, kills);
                int target = x.tweets().size() + graph.posts().size() + 5 + random.nextInt(30);
                await().atMost(Duration.ofSeconds(60)).until(() -> x.tweets().size() + graph.posts().size() >= target || !herald.isAlive());
                herald.destroyForcibly();  // SIGKILL: no shutdown hook, no clean-up
                assertThat(herald.waitFor(10, TimeUnit.SECONDS)).isTrue();
                kills++;
            }
            assertThat(kills).as("the burst was interrupted several times").isGreaterThanOrEqualTo(3);

            Process last = start(config, kills);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> x.tweets().size() >= STORIES && graph.posts().size() >= STORIES
                        || !last.isAlive());
                assertThat(last.isAlive()).as("the last run is still running").isTrue();
            } catch (RuntimeException | AssertionError e) {
                // what the last two runs said, and where the rows stand, so a failure here can be explained
                System.out.printf("crash test: X has %d tweets, Graph %d posts of %d stories%n", x.tweets().size(), graph.posts().size(), STORIES);
                for (int run = Math.max(0, kills - 1); run <= kills; run++) {
                    List<String> lines = Files.readAllLines(dir.resolve("run-" + run + ".log"));
                    System.out.println("---- run " + run + ", last lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
                last.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                try (Database database = Database.open(SettingsLoader.load(config).storage())) {
                    System.out.println("---- rows by state: " + new Outbox(database.dataSource()).countByState());
                }
                throw e;
            }
            last.destroy();            // SIGTERM: graceful
            assertThat(last.waitFor(30, TimeUnit.SECONDS)).isTrue();

            System.out.printf("crash test: %d SIGKILLs; X received %d POSTs for %d tweets, Graph %d POSTs for %d posts%n", kills,
                    x.requests().stream().filter(r -> r.method().equals("POST")).count(), x.tweets().size(),
                    graph.requests().stream().filter(r -> r.method().equals("POST")).count(), graph.posts().size());
            // each kill can leave at most one call per channel in flight; anything more means committed
            // outcomes were forgotten and posts were sent again
            assertThat(x.requests().stream().filter(r -> r.method().equals("POST")).count()).isLessThanOrEqualTo(STORIES + kills);
            assertThat(graph.requests().stream().filter(r -> r.method().equals("POST")).count()).isLessThanOrEqualTo(STORIES + kills);
            assertThat(counts(x.tweets())).hasSize(STORIES).allSatisfy((text, n) -> assertThat(n).as(text).isEqualTo(1));
            List<String> links = graph.posts().stream().map(p -> p.get("link")).toList();
            assertThat(counts(links)).hasSize(STORIES).allSatisfy((link, n) -> assertThat(n).as(link).isEqualTo(1));
            try (Database database = Database.open(SettingsLoader.load(config).storage())) {
                List<OutboxEntry> rows = new Outbox(database.dataSource()).list(Optional.empty(), 10_000);
                assertThat(rows).hasSize(2 * STORIES).allMatch(r -> r.state() == OutboxState.SENT);
            }
        }
    }

    private Process start(Path config, int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.herald.Herald", "--config", config.toString(), "run");
        File log = dir.resolve("run-" + run + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) counts.merge(v, 1, Integer::sum);
        return counts;
    }
}
