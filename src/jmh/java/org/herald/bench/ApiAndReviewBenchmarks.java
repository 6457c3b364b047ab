package org.herald.bench;

import org.herald.access.ApiTokens;
import org.herald.access.Role;
import org.herald.access.Users;
import org.herald.config.HeraldSettings;
import org.herald.config.SettingsLoader;
import org.herald.console.ConsoleServer;
import org.herald.console.DaemonEngine;
import org.herald.console.Engine;
import org.herald.console.Services;
import org.herald.fakes.FakeX;
import org.herald.outbox.Database;
import org.herald.publish.TestChannels;
import org.herald.schedule.Daemon;

import java.io.PrintStream;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part 2 of the console: (1) API request to platform call, with the default dispatch interval: POST
 * /api/v1/stories with no "at", then the time until the fake X has received the tweet; (2) GET /review with
 * 10,000 rows held for review (the page shows the oldest 500); (3) GET /calendar for a week, with 10,000 rows
 * spread over half a year (a few hundred in the week shown). Loopback round trips measured by the client.
 * Argument: how many API stories (default 40), or {@code calendar [ROWS]} for the calendar alone.
 */
public final class ApiAndReviewBenchmarks {
    private static final String PASSWORD = "benchmark-password";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("calendar")) {
            calendar(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
            return;
        }
        int stories = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        apiToPlatform(stories);
        review(10_000);
        calendar(10_000);
    }

    private static void apiToPlatform(int stories) throws Exception {
        Path dir = Files.createTempDirectory("herald-api-bench");
        try (FakeX x = FakeX.start(Clock.systemUTC()).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN,
                TestChannels.X_TOKEN_SECRET).rateLimit(100_000, java.time.Duration.ofMinutes(15))) {
            Path conf = dir.resolve("herald.conf");
            // default settings but for the fake's address: dispatch-interval, pacing and the rest as reference.conf has them
            Files.writeString(conf, """
                    storage.jdbc-url = "jdbc:h2:file:%s"
                    console.listen = "127.0.0.1:0"
                    channels.x-main { network = x, api-key = "%s", api-key-secret = "%s", access-token = "%s", access-token-secret = "%s", api-base-url = "%s" }
                    """.formatted(dir.resolve("data/herald").toAbsolutePath(), TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN,
                    TestChannels.X_TOKEN_SECRET, x.baseUrl()));
            HeraldSettings settings = SettingsLoader.load(conf);
            System.out.println("dispatch-interval " + settings.schedule().dispatchInterval() + ", x-main min-gap "
                    + settings.channels().get(0).pacing().minGap());
            try (Daemon daemon = Daemon.open(settings, Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()))) {
                ConsoleServer server = ((ConsoleServer.Started.Running) ConsoleServer.start(
                        Services.over(settings, daemon.database().dataSource(), Clock.systemUTC(), new DaemonEngine(daemon)))).server();
                daemon.start();
                String token = ((ApiTokens.Created.Ok) new ApiTokens(daemon.database().dataSource(), Clock.systemUTC()).create("bench", Role.EDITOR)).value();
                HttpClient http = HttpClient.newHttpClient();
                List<Long> times = new ArrayList<>();
                java.util.Random random = new java.util.Random(11);
                try (server) {
                    for (int i = 0; i < stories; i++) {
                        String body = "{\"text\": \"Benchmark story " + i + " for the API\", \"link\": \"https://news.example.org/api-bench/" + i + "\"}";
                        int before = x.tweets().size();
                        long start = System.nanoTime();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/stories"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) throw new IllegalStateException("API answered " + r.statusCode() + " " + r.body());
                        while (x.tweets().size() == before) Thread.onSpinWait();
                        times.add(System.nanoTime() - start);
                        // a CMS publishes at any moment, not just after a dispatch: wait a random part of the interval (and the min-gap)
                        Thread.sleep(settings.channels().get(0).pacing().minGap().toMillis()
                                + random.nextInt((int) settings.schedule().dispatchInterval().toMillis()));
                    }
                }
                System.out.printf("API request to X call (%d stories, one at a time): %s%n", stories, stats(times));
            }
        }
    }

    private static void review(int rows) throws Exception {
        Path dir = Files.createTempDirectory("herald-review-bench");
        Path conf = dir.resolve("herald.conf");
        Files.writeString(conf, """
                storage.jdbc-url = "jdbc:h2:file:%s"
                console.listen = "127.0.0.1:0"
                channels { x-main { network = x, dry-run = true, max-lateness = 30d }, fb-main { network = facebook, dry-run = true, max-lateness = 30d } }
                """.formatted(dir.resolve("data/herald").toAbsolutePath()));
        HeraldSettings settings = SettingsLoader.load(conf);
        try (Database database = Database.open(settings.storage())) {
            fillHeld(database, rows);
            new Users(database.dataSource(), Clock.systemUTC()).add("bench", Role.EDITOR, PASSWORD.toCharArray());
            ConsoleServer server = ((ConsoleServer.Started.Running) ConsoleServer.start(
                    Services.over(settings, database.dataSource(), Clock.systemUTC(), Engine.NONE))).server();
            try (server) {
                String base = "http://127.0.0.1:" + server.port();
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
                String formCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                Matcher m = CSRF.matcher(form.body());
                m.find();
                HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", formCookie)
                        .POST(HttpRequest.BodyPublishers.ofString("username=bench&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                                + "&csrf=" + m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
                String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("herald_session=")).findFirst().orElseThrow()
                        .split(";")[0];
                List<Long> times = new ArrayList<>();
                int size = 0;
                for (int i = 0; i < 60; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/review")).header("Cookie", cookie).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) throw new IllegalStateException("/review answered " + r.statusCode());
                    size = r.body().length();
                    if (i >= 10) times.add(System.nanoTime() - start);
                }
                System.out.printf("%,d held rows: GET /review (oldest 500 rows, %,d bytes): %s%n", rows, size, stats(times));
            }
        }
    }

    private static void calendar(int rows) throws Exception {
        Path dir = Files.createTempDirectory("herald-calendar-bench");
        Path conf = dir.resolve("herald.conf");
        // H2 hands back the last result of an identical query while the tables are unchanged (OPTIMIZE_REUSE_RESULTS):
        // a running daemon changes the outbox all the time, so the measurement turns that off to read the rows every time
        Files.writeString(conf, """
                storage.jdbc-url = "jdbc:h2:file:%s;OPTIMIZE_REUSE_RESULTS=FALSE"
                console.listen = "127.0.0.1:0"
                channels {
                  x-main { network = x, dry-run = true, max-per-day = 40, quiet-hours = "23:00-06:00", time-zone = "Europe/London" }
                  fb-main { network = facebook, dry-run = true, max-per-day = 30, quiet-hours = "00:00-07:00", time-zone = "America/New_York" }
                }
                """.formatted(dir.resolve("data/herald").toAbsolutePath()));
        HeraldSettings settings = SettingsLoader.load(conf);
        Instant now = Instant.now();
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Berlin");
        try (Database database = Database.open(settings.storage())) {
            fillSpread(database, rows, now);
            Users users = new Users(database.dataSource(), Clock.systemUTC());
            users.add("bench", Role.VIEWER, PASSWORD.toCharArray());
            users.setTimeZone(users.find("bench").orElseThrow().id(), java.util.Optional.of(zone));
            java.time.LocalDate monday = now.atZone(zone).toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            Instant from = monday.atStartOfDay(zone).toInstant();
            Instant to = monday.plusDays(7).atStartOfDay(zone).toInstant();
            org.herald.outbox.Outbox outbox = new org.herald.outbox.Outbox(database.dataSource());
            int inWeek = outbox.placedBetween(from, to, 100_000).size();
            ConsoleServer server = ((ConsoleServer.Started.Running) ConsoleServer.start(
                    Services.over(settings, database.dataSource(), Clock.systemUTC(), Engine.NONE))).server();
            try (server) {
                String base = "http://127.0.0.1:" + server.port();
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                String cookie = signIn(http, base, "bench");
                for (String week : new String[]{monday.toString(), monday.plusWeeks(2).toString(), monday.minusWeeks(8).toString()}) {
                    List<Long> times = new ArrayList<>();
                    int size = 0;
                    for (int i = 0; i < 230; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/calendar?week=" + week)).header("Cookie", cookie).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) throw new IllegalStateException("/calendar answered " + r.statusCode());
                        size = r.body().length();
                        if (i >= 30) times.add(System.nanoTime() - start);
                    }
                    Matcher shown = Pattern.compile("data-shown=\"(\\d+)\"").matcher(http.send(HttpRequest.newBuilder(
                            URI.create(base + "/calendar?week=" + week)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body());
                    shown.find();
                    System.out.printf("%,d rows: GET /calendar?week=%s (%s posts in the week, %,d bytes): %s%n", rows, week, shown.group(1), size, stats(times));
                }
            }
            // the week query alone, warm, with V9's (state, sent_at) index, without it (the SENT arm left to (state, due_at, id)), and with it again
            System.out.printf("%,d rows: the week query alone (Outbox.placedBetween, %d rows in this week), with V9's index: %s%n", rows, inWeek,
                    weekQuery(outbox, from, to));
            try (Connection c = database.dataSource().getConnection()) {
                c.createStatement().execute("DROP INDEX outbox_state_sent");
            }
            System.out.printf("%,d rows: the week query without V9's index: %s%n", rows, weekQuery(outbox, from, to));
            try (Connection c = database.dataSource().getConnection()) {
                c.createStatement().execute("CREATE INDEX outbox_state_sent ON outbox (state, sent_at)");
            }
            System.out.printf("%,d rows: the week query with the index again: %s%n", rows, weekQuery(outbox, from, to));
        }
    }

    private static String weekQuery(org.herald.outbox.Outbox outbox, Instant from, Instant to) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long start = System.nanoTime();
            outbox.placedBetween(from, to, 5000);
            if (i >= 100) times.add(System.nanoTime() - start);
        }
        return stats(times);
    }

    private static String signIn(HttpClient http, String base, String user) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String formCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher m = CSRF.matcher(form.body());
        m.find();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", formCookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&csrf=" + m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("herald_session=")).findFirst().orElseThrow()
                .split(";")[0];
    }

    /**
     * A newsroom's outbox at a steady pace of about 28 stories a day on two channels (10,000 rows: half a year,
     * 150 days back to 30 ahead; more rows reach further back, so a week always holds a few hundred); the past
     * sent (some failed, expired or cancelled), the future scheduled (some held for review or cancelled).
     */
    private static void fillSpread(Database database, int rows, Instant now) throws Exception {
        java.util.Random random = new java.util.Random(20261202);
        long span = 180L * 86400 * rows / 10_000;
        Instant start = now.plus(java.time.Duration.ofDays(30)).minusSeconds(span);
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement story = c.prepareStatement("INSERT INTO seen_story (id, feed, guid, link, headline, source, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement row = c.prepareStatement("INSERT INTO outbox (story_id, channel, network, text, link, state, due_at, next_attempt_at, "
                         + "attempts, created_at, updated_at, sent_at, dry_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, TRUE)")) {
                for (int s = 1; s <= rows / 2; s++) {
                    String headline = "Story number " + s + " of the newsroom's half year, with a headline of usual length";
                    String link = "https://news.example.org/calendar/" + s;
                    Instant due = start.plusSeconds((long) (random.nextDouble() * span));
                    story.setLong(1, s);
                    story.setString(2, "wire");
                    story.setString(3, "g" + s);
                    story.setString(4, link);
                    story.setString(5, headline);
                    story.setString(6, link);
                    story.setObject(7, due.atOffset(ZoneOffset.UTC));
                    story.addBatch();
                    for (String[] ch : new String[][]{{"x-main", "x"}, {"fb-main", "facebook"}}) {
                        int dice = random.nextInt(100);
                        String state;
                        if (due.isBefore(now)) state = dice < 90 ? "SENT" : dice < 94 ? "FAILED" : dice < 97 ? "EXPIRED" : "CANCELLED";
                        else state = dice < 90 ? "SCHEDULED" : dice < 97 ? "PENDING_REVIEW" : "CANCELLED";
                        Instant sent = due.plusSeconds(random.nextInt(600));
                        row.setLong(1, s);
                        row.setString(2, ch[0]);
                        row.setString(3, ch[1]);
                        row.setString(4, ch[1].equals("x") ? headline + " " + link : headline);
                        row.setString(5, link);
                        row.setString(6, state);
                        row.setObject(7, due.atOffset(ZoneOffset.UTC));
                        row.setObject(8, due.atOffset(ZoneOffset.UTC));
                        row.setObject(9, due.minusSeconds(3600).atOffset(ZoneOffset.UTC));
                        row.setObject(10, due.atOffset(ZoneOffset.UTC));
                        row.setObject(11, state.equals("SENT") ? sent.atOffset(ZoneOffset.UTC) : null);
                        row.addBatch();
                    }
                    if (s % 1000 == 0) {
                        story.executeBatch();
                        row.executeBatch();
                    }
                }
                story.executeBatch();
                row.executeBatch();
            }
            c.commit();
        }
    }

    /** Stories held for review, two rows each, created over the last two weeks. */
    private static void fillHeld(Database database, int rows) throws Exception {
        Instant now = Instant.now();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement story = c.prepareStatement("INSERT INTO seen_story (id, feed, guid, link, headline, source, seen_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement row = c.prepareStatement("INSERT INTO outbox (story_id, channel, network, text, link, state, due_at, next_attempt_at, "
                         + "attempts, created_at, updated_at, held_for_review) VALUES (?, ?, ?, ?, ?, 'PENDING_REVIEW', ?, ?, 0, ?, ?, TRUE)")) {
                for (int s = 1; s <= rows / 2; s++) {
                    String headline = "Held story number " + s + " waiting for an editor";
                    String link = "https://news.example.org/held/" + s;
                    var at = now.minusSeconds(14L * 86400 * (rows / 2 - s) / (rows / 2)).atOffset(ZoneOffset.UTC);
                    story.setLong(1, s);
                    story.setString(2, "wire");
                    story.setString(3, "g" + s);
                    story.setString(4, link);
                    story.setString(5, headline);
                    story.setString(6, link);
                    story.setObject(7, at);
                    story.setString(8, "A summary of held story " + s + ", two sentences long. It says what happened.");
                    story.addBatch();
                    for (String[] ch : new String[][]{{"x-main", "x"}, {"fb-main", "facebook"}}) {
                        row.setLong(1, s);
                        row.setString(2, ch[0]);
                        row.setString(3, ch[1]);
                        row.setString(4, ch[1].equals("x") ? headline + " " + link : headline + "\n\nA summary of held story " + s + ".");
                        row.setString(5, link);
                        row.setObject(6, at);
                        row.setObject(7, at);
                        row.setObject(8, at);
                        row.setObject(9, at);
                        row.addBatch();
                    }
                    if (s % 1000 == 0) {
                        story.executeBatch();
                        row.executeBatch();
                    }
                }
                story.executeBatch();
                row.executeBatch();
            }
            c.commit();
        }
    }

    private static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6, sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }
}
