package org.herald.schedule;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** PostgreSQL from Maven's embedded binaries, one database per test, and what a test needs to talk to the nodes. */
final class ClusterHarness {
    private static final Pattern OPS = Pattern.compile("/metrics on http://127\\.0\\.0\\.1:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ClusterHarness() {
    }

    static EmbeddedPostgres postgres(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "200");
        if (dataDirectory != null) builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        if (port > 0) builder.setPort(port);
        return builder.start();
    }

    /** A fresh database on the server and its JDBC URL. */
    static String database(EmbeddedPostgres postgres, String name) throws SQLException {
        String server = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return server + name;
    }

    /** The ops port a node logged when it came up. */
    static int opsPort(HeraldProcess node) {
        await().atMost(Duration.ofSeconds(60)).until(() -> OPS.matcher(node.output()).find() || !node.isAlive());
        Matcher m = OPS.matcher(node.output());
        if (!m.find()) throw new AssertionError("the node did not start:\n" + node.output());
        return Integer.parseInt(m.group(1));
    }

    /** The status and body of {@code GET path}, or -1 when nothing answers. */
    static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int status(int port, String path) {
        try {
            return get(port, path).statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** One sample of a Prometheus text exposition, e.g. {@code herald_posts_sent_total{channel="x-a"}}; 0 when absent. */
    static double sample(String exposition, String name, String labels) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#")) continue;
            String prefix = labels.isEmpty() ? name + " " : name + "{" + labels;
            if (line.startsWith(prefix)) {
                if (!labels.isEmpty() && !line.startsWith(name + "{" + labels + "}") && !line.startsWith(name + "{" + labels + ",")) continue;
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
