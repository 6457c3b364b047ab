package org.herald.schedule;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.herald.access.Role;
import org.herald.access.Sessions;
import org.herald.access.Users;
import org.herald.console.auth.Guard;
import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three {@code herald run} processes on one PostgreSQL (embedded binaries from Maven) posting a burst of 500
 * stories to four channels on the local fakes, one node killed with SIGKILL mid-burst: every story reaches
 * every channel exactly once, work is spread over the nodes, the survivors take the dead node's work over
 * within two check-in intervals, {@code herald nodes} and a survivor's console show it dead, and a paced channel fed at the same time
 * never gets two posts closer than its minimum gap, whichever node sends them.
 */
class ClusterTest {
    private static final int STORIES = 500;
    private static final int PACED = 5;
    /**
     * Short so the test is quick; the rule checked is the same at the default 7.5 s. Nodes check in every 1 s,
     * so a dead one is taken over 1.5 to 3.5 s after the kill (ClusterJobStore), leaving half a second of the
     * two intervals for a loaded machine.
     */
    private static final Duration CHECKIN = Duration.ofSeconds(2);
    /** Five posts 10 s apart: the paced channel's posts span the burst, the kill and the takeover. */
    private static final Duration MIN_GAP = Duration.ofSeconds(10);
    private static final String PAGE_A = "1111111111";
    private static final String PAGE_B = "2222222222";
    private static final String TOKEN_A = "EAAG-page-token-a-0001";
    private static final String TOKEN_B = "EAAG-page-token-b-0002";
    private static final Pattern NODE_ID = Pattern.compile("as cluster node (\\S+);");
    private static final Pattern CONSOLE = Pattern.compile("console on http://127\\.0\\.0\\.1:(\\d+)/");

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = ClusterHarness.postgres(null, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) postgres.close();
    }

    @Test
    void threeNodesPostEachStoryOnceAndTakeOverFromAKilledOne() throws Exception {
        String url = ClusterHarness.database(postgres, "burst");
        try (FeedServer burst = new FeedServer(); FeedServer paced = new FeedServer();
             FakeX xa = x(); FakeX xb = x(); FakeX xp = x();
             FakeGraph graph = FakeGraph.start(Clock.systemUTC()).page(PAGE_A, "Page A").pageToken(TOKEN_A, PAGE_A, null, true)
                     .page(PAGE_B, "Page B").pageToken(TOKEN_B, PAGE_B, null, true)) {
            List<FeedServer.Item> items = new ArrayList<>();
            for (int i = 1; i <= STORIES; i++) {
                items.add(new FeedServer.Item("c-" + i, "Cluster story " + i + " for every channel", "https://news.example.org/cluster/" + i));
            }
            List<FeedServer.Item> slow = new ArrayList<>();
            for (int i = 1; i <= PACED; i++) slow.add(new FeedServer.Item("p-" + i, "Paced story " + i, "https://news.example.org/paced/" + i));
            paced.publish(slow);
            Path config = dir.resolve("cluster.conf");
            Files.writeString(config, """
                    storage { jdbc-url = "%s", user = "postgres", pool-size = 8 }
                    schedule { dispatch-interval = 200ms, cluster-checkin-interval = %dms, sending-timeout = 5s }
                    console.listen = "127.0.0.1:0"
                    feeds.burst { url = "%s", every = 2s, initial-backlog = %d, channels = [x-a, x-b, fb-a, fb-b] }
                    feeds.paced { url = "%s", every = 2s, initial-backlog = %d, channels = [x-paced] }
                    channel-defaults.x { connect-timeout = 1s, read-timeout = 2s }
                    channel-defaults.facebook { connect-timeout = 1s, read-timeout = 2s }
                    channels {
                      x-a { network = x, %s, api-base-url = "%s" }
                      x-b { network = x, %s, api-base-url = "%s" }
                      x-paced { network = x, %s, api-base-url = "%s", min-gap = %ds }
                      fb-a { network = facebook, page-id = "%s", page-access-token = "%s", graph-base-url = "%s" }
                      fb-b { network = facebook, page-id = "%s", page-access-token = "%s", graph-base-url = "%s" }
                    }
                    """.formatted(url, CHECKIN.toMillis(), burst.url("/rss.xml"), STORIES, paced.url("/rss.xml"), PACED,
                    xCredentials(), xa.baseUrl(), xCredentials(), xb.baseUrl(), xCredentials(), xp.baseUrl(), MIN_GAP.toSeconds(),
                    PAGE_A, TOKEN_A, graph.baseUrl(), PAGE_B, TOKEN_B, graph.baseUrl()));

            List<HeraldProcess> nodes = new ArrayList<>();
            String[] killedNode = new String[1];
            try {
                for (int i = 0; i < 3; i++) nodes.add(HeraldProcess.start(dir.resolve("node-" + i + ".log"), config, "run"));
                List<String> ids = new ArrayList<>();
                for (HeraldProcess node : nodes) ids.add(nodeId(node));
                // the burst appears once every node is up: a node that started first would otherwise send it all
                burst.publish(items);

                // mid-burst, the node that has sent the most so far is killed
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> posted(xa, xb, graph) >= STORIES);
                int victimIndex = 0;
                for (int i = 1; i < 3; i++) if (claimedBy(url, ids.get(i)) > claimedBy(url, ids.get(victimIndex))) victimIndex = i;
                String victimId = ids.get(victimIndex);
                killedNode[0] = victimId;
                HeraldProcess victim = nodes.get(victimIndex);
                int before = posted(xa, xb, graph);
                victim.kill();
                Instant killed = Instant.now();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> !checkedIn(url, victimId));
                Duration takeover = Duration.between(killed, Instant.now());
                System.out.printf("cluster test: node killed after %d of %d posts; its work was taken over %d ms later%n",
                        before, 4 * STORIES, takeover.toMillis());
                // the promise: the others have recovered its Quartz work within two check-in intervals
                assertThat(takeover).isLessThanOrEqualTo(CHECKIN.multipliedBy(2));

                HeraldProcess listing = HeraldProcess.start(dir.resolve("nodes.log"), config, "nodes", "--json");
                assertThat(listing.exitCode(60)).as(listing.output()).isZero();
                String json = listing.output();
                for (String id : ids) {
                    if (id.equals(victimId)) assertThat(line(json, id)).contains("\"state\":\"dead\"").contains("\"alive\":false");
                    else assertThat(line(json, id)).contains("\"state\":\"alive\"").contains("\"host\":").contains("\"version\":");
                }
                // a survivor's console shows the same on /channels
                String page = channelsPage(url, nodes.get(victimIndex == 0 ? 1 : 0));
                for (String id : ids) {
                    assertThat(page).contains("id=\"node-" + id + "\" data-state=\"" + (id.equals(victimId) ? "dead" : "alive") + "\"");
                }
                assertThat(page).contains("<dd>none (work taken over)</dd>");

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                        xa.tweets().size() >= STORIES && xb.tweets().size() >= STORIES && graph.posts(PAGE_A).size() >= STORIES
                                && graph.posts(PAGE_B).size() >= STORIES && xp.tweets().size() >= PACED && allSent(url, 4 * STORIES + PACED));
            } catch (RuntimeException | AssertionError e) {
                for (HeraldProcess node : nodes) System.out.println("---- node log, last lines:\n" + tail(node.output(), 40));
                throw e;
            } finally {
                for (HeraldProcess node : nodes) node.close();
            }

            assertThat(counts(xa.tweets())).hasSize(STORIES).allSatisfy((text, n) -> assertThat(n).as(text).isEqualTo(1));
            assertThat(counts(xb.tweets())).hasSize(STORIES).allSatisfy((text, n) -> assertThat(n).as(text).isEqualTo(1));
            assertThat(counts(graph.posts(PAGE_A).stream().map(p -> p.get("link")).toList())).hasSize(STORIES)
                    .allSatisfy((link, n) -> assertThat(n).as(link).isEqualTo(1));
            assertThat(counts(graph.posts(PAGE_B).stream().map(p -> p.get("link")).toList())).hasSize(STORIES)
                    .allSatisfy((link, n) -> assertThat(n).as(link).isEqualTo(1));
            assertThat(counts(xp.tweets())).hasSize(PACED).allSatisfy((text, n) -> assertThat(n).as(text).isEqualTo(1));

            Map<String, Integer> byNode = claimers(url, "x-a', 'x-b', 'fb-a', 'fb-b");
            System.out.println("cluster test: rows by the node that sent them: " + byNode);
            assertThat(byNode).as("work is spread over the nodes").hasSizeGreaterThanOrEqualTo(2).containsKey(killedNode[0]);

            // one dispatcher per channel at a time, whichever node runs it: a channel's calls never overlap
            for (String channel : List.of("x-a", "x-b", "fb-a", "fb-b", "x-paced")) {
                List<Instant[]> calls = calls(url, channel);
                for (int i = 1; i < calls.size(); i++) {
                    assertThat(calls.get(i)[0]).as(channel + ": call " + (i + 1) + " began after call " + i + " ended")
                            .isAfterOrEqualTo(calls.get(i - 1)[1]);
                }
            }

            List<Instant> times = xp.tweetTimes();
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i))).as("gap before paced post " + (i + 1))
                        .isGreaterThanOrEqualTo(MIN_GAP);
            }
            System.out.println("cluster test: paced channel sent by " + claimers(url, "x-paced"));
        }
    }

    /** GET /channels on {@code node}'s console, signed in through a session made in the shared database. */
    private static String channelsPage(String url, HeraldProcess node) throws Exception {
        Matcher port = CONSOLE.matcher(node.output());
        if (!port.find()) throw new AssertionError("no console on the node:\n" + node.output());
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser("postgres");
        Users users = new Users(ds, Clock.systemUTC());
        users.add("ops", Role.VIEWER, "a long enough password".toCharArray());
        String session = new Sessions(ds, users, Clock.systemUTC()).create(users.find("ops").orElseThrow(), "cluster test").id();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/channels"))
                .header("Cookie", Guard.SESSION_COOKIE + "=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static FakeX x() {
        return FakeX.start(Clock.systemUTC()).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN,
                TestChannels.X_TOKEN_SECRET).rateLimit(100_000, Duration.ofMinutes(15));
    }

    private static int posted(FakeX xa, FakeX xb, FakeGraph graph) {
        return xa.tweets().size() + xb.tweets().size() + graph.posts().size();
    }

    private static String nodeId(HeraldProcess node) {
        await().atMost(Duration.ofSeconds(90)).until(() -> NODE_ID.matcher(node.output()).find() || !node.isAlive());
        Matcher m = NODE_ID.matcher(node.output());
        if (!m.find()) throw new AssertionError("the node did not start:\n" + node.output());
        return m.group(1);
    }

    private static String line(String output, String id) {
        return output.lines().filter(l -> l.contains("\"instanceId\":\"" + id + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id + " in:\n" + output));
    }

    private static int claimedBy(String url, String node) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE claimed_by = ?")) {
            s.setString(1, node);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
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

    private static boolean allSent(String url, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM outbox WHERE state = 'SENT'")) {
            r.next();
            return r.getInt(1) == rows;
        }
    }

    private static Map<String, Integer> claimers(String url, String channels) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet r = c.createStatement().executeQuery("SELECT claimed_by, COUNT(*) FROM outbox WHERE channel IN ('" + channels
                     + "') GROUP BY claimed_by")) {
            while (r.next()) out.put(r.getString(1), r.getInt(2));
        }
        return out;
    }

    /**
     * Each SENT row's claim and sent times, in claim order; rows that stayed claimed longer than a call can last
     * (connect + read time-out) are left out: they are the killed node's, settled later by another node.
     */
    private static List<Instant[]> calls(String url, String channel) throws Exception {
        List<Instant[]> calls = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement s = c.prepareStatement("SELECT claimed_at, sent_at FROM outbox WHERE channel = ? AND state = 'SENT' ORDER BY claimed_at")) {
            s.setString(1, channel);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant claimed = r.getObject(1, java.time.OffsetDateTime.class).toInstant();
                    Instant sent = r.getObject(2, java.time.OffsetDateTime.class).toInstant();
                    if (Duration.between(claimed, sent).compareTo(Duration.ofSeconds(3)) <= 0) calls.add(new Instant[]{claimed, sent});
                }
            }
        }
        return calls;
    }

    private static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) counts.merge(v, 1, Integer::sum);
        return counts;
    }

    /** The fake accounts' credentials, written into each X channel (a channel's credentials are its own, never defaults). */
    private static String xCredentials() {
        return "api-key = \"%s\", api-key-secret = \"%s\", access-token = \"%s\", access-token-secret = \"%s\"".formatted(
                TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET);
    }
}
