package org.herald.schedule;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.publish.TestChannels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Cluster measurements for BENCHMARKS.md, with {@code herald run} nodes as separate processes on embedded
 * PostgreSQL and the local fakes: posts dispatched per second with 1, 2 and 3 nodes and 4 and 40 channels;
 * failover time after SIGKILL (10 kills, default check-in interval); database transactions per idle node.
 * Arguments: any of {@code throughput failover idle} (default: all).
 */
public final class ClusterBenchmarks {
    private static final Pattern NODE_ID = Pattern.compile("as cluster node (\\S+);");

    private ClusterBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> what = args.length == 0 ? List.of("throughput", "failover", "idle") : List.of(args);
        Path dir = Files.createTempDirectory("herald-cluster-bench");
        try (EmbeddedPostgres postgres = ClusterHarness.postgres(null, 0);
             FakeX x = FakeX.start(Clock.systemUTC()).rateLimit(1_000_000, Duration.ofMinutes(15));
             FakeGraph graph = FakeGraph.start(Clock.systemUTC())) {
            for (int i = 0; i < 20; i++) {
                x.acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, "token-" + i, TestChannels.X_TOKEN_SECRET);
                graph.page("90000000" + i, "Page " + i).pageToken("page-token-" + i, "90000000" + i, null, true);
            }
            int run = 0;
            if (what.contains("throughput")) {
                System.out.println("| nodes | channels | rows | seconds (first claim → last sent) | posts/s |");
                for (int channels : List.of(4, 40)) {
                    for (int nodes = 1; nodes <= 3; nodes++) {
                        throughput(postgres, x, graph, dir.resolve("t" + (++run)), nodes, channels, channels == 4 ? 500 : 60);
                    }
                }
            }
            if (what.contains("failover")) failover(postgres, x, graph, dir.resolve("failover"));
            if (what.contains("idle")) idle(postgres, x, graph, dir.resolve("idle"));
        }
    }

    private static Path config(Path dir, String url, int channels, String feedUrl, String schedule, FakeX x, FakeGraph graph) throws Exception {
        Files.createDirectories(dir);
        StringBuilder c = new StringBuilder();
        c.append("storage { jdbc-url = \"").append(url).append("\", user = \"postgres\" }\n");
        c.append("schedule { ").append(schedule).append(" }\n");
        c.append("console.listen = \"127.0.0.1:0\"\n");
        c.append("feeds.news { url = \"").append(feedUrl).append("\", every = 1s }\n");
        c.append("channel-defaults.x { connect-timeout = 1s, read-timeout = 3s }\n");
        c.append("channel-defaults.facebook { connect-timeout = 1s, read-timeout = 3s }\n");
        c.append("channels {\n");
        for (int i = 0; i < channels / 2; i++) {
            c.append("  x-").append(i).append(" { network = x, api-key = \"").append(TestChannels.X_KEY).append("\", api-key-secret = \"")
                    .append(TestChannels.X_KEY_SECRET).append("\", access-token-secret = \"").append(TestChannels.X_TOKEN_SECRET)
                    .append("\", access-token = \"token-").append(i).append("\", api-base-url = \"")
                    .append(x.baseUrl()).append("\" }\n");
            c.append("  fb-").append(i).append(" { network = facebook, page-id = \"90000000").append(i).append("\", page-access-token = \"page-token-")
                    .append(i).append("\", graph-base-url = \"").append(graph.baseUrl()).append("\" }\n");
        }
        c.append("}\n");
        Path file = dir.resolve("herald.conf");
        Files.writeString(file, c.toString());
        return file;
    }

    private static List<HeraldProcess> start(Path dir, Path config, int nodes) throws Exception {
        List<HeraldProcess> started = new ArrayList<>();
        for (int i = 0; i < nodes; i++) started.add(HeraldProcess.start(dir.resolve("node-" + started.size() + "-" + System.nanoTime() + ".log"), config, "run"));
        for (HeraldProcess node : started) nodeId(node);
        return started;
    }

    private static String nodeId(HeraldProcess node) {
        await().atMost(Duration.ofSeconds(120)).until(() -> NODE_ID.matcher(node.output()).find() || !node.isAlive());
        Matcher m = NODE_ID.matcher(node.output());
        if (!m.find()) throw new AssertionError("the node did not start:\n" + node.output());
        return m.group(1);
    }

    private static void throughput(EmbeddedPostgres postgres, FakeX x, FakeGraph graph, Path dir, int nodes, int channels, int stories)
            throws Exception {
        String url = ClusterHarness.database(postgres, "t" + nodes + "_" + channels);
        try (FeedServer feed = new FeedServer()) {
            feed.publish(List.of());
            Path config = config(dir, url, channels, feed.url("/rss.xml"), "dispatch-interval = 200ms, sending-timeout = 10s", x, graph);
            List<HeraldProcess> running = start(dir, config, nodes);
            try {
                Thread.sleep(3000);   // every node checked in and the first (empty) poll done
                List<FeedServer.Item> items = new ArrayList<>();
                String tag = "n" + nodes + "c" + channels;
                for (int i = 1; i <= stories; i++) items.add(new FeedServer.Item(tag + "-" + i, "Throughput story " + tag + " " + i,
                        "https://news.example.org/" + tag + "/" + i));
                feed.publish(items);
                int rows = stories * channels;
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() -> count(url, "state = 'SENT'") == rows);
                try (Connection c = DriverManager.getConnection(url, "postgres", "");
                     ResultSet r = c.createStatement().executeQuery("SELECT MIN(claimed_at), MAX(sent_at) FROM outbox WHERE state = 'SENT'")) {
                    r.next();
                    Instant first = r.getObject(1, java.time.OffsetDateTime.class).toInstant();
                    Instant last = r.getObject(2, java.time.OffsetDateTime.class).toInstant();
                    double seconds = Duration.between(first, last).toMillis() / 1000.0;
                    System.out.printf("| %d | %d | %d | %.1f | %.0f |%n", nodes, channels, rows, seconds, rows / seconds);
                }
            } finally {
                for (HeraldProcess node : running) node.close();
            }
        }
    }

    /** Two nodes at the default check-in interval; ten times: kill one, time until the other has taken its work. */
    private static void failover(EmbeddedPostgres postgres, FakeX x, FakeGraph graph, Path dir) throws Exception {
        String url = ClusterHarness.database(postgres, "failover");
        Random random = new Random(12);
        try (FeedServer feed = new FeedServer()) {
            feed.publish(List.of());
            Path config = config(dir, url, 4, feed.url("/rss.xml"), "dispatch-interval = 2s", x, graph);
            List<HeraldProcess> running = start(dir, config, 2);
            List<String> ids = new ArrayList<>();
            for (HeraldProcess node : running) ids.add(nodeId(node));
            List<Long> millis = new ArrayList<>();
            try {
                for (int kill = 0; kill < 10; kill++) {
                    Thread.sleep(2000 + random.nextInt(7500));   // anywhere in a check-in interval
                    HeraldProcess victim = running.remove(0);
                    String victimId = ids.remove(0);
                    victim.kill();
                    Instant killed = Instant.now();
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> !checkedIn(url, victimId));
                    long took = Duration.between(killed, Instant.now()).toMillis();
                    millis.add(took);
                    System.out.printf("failover %d: %d ms%n", kill + 1, took);
                    HeraldProcess replacement = start(dir, config, 1).get(0);
                    running.add(replacement);
                    ids.add(nodeId(replacement));
                }
            } finally {
                for (HeraldProcess node : running) node.close();
            }
            Collections.sort(millis);
            System.out.printf("failover after SIGKILL, 10 kills, check-in 7.5 s: median %d ms, worst %d ms, best %d ms%n",
                    (millis.get(4) + millis.get(5)) / 2, millis.get(9), millis.get(0));
        }
    }

    /** Transactions per second on the database with 0 to 3 idle nodes (4 channels, nothing due). */
    private static void idle(EmbeddedPostgres postgres, FakeX x, FakeGraph graph, Path dir) throws Exception {
        String url = ClusterHarness.database(postgres, "idle");
        try (FeedServer feed = new FeedServer()) {
            feed.publish(List.of());
            Path config = config(dir, url, 4, feed.url("/rss.xml"), "", x, graph);
            List<HeraldProcess> running = new ArrayList<>();
            try {
                System.out.println("| idle nodes | transactions/s | rows read/s |");
                for (int nodes = 0; nodes <= 3; nodes++) {
                    if (nodes > 0) running.addAll(start(dir, config, 1));
                    Thread.sleep(10_000);
                    long[] before = stats(url);
                    Thread.sleep(30_000);
                    long[] after = stats(url);
                    System.out.printf("| %d | %.1f | %.0f |%n", nodes, (after[0] - before[0]) / 30.0, (after[1] - before[1]) / 30.0);
                }
            } finally {
                for (HeraldProcess node : running) node.close();
            }
        }
    }

    private static long[] stats(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement s = c.prepareStatement(
                     "SELECT xact_commit + xact_rollback, tup_returned + tup_fetched FROM pg_stat_database WHERE datname = current_database()")) {
            // the statistics collector publishes at most every half second or so; read a fresh snapshot
            c.createStatement().execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[]{r.getLong(1), r.getLong(2)};
            }
        }
    }

    private static int count(String url, String where) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM outbox WHERE " + where)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static boolean checkedIn(String url, String node) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM qrtz_scheduler_state WHERE instance_name = ?")) {
            s.setString(1, node);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) > 0;
            }
        }
    }
}
