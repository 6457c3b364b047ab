package org.herald.schedule;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node's ops endpoints, served by {@code herald run} on {@code console.listen} without the console: /metrics
 * counts what the fakes received, and /readyz turns 503 when the database stops and 200 again when it is back,
 * with no restart.
 */
class OpsEndpointsTest {
    private static final int STORIES = 20;

    @TempDir
    Path dir;

    @Test
    void metricsMatchThePlatformsAndReadinessFollowsTheDatabase() throws Exception {
        int pgPort;
        try (ServerSocket free = new ServerSocket(0)) {
            pgPort = free.getLocalPort();
        }
        Path data = dir.resolve("pg");
        EmbeddedPostgres postgres = ClusterHarness.postgres(data, pgPort);
        try (FeedServer feed = new FeedServer();
             FakeX x = FakeX.start(Clock.systemUTC()).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET,
                     TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET).rateLimit(100_000, Duration.ofMinutes(15));
             FakeGraph graph = FakeGraph.start(Clock.systemUTC()).page(TestChannels.FB_PAGE, "Herald Test Page")
                     .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true)) {
            String url = ClusterHarness.database(postgres, "ops");
            List<FeedServer.Item> items = new ArrayList<>();
            for (int i = 1; i <= STORIES; i++) items.add(new FeedServer.Item("o-" + i, "Ops story " + i, "https://news.example.org/ops/" + i));
            feed.publish(items);
            Path config = dir.resolve("ops.conf");
            Files.writeString(config, """
                    storage { jdbc-url = "%s", user = "postgres" }
                    schedule { dispatch-interval = 200ms, cluster-checkin-interval = 1s, sending-timeout = 10s }
                    console.listen = "127.0.0.1:0"
                    feeds.news { url = "%s", every = 1s, initial-backlog = %d }
                    channels {
                      x-main { network = x, api-key = "%s", api-key-secret = "%s", access-token = "%s", access-token-secret = "%s",
                               api-base-url = "%s", read-timeout = 3s, connect-timeout = 1s }
                      fb-main { network = facebook, page-id = "%s", page-access-token = "%s", graph-base-url = "%s",
                                read-timeout = 3s, connect-timeout = 1s }
                    }
                    """.formatted(url, feed.url("/rss.xml"), STORIES, TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN,
                    TestChannels.X_TOKEN_SECRET, x.baseUrl(), TestChannels.FB_PAGE, TestChannels.FB_TOKEN, graph.baseUrl()));

            try (HeraldProcess node = HeraldProcess.start(dir.resolve("node.log"), config, "run")) {
                int port = ClusterHarness.opsPort(node);
                assertThat(ClusterHarness.status(port, "/healthz")).isEqualTo(200);
                await().atMost(Duration.ofSeconds(60)).until(() -> x.tweets().size() >= STORIES && graph.posts().size() >= STORIES);
                await().atMost(Duration.ofSeconds(10)).until(() -> ClusterHarness.status(port, "/readyz") == 200);

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    String metrics = ClusterHarness.get(port, "/metrics").body();
                    assertThat(ClusterHarness.sample(metrics, "herald_posts_sent_total", "channel=\"x-main\"")).isEqualTo(x.tweets().size());
                    assertThat(ClusterHarness.sample(metrics, "herald_posts_sent_total", "channel=\"fb-main\"")).isEqualTo(graph.posts().size());
                    assertThat(ClusterHarness.sample(metrics, "herald_posts_failed_total", "channel=\"x-main\"")).isZero();
                    assertThat(ClusterHarness.sample(metrics, "herald_outbox_rows", "state=\"SENT\"")).isEqualTo(2 * STORIES);
                    assertThat(ClusterHarness.sample(metrics, "herald_outbox_rows", "state=\"SCHEDULED\"")).isZero();
                    assertThat(ClusterHarness.sample(metrics, "herald_publish_latency_seconds_count", "network=\"x\""))
                            .isEqualTo(x.requests().stream().filter(r -> r.method().equals("POST")).count());
                    assertThat(ClusterHarness.sample(metrics, "herald_publish_latency_seconds_count", "network=\"facebook\""))
                            .isEqualTo(graph.requests().stream().filter(r -> r.method().equals("POST")).count());
                    assertThat(metrics).contains("herald_publish_latency_seconds_bucket{network=\"x\",le=");
                    assertThat(ClusterHarness.sample(metrics, "herald_feed_poll_seconds_count", "feed=\"news\"")).isPositive();
                    assertThat(ClusterHarness.sample(metrics, "herald_feed_poll_errors_total", "feed=\"news\"")).isZero();
                    assertThat(ClusterHarness.sample(metrics, "herald_cluster_nodes_alive", "")).isEqualTo(1);
                    assertThat(metrics).contains("herald_quartz_misfires_total");
                });

                postgres.close();   // the database stops under the running node
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ClusterHarness.status(port, "/readyz") == 503);
                assertThat(ClusterHarness.get(port, "/readyz").body()).contains("database");
                assertThat(ClusterHarness.status(port, "/healthz")).isEqualTo(200);

                postgres = ClusterHarness.postgres(data, pgPort);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ClusterHarness.status(port, "/readyz") == 200);
                assertThat(node.isAlive()).isTrue();
            }
        } finally {
            postgres.close();
        }
    }
}
