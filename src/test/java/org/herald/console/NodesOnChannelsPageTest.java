package org.herald.console;

import org.herald.access.Role;
import org.herald.config.HeraldVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /channels} lists the nodes as {@code herald nodes} does, through the same {@code ClusterNodes}; on the
 * embedded database that is the one {@code herald run} sending from it. (The PostgreSQL side, a killed node
 * shown dead, is in {@code ClusterTest}.)
 */
class NodesOnChannelsPageTest {
    private static final Pattern NODE = Pattern.compile("<article class=\"card node\" id=\"node-([^\"]+)\" data-state=\"([a-z]+)\">(.*?)</article>",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    private RunningHerald herald;
    private Browserless viewer;

    @BeforeEach
    void start() {
        herald = RunningHerald.start(dir, "");
        herald.addUser("vic", Role.VIEWER);
        viewer = new Browserless(herald.url(""));
        viewer.signIn("vic", RunningHerald.PASSWORD);
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    @Test
    void theEmbeddedDatabaseShowsTheProcessSendingFromItAsItsOneLiveNode() throws Exception {
        viewer.post("/settings", Map.of("csrf", viewer.sessionCsrf(), "time-zone", "Asia/Tokyo"));
        List<String[]> nodes = nodes(viewer.get("/channels").body());
        assertThat(nodes).hasSize(1);
        String id = nodes.get(0)[0];
        assertThat(id).isEqualTo(unstopped().get(0)).contains("-" + ProcessHandle.current().pid() + "-");
        assertThat(nodes.get(0)[1]).isEqualTo("alive");
        assertThat(nodes.get(0)[2])
                .contains("<span class=\"badge badge-live\">alive</span>")
                .contains("<dt>host</dt><dd>").contains(":" + ProcessHandle.current().pid() + "</dd>")
                .contains("<dt>version</dt><dd>" + HeraldVersion.current() + "</dd>")
                .contains("<dt>last check-in</dt><dd>none: the embedded database has one node and no check-ins</dd>")
                .containsPattern("<dt>started</dt><dd>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d Asia/Tokyo</dd>");
    }

    @Test
    void whatTheNodeIsRunningNowIsShownWhileAPostIsMidCall() {
        herald.graph.nextSlow(Duration.ofMillis(1500));
        herald.enqueue("Bridge reopens after repairs", "https://news.example.org/bridge", Instant.now());
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> nodes(viewer.get("/channels").body()).get(0)[2].contains("<dt>running now</dt><dd>send fb-main; 1 post mid-call</dd>"));
        await().atMost(Duration.ofSeconds(15)).until(() -> herald.graph.posts().size() == 1);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> !nodes(viewer.get("/channels").body()).get(0)[2].contains("mid-call"));
    }

    @Test
    void aRestartedRunIsStoppedAndAKilledOneDeadAndEveryValueIsEscaped() throws Exception {
        String first = unstopped().get(0);
        herald.restart();
        // a run that was killed long ago (its process is gone): its row has no stop; the host is hostile text
        try (Connection c = herald.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO herald_node (instance_id, host, pid, version, started_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, "old-\"node\"-1");
            s.setString(2, "<script>alert(1)</script>");
            s.setLong(3, 4_000_000_000L);
            s.setString(4, "0.9 & <b>");
            s.setObject(5, Instant.now().minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
        String page = viewer.get("/channels").body();
        List<String[]> nodes = nodes(page);
        assertThat(nodes).extracting(n -> n[0] + " " + n[1])
                .containsExactly("old-&#34;node&#34;-1 dead", first + " stopped", unstopped().get(1) + " alive");
        assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;:4000000000").contains("0.9 &amp; &lt;b&gt;")
                .contains("<span class=\"badge badge-failed\">dead</span>").contains("<span class=\"badge badge-cancelled\">stopped</span>");
    }

    /** Each node card on the page: instance id (as written in the attribute), state, the card's markup. */
    private static List<String[]> nodes(String page) {
        List<String[]> out = new ArrayList<>();
        Matcher m = NODE.matcher(page.substring(page.indexOf("<section id=\"nodes\">")));
        while (m.find()) out.add(new String[]{m.group(1), m.group(2), m.group(3)});
        return out;
    }

    /** The nodes recorded without a stop, oldest first. */
    private List<String> unstopped() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = herald.dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT instance_id FROM herald_node WHERE stopped_at IS NULL ORDER BY started_at")) {
            while (r.next()) ids.add(r.getString(1));
        }
        return ids;
    }
}
