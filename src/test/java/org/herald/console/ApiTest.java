package org.herald.console;

import org.herald.access.ApiTokens;
import org.herald.access.Role;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /api/v1 over HTTP against the real daemon: tokens and roles, stories, idempotent retries, bad bodies, JSON only. */
class ApiTest {
    @TempDir
    static Path dir;

    private static RunningHerald herald;
    private static String editor;
    private static String viewer;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dir, "");
        ApiTokens tokens = new ApiTokens(herald.dataSource(), Clock.systemUTC());
        editor = ((ApiTokens.Created.Ok) tokens.create("cms", Role.EDITOR)).value();
        viewer = ((ApiTokens.Created.Ok) tokens.create("dashboard", Role.VIEWER)).value();
    }

    @AfterAll
    static void stop() {
        if (herald != null) herald.close();
    }

    private static HttpResponse<String> send(String method, String path, Optional<String> token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(herald.url(path))).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // whatever the outcome, the API answers JSON and never a page
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(method + " " + path).matches("application/json; ?charset=utf-8");
            assertThat(response.body()).as(method + " " + path).doesNotContain("<html").doesNotContain("<");
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long rowsWithLink(String link) {
        return herald.outbox().list(Optional.empty(), 10_000).stream().filter(e -> e.link().map(Object::toString).orElse("").equals(link)).count();
    }

    @Test
    void aStoryThroughTheApiReachesBothFakesOnceAndARetryWithTheSameKeyCreatesNothing() {
        String body = "{\"text\": \"Tram line 3 reopens on Monday\\nThe city's tram line 3 reopens after two months of track work.\","
                + " \"link\": \"https://news.example.org/tram\"}";
        HttpResponse<String> first = send("POST", "/api/v1/stories", Optional.of(editor), body, "Idempotency-Key", "cms-4711");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).startsWith("{\"headline\":\"Tram line 3 reopens on Monday\",\"link\":\"https://news.example.org/tram\",\"rows\":[")
                .contains("\"channel\":\"x-main\"").contains("\"channel\":\"fb-main\"").contains("\"state\":\"SCHEDULED\"")
                .contains("\"text\":\"Tram line 3 reopens on Monday https://news.example.org/tram\"").contains("\"due\":\"");
        HttpResponse<String> retry = send("POST", "/api/v1/stories", Optional.of(editor), body, "Idempotency-Key", "cms-4711");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(rowsWithLink("https://news.example.org/tram")).isEqualTo(2);

        await().atMost(Duration.ofSeconds(15)).until(() -> herald.x.tweets().contains("Tram line 3 reopens on Monday https://news.example.org/tram")
                && herald.graph.posts().stream().anyMatch(p -> "https://news.example.org/tram".equals(p.get("link"))));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> herald.x.tweets().stream().filter(t -> t.contains("/tram")).count() == 1);
        assertThat(herald.graph.posts().stream().filter(p -> "https://news.example.org/tram".equals(p.get("link")))).hasSize(1);

        // the same story without a key: the dedup ledger refuses it, naming the rows
        HttpResponse<String> again = send("POST", "/api/v1/stories", Optional.of(editor), body);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"error\":\"every channel already has this story; nothing was queued\"").contains("already has this story as row");
        // a key reused for another body is refused
        HttpResponse<String> reused = send("POST", "/api/v1/stories", Optional.of(editor), body.replace("tram", "bus"), "Idempotency-Key", "cms-4711");
        assertThat(reused.statusCode()).isEqualTo(422);
    }

    @Test
    void badBodiesGet400NamingTheField() {
        String[][] cases = {
                {"", "the body is empty"},
                {"{\"text\": ", "the body is not JSON"},
                {"[1]", "the body must be a JSON object"},
                {"{\"txt\": \"x\"}", "unknown field \\\"txt\\\""},
                {"{\"text\": \"Headline\"}", "\\\"link\\\": pasted text needs"},
                {"{\"url\": \"https://a.example/\", \"text\": \"Headline\"}", "\\\"url\\\": give either"},
                {"{\"url\": \"ftp://a.example/\"}", "\\\"url\\\": must be an http(s) URL"},
                {"{\"text\": \"H\", \"link\": \"javascript:alert(1)\"}", "\\\"link\\\" must be an http(s) URL"},
                {"{\"text\": \"H\", \"link\": \"https://n.example/a\", \"channels\": \"x-main\"}", "\\\"channels\\\" must be an array"},
                {"{\"text\": \"H\", \"link\": \"https://n.example/a\", \"channels\": [\"nope\"]}", "\\\"channels\\\": there is no channel 'nope'"},
                {"{\"text\": \"H\", \"link\": \"https://n.example/a\", \"at\": \"tomorrow\"}", "\\\"at\\\" must be a time with its offset"},
                {"{\"text\": \"H\", \"link\": \"https://n.example/a\", \"at\": \"2099-01-01T09:00Z\"}", "\\\"at\\\": "},
                {"{\"text\": \"H\", \"link\": \"https://n.example/a\", \"review\": \"yes\"}", "\\\"review\\\" must be true or false"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = send("POST", "/api/v1/stories", Optional.of(editor), c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.body()).as(c[0]).startsWith("{\"error\":\"").contains(c[1]);
        }
        assertThat(rowsWithLink("https://n.example/a")).isZero();
    }

    @Test
    void tokensAndRoles() {
        String body = "{\"text\": \"Viewer story\", \"link\": \"https://news.example.org/viewer\"}";
        assertThat(send("POST", "/api/v1/stories", Optional.empty(), body).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/outbox", Optional.empty(), null).headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(send("GET", "/api/v1/outbox", Optional.of("hrld_wrong"), null).statusCode()).isEqualTo(401);
        HttpResponse<String> viewerPost = send("POST", "/api/v1/stories", Optional.of(viewer), body);
        assertThat(viewerPost.statusCode()).isEqualTo(403);
        assertThat(viewerPost.body()).contains("needs an editor token");
        assertThat(rowsWithLink("https://news.example.org/viewer")).isZero();
        assertThat(send("GET", "/api/v1/outbox?limit=5", Optional.of(viewer), null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/outbox/1/cancel", Optional.of(viewer), null).statusCode()).isEqualTo(403);

        ApiTokens tokens = new ApiTokens(herald.dataSource(), Clock.systemUTC());
        String doomed = ((ApiTokens.Created.Ok) tokens.create("old-hook", Role.EDITOR)).value();
        assertThat(send("GET", "/api/v1/outbox", Optional.of(doomed), null).statusCode()).isEqualTo(200);
        assertThat(tokens.revoke("old-hook")).isTrue();
        HttpResponse<String> revoked = send("GET", "/api/v1/outbox", Optional.of(doomed), null);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).isEqualTo("{\"error\":\"the token is not valid (wrong, or revoked)\"}");
        // a session cookie is no way in, and unknown paths answer JSON too
        assertThat(send("GET", "/api/v1/no-such", Optional.of(editor), null).statusCode()).isEqualTo(404);
    }

    @Test
    void heldStoriesRowsAndActions() {
        HttpResponse<String> held = send("POST", "/api/v1/stories", Optional.of(editor),
                "{\"text\": \"Mayor <b>resigns</b>\", \"link\": \"https://news.example.org/mayor\", \"channels\": [\"x-main\"], \"review\": true}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        assertThat(held.body()).contains("\"state\":\"PENDING_REVIEW\"").contains("Mayor \\u003cb\\u003eresigns\\u003c/b\\u003e");
        long id = herald.outbox().list(Optional.of(OutboxState.PENDING_REVIEW), 100).stream()
                .filter(e -> e.link().map(Object::toString).orElse("").equals("https://news.example.org/mayor")).findFirst().orElseThrow().id();

        HttpResponse<String> list = send("GET", "/api/v1/outbox?state=pending_review&channel=x-main", Optional.of(viewer), null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).startsWith("[{\"id\":" + id + ",\"channel\":\"x-main\",\"network\":\"x\",\"state\":\"PENDING_REVIEW\"");
        assertThat(send("GET", "/api/v1/outbox?state=LATE", Optional.of(viewer), null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/v1/outbox/" + id, Optional.of(viewer), null).body()).contains("\"id\":" + id);
        assertThat(send("GET", "/api/v1/outbox/999999", Optional.of(viewer), null).statusCode()).isEqualTo(404);

        HttpResponse<String> tooLong = send("POST", "/api/v1/outbox/" + id + "/approve", Optional.of(editor),
                "{\"text\": \"" + "長".repeat(140) + " https://news.example.org/mayor\"}");
        assertThat(tooLong.statusCode()).isEqualTo(409);
        assertThat(tooLong.body()).contains("as X counts it");
        HttpResponse<String> approved = send("POST", "/api/v1/outbox/" + id + "/approve", Optional.of(editor),
                "{\"text\": \"Mayor resigns after audit https://news.example.org/mayor\", \"at\": \"2099-01-01T09:00+01:00\"}");
        assertThat(approved.statusCode()).isEqualTo(409);   // more than a year ahead
        approved = send("POST", "/api/v1/outbox/" + id + "/approve", Optional.of(editor),
                "{\"text\": \"Mayor resigns after audit https://news.example.org/mayor\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        // the answer reads the row back, and the 500 ms dispatcher may already have claimed it
        assertThat(approved.body()).containsPattern("\"state\":\"(SCHEDULED|SENDING|SENT)\"").contains("approved with the edited text");
        await().atMost(Duration.ofSeconds(15)).until(() -> herald.x.tweets().contains("Mayor resigns after audit https://news.example.org/mayor"));

        // x-main paused, so the retried row waits for the cancel instead of racing the dispatcher to the fake
        var pauses = new org.herald.outbox.Pauses(herald.dataSource());
        pauses.pause(org.herald.outbox.Pauses.Kind.CHANNEL, "x-main", "test", java.time.Instant.now());
        try {
            rejectRetryAndCancel();
        } finally {
            pauses.resume(org.herald.outbox.Pauses.Kind.CHANNEL, "x-main");
        }
    }

    private void rejectRetryAndCancel() {
        long second = ((java.util.List<Long>) herald.hold("Ferry strike called off", "https://news.example.org/ferry", "")).get(0);
        HttpResponse<String> rejected = send("POST", "/api/v1/outbox/" + second + "/reject", Optional.of(editor), "{\"reason\": \"duplicate\"}");
        assertThat(rejected.body()).contains("\"state\":\"CANCELLED\"").contains("rejected by api:cms: duplicate");
        assertThat(send("POST", "/api/v1/outbox/" + second + "/retry", Optional.of(editor), null).body()).contains("\"state\":\"SCHEDULED\"");
        assertThat(send("POST", "/api/v1/outbox/" + second + "/cancel", Optional.of(editor), null).body()).contains("\"state\":\"CANCELLED\"");
        assertThat(send("POST", "/api/v1/outbox/" + second + "/cancel", Optional.of(editor), null).statusCode()).isEqualTo(409);
        OutboxEntry row = herald.outbox().find(second).orElseThrow();
        assertThat(row.state()).isEqualTo(OutboxState.CANCELLED);
    }
}
