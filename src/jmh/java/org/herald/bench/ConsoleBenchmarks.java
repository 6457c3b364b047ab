package org.herald.bench;

import org.herald.access.Role;
import org.herald.access.Users;
import org.herald.config.HeraldSettings;
import org.herald.config.SettingsLoader;
import org.herald.console.ConsoleServer;
import org.herald.console.Engine;
import org.herald.console.Services;
import org.herald.outbox.Database;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console under a large outbox: /queue response times (first page, filters, free text, a deep page) with
 * 10,000 and 100,000 rows on the embedded H2 file, and sign-in to first page. Times are loopback round trips
 * measured by the client, so they include a little more than the server's own work.
 */
public final class ConsoleBenchmarks {
    private static final String PASSWORD = "benchmark-password";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern OLDER = Pattern.compile("id=\"older\" href=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[]{10_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int size : sizes) run(size);
    }

    private static void run(int rows) throws Exception {
        Path dir = Files.createTempDirectory("herald-console-bench");
        Path conf = dir.resolve("herald.conf");
        Files.writeString(conf, """
                storage.jdbc-url = "jdbc:h2:file:%s"
                console.listen = "127.0.0.1:0"
                feeds { newsroom { url = "https://news.example.org/rss.xml", every = 2m }, sport { url = "https://news.example.org/sport.xml", every = 2m } }
                channels { x-main { network = x, dry-run = true }, fb-main { network = facebook, dry-run = true } }
                """.formatted(dir.resolve("data/herald").toAbsolutePath()));
        HeraldSettings settings = SettingsLoader.load(conf);
        try (Database database = Database.open(settings.storage())) {
            long t0 = System.nanoTime();
            fill(database, rows);
            System.out.printf("%,d rows inserted in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
            new Users(database.dataSource(), Clock.systemUTC()).add("bench", Role.EDITOR, PASSWORD.toCharArray());
            ConsoleServer server = ((ConsoleServer.Started.Running) ConsoleServer.start(
                    Services.over(settings, database.dataSource(), Clock.systemUTC(), Engine.NONE))).server();
            try (server) {
                String base = "http://127.0.0.1:" + server.port();
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                List<Long> signIns = new ArrayList<>();
                String cookie = null;
                for (int i = 0; i < 12; i++) {
                    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
                    String formCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                    Matcher m = CSRF.matcher(form.body());
                    m.find();
                    long start = System.nanoTime();
                    HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", formCookie)
                            .POST(HttpRequest.BodyPublishers.ofString("username=bench&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                                    + "&csrf=" + m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
                    cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("herald_session=")).findFirst().orElseThrow()
                            .split(";")[0];
                    HttpResponse<String> first = get(http, base + "/queue", cookie);
                    if (first.statusCode() != 200) throw new IllegalStateException("queue answered " + first.statusCode());
                    if (i >= 2) signIns.add(System.nanoTime() - start);
                }
                System.out.printf("%,d rows: sign-in to first page (POST /login + GET /queue, bcrypt cost 11): %s%n", rows, stats(signIns));
                String deep = base + "/queue";
                for (int page = 0; page < 40; page++) {
                    Matcher older = OLDER.matcher(get(http, deep, cookie).body());
                    if (!older.find()) break;
                    deep = base + older.group(1).replace("&amp;", "&");
                }
                String[][] cases = {
                        {"first page", base + "/queue"},
                        {"state=FAILED", base + "/queue?state=FAILED"},
                        {"channel=x-main", base + "/queue?channel=x-main"},
                        {"feed=sport", base + "/queue?feed=sport"},
                        {"page 41 (keyset)", deep},
                        {"free text (common word)", base + "/queue?q=council"},
                        {"free text (rare word)", base + "/queue?q=zebra"},
                };
                for (String[] c : cases) {
                    long probe = System.nanoTime();
                    get(http, c[1], cookie);
                    // a scan costs a second or so on 100,000 rows: fewer samples, or the harness runs for many minutes
                    int samples = System.nanoTime() - probe > 200_000_000L ? 40 : 200;
                    for (int i = 0; i < (samples == 200 ? 30 : 3); i++) get(http, c[1], cookie);
                    List<Long> times = new ArrayList<>();
                    for (int i = 0; i < samples; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> r = get(http, c[1], cookie);
                        times.add(System.nanoTime() - start);
                        if (r.statusCode() != 200) throw new IllegalStateException(c[0] + " answered " + r.statusCode());
                    }
                    System.out.printf("%,d rows: /queue %-24s %s%n", rows, c[0], stats(times));
                }
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Rows spread over 60 days, in every state, on two channels and two feeds; one story in a thousand mentions a zebra. */
    private static void fill(Database database, int rows) throws Exception {
        Random random = new Random(7);
        String[] words = {"Council", "budget", "storm", "bridge", "library", "election", "market", "school", "river", "festival"};
        String[] states = {"SENT", "SENT", "SENT", "SENT", "SCHEDULED", "FAILED", "CANCELLED", "EXPIRED"};
        Instant now = Instant.now();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement story = c.prepareStatement("INSERT INTO seen_story (id, feed, guid, link, headline, source, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement row = c.prepareStatement("INSERT INTO outbox (story_id, channel, network, text, link, state, due_at, next_attempt_at, "
                         + "attempts, last_error, remote_id, created_at, updated_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int s = 1; s <= rows / 2; s++) {
                    String headline = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " story number " + s
                            + (s % 1000 == 0 ? " about a zebra" : "");
                    String link = "https://news.example.org/2026/" + s;
                    Instant due = now.minusSeconds(random.nextInt(60 * 86400)).plusSeconds(86400);
                    story.setLong(1, s);
                    story.setString(2, s % 3 == 0 ? "sport" : "newsroom");
                    story.setString(3, "guid-" + s);
                    story.setString(4, link);
                    story.setString(5, headline);
                    story.setString(6, "bench");
                    story.setObject(7, due.atOffset(ZoneOffset.UTC));
                    story.addBatch();
                    for (String channel : new String[]{"x-main", "fb-main"}) {
                        String state = states[random.nextInt(states.length)];
                        row.setLong(1, s);
                        row.setString(2, channel);
                        row.setString(3, channel.startsWith("x") ? "x" : "facebook");
                        row.setString(4, channel.startsWith("x") ? headline + " " + link : headline + "\n\nA summary of the story.");
                        row.setString(5, link);
                        row.setString(6, state);
                        row.setObject(7, due.atOffset(ZoneOffset.UTC));
                        row.setObject(8, due.atOffset(ZoneOffset.UTC));
                        row.setInt(9, state.equals("SCHEDULED") ? 0 : 1);
                        row.setString(10, state.equals("FAILED") ? "X refused the post: 403 duplicate content" : null);
                        row.setString(11, state.equals("SENT") ? Long.toString(1850000000000000000L + s) : null);
                        row.setObject(12, due.atOffset(ZoneOffset.UTC));
                        row.setObject(13, due.atOffset(ZoneOffset.UTC));
                        row.setObject(14, state.equals("SENT") ? due.atOffset(ZoneOffset.UTC) : null);
                        row.addBatch();
                    }
                    if (s % 2000 == 0) {
                        story.executeBatch();
                        row.executeBatch();
                    }
                }
                story.executeBatch();
                row.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE seen_story ALTER COLUMN id RESTART WITH " + (rows / 2 + 1));
            }
            c.commit();
        }
    }

    private static String stats(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
