package org.herald.fakes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Shows, with a plain {@link HttpClient} (no Twitter4J, no RestFB), that the fakes behave as
 * {@code platform-apis.md} section 3 asks. Scenario numbers (F1...) are in the test names.
 */
class FakesSelfTest {
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final TestClock clock = new TestClock(START);

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static Map<String, Object> json(HttpResponse<String> response) {
        return Json.parseObject(response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    // =========================================================================================================
    @Nested
    class X {
        static final String KEY = "ck-1", KEY_SECRET = "cs-1", TOKEN = "1850-at-1", TOKEN_SECRET = "ats-1";
        static final String URL = " https://example.com/a";
        FakeX x;

        @BeforeEach
        void start() {
            x = FakeX.start(clock).acceptCredentials(KEY, KEY_SECRET, TOKEN, TOKEN_SECRET);
        }

        @AfterEach
        void stop() {
            x.close();
        }

        HttpResponse<String> tweet(String text) throws Exception {
            return postRaw(Json.write(Json.object("text", text)), KEY_SECRET, TOKEN, Duration.ofSeconds(5));
        }

        HttpResponse<String> postRaw(String body, String keySecret, String token, Duration timeout) throws Exception {
            String url = x.baseUrl() + "tweets";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", OAuth1.authorization("POST", url, KEY, keySecret, token, TOKEN_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> withAuthorization(String authorization) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(x.baseUrl() + "tweets"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}"));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Test
        void f1CreatesTweetsWithMonotonicIdsShortLinksAndHeaders() throws Exception {
            String text = "Storm closes schools across the region https://example.com/news/2026/11/24/storm-closes-schools";
            HttpResponse<String> first = tweet(text);
            HttpResponse<String> second = tweet("Second via bbc.co.uk today");

            assertThat(first.statusCode()).isEqualTo(201);
            Map<String, Object> data = map(json(first).get("data"));
            assertThat(data.get("id")).isEqualTo(Long.toString(FakeX.FIRST_ID));
            assertThat(data.get("edit_history_tweet_ids")).isEqualTo(List.of(Long.toString(FakeX.FIRST_ID)));
            assertThat((String) data.get("text")).matches("Storm closes schools across the region https://t\\.co/[0-9A-Za-z]{10}");
            assertThat((String) map(json(second).get("data")).get("text")).matches("Second via https://t\\.co/[0-9A-Za-z]{10} today");
            assertThat(map(json(second).get("data")).get("id")).isEqualTo(Long.toString(FakeX.FIRST_ID + 1));

            assertThat(header(first, "x-rate-limit-limit")).isEqualTo("200");
            assertThat(header(first, "x-rate-limit-remaining")).isEqualTo("199");
            assertThat(header(second, "x-rate-limit-remaining")).isEqualTo("198");
            assertThat(header(first, "x-rate-limit-reset")).isEqualTo(Long.toString(START.plus(Duration.ofMinutes(15)).getEpochSecond()));
            assertThat(header(first, "x-access-level")).isEqualTo("read-write");
            assertThat(header(first, "api-version")).isNotBlank();
            assertThat(header(first, "x-transaction-id")).isNotBlank();
            assertThat(header(first, "x-user-limit-24hour-limit")).isNull(); // daily caps are off by default

            assertThat(x.tweets()).containsExactly(text, "Second via bbc.co.uk today");
            RecordedRequest recorded = x.requests().get(0);
            assertThat(recorded.method()).isEqualTo("POST");
            assertThat(recorded.path()).isEqualTo("/2/tweets");
            assertThat(recorded.json()).containsEntry("text", text);
            assertThat(recorded.header("Authorization")).startsWith("OAuth ").contains("oauth_token=\"" + TOKEN + "\"");
        }

        @Test
        void f12HeaderNamesGoOutInLowerCase() throws Exception {
            String url = x.baseUrl() + "tweets";
            String body = "{\"text\":\"raw socket\"}";
            String request = "POST /2/tweets HTTP/1.1\r\nHost: 127.0.0.1:" + x.port() + "\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + OAuth1.authorization("POST", url, KEY, KEY_SECRET, TOKEN, TOKEN_SECRET) + "\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
            List<String> names = new ArrayList<>();
            try (Socket socket = new Socket("127.0.0.1", x.port())) {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
                    if (line.contains(":")) {
                        names.add(line.substring(0, line.indexOf(':')));
                    }
                }
            }
            assertThat(names).contains("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset",
                    "x-access-level", "api-version", "x-transaction-id");
            assertThat(names).noneMatch(n -> n.startsWith("Matched-Stub"));
        }

        @Test
        void f2OnlyCorrectlySignedKnownCredentialsPass() throws Exception {
            String unauthorized = "{\"title\":\"Unauthorized\",\"detail\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401}";
            assertThat(withAuthorization(null).body()).isEqualTo(unauthorized);
            assertThat(withAuthorization("Bearer AAAA").statusCode()).isEqualTo(401);
            assertThat(postRaw("{\"text\":\"wrong secret\"}", "not-the-secret", TOKEN, Duration.ofSeconds(5)).statusCode()).isEqualTo(401);
            assertThat(postRaw("{\"text\":\"wrong token\"}", KEY_SECRET, "other-token", Duration.ofSeconds(5)).statusCode()).isEqualTo(401);
            assertThat(tweet("signed right").statusCode()).isEqualTo(201);

            String me = x.baseUrl() + "users/me?expansions=&user.fields=name%2Cusername";
            HttpResponse<String> meOk = HTTP.send(HttpRequest.newBuilder(URI.create(me))
                    .header("Authorization", OAuth1.authorization("GET", me, KEY, KEY_SECRET, TOKEN, TOKEN_SECRET)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(meOk.statusCode()).isEqualTo(200);
            assertThat(meOk.body()).isEqualTo("{\"data\":{\"id\":\"2244994945\",\"name\":\"Herald Test\",\"username\":\"herald_test\"}}");
            HttpResponse<String> meBad = HTTP.send(HttpRequest.newBuilder(URI.create(me))
                    .header("Authorization", OAuth1.authorization("GET", x.baseUrl() + "users/me", KEY, KEY_SECRET, TOKEN, TOKEN_SECRET)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(meBad.statusCode()).as("query parameters are signed").isEqualTo(401);

            x.revokeToken(TOKEN);
            assertThat(tweet("after revocation").statusCode()).isEqualTo(401);
            assertThat(x.tweets()).containsExactly("signed right");
        }

        @Test
        void f3LengthIsDecidedByTwitterText() throws Exception {
            assertThat(tweet("A".repeat(256) + URL).statusCode()).isEqualTo(201);
            HttpResponse<String> tooLong = tweet("B".repeat(257) + URL);
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("Your Tweet text is too long").contains("invalid-request");
            assertThat(tweet("🔴 " + "C".repeat(253) + URL).statusCode()).isEqualTo(201);
            assertThat(tweet("字".repeat(140)).statusCode()).isEqualTo(201);
            assertThat(tweet("ب".repeat(280)).statusCode()).isEqualTo(201);
            assertThat(tweet("字".repeat(141)).statusCode()).isEqualTo(400);

            x.tooLongStatus(403);
            HttpResponse<String> forbidden = tweet("D".repeat(257) + URL);
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(json(forbidden)).containsEntry("title", "Forbidden");
            assertThat(forbidden.body()).contains("too long");
            assertThat(tweet("bad \uFFFE char").statusCode()).isEqualTo(403);
            assertThat(x.tweets()).hasSize(4);
        }

        @Test
        void f4EmptyMissingOrMalformedTextIsAnInvalidRequest() throws Exception {
            for (String body : List.of("{\"text\":\"\"}", "{\"text\":\"   \"}", "{}", "{\"text\":42}", "{\"text\":\"unterminated", "")) {
                HttpResponse<String> response = postRaw(body, KEY_SECRET, TOKEN, Duration.ofSeconds(5));
                assertThat(response.statusCode()).as(body).isEqualTo(400);
                assertThat(json(response)).as(body).containsEntry("title", "Invalid Request")
                        .containsEntry("type", "https://api.twitter.com/2/problems/invalid-request");
            }
            assertThat(x.tweets()).isEmpty();
        }

        @Test
        void f5DuplicatesAreRefusedWithinTheWindowAfterNfc() throws Exception {
            assertThat(tweet("Café opens https://example.com/1").statusCode()).isEqualTo(201);
            HttpResponse<String> again = tweet("Cafe\u0301 opens https://example.com/1"); // e + combining acute = é
            assertThat(again.statusCode()).isEqualTo(403);
            assertThat(again.body()).contains("You are not allowed to create a Tweet with duplicate content.");
            assertThat(tweet("Café opens https://example.com/2").statusCode()).isEqualTo(201);

            clock.advance(Duration.ofHours(24));
            assertThat(tweet("Café opens https://example.com/1").statusCode()).isEqualTo(201);
            x.duplicateWindow(Duration.ofMinutes(5));
            clock.advance(Duration.ofMinutes(5));
            assertThat(tweet("Café opens https://example.com/1").statusCode()).isEqualTo(201);
        }

        @Test
        void f6FifteenMinuteWindowRefusesUntilResetThenRecovers() throws Exception {
            x.rateLimit(2, Duration.ofMinutes(15));
            clock.advance(Duration.ofMinutes(1));
            Instant opened = clock.instant();
            assertThat(tweet("one").statusCode()).isEqualTo(201);
            clock.advance(Duration.ofMinutes(10));
            assertThat(tweet("two").statusCode()).isEqualTo(201);
            HttpResponse<String> limited = tweet("three");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).isEqualTo("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}");
            assertThat(header(limited, "x-rate-limit-limit")).isEqualTo("2");
            assertThat(header(limited, "x-rate-limit-remaining")).isEqualTo("0");
            long reset = opened.plus(Duration.ofMinutes(15)).getEpochSecond();
            assertThat(header(limited, "x-rate-limit-reset")).isEqualTo(Long.toString(reset));
            assertThat(header(limited, "retry-after")).isNull();

            clock.advance(Duration.ofMinutes(4)); // 14 minutes into the window
            assertThat(tweet("three").statusCode()).isEqualTo(429);
            clock.advance(Duration.ofMinutes(1)); // at the reset
            HttpResponse<String> recovered = tweet("three");
            assertThat(recovered.statusCode()).isEqualTo(201);
            assertThat(header(recovered, "x-rate-limit-remaining")).isEqualTo("1");
            assertThat(x.tweets()).containsExactly("one", "two", "three");
        }

        @Test
        void f7DailyCapsSendTheirHeadersAndRefuseWithTheDailyReset() throws Exception {
            x.dailyCaps(1, 5);
            HttpResponse<String> first = tweet("first of the day");
            assertThat(first.statusCode()).isEqualTo(201);
            long dayReset = START.plus(Duration.ofHours(24)).getEpochSecond();
            assertThat(header(first, "x-user-limit-24hour-limit")).isEqualTo("1");
            assertThat(header(first, "x-user-limit-24hour-remaining")).isEqualTo("0");
            assertThat(header(first, "x-user-limit-24hour-reset")).isEqualTo(Long.toString(dayReset));
            assertThat(header(first, "x-app-limit-24hour-limit")).isEqualTo("5");
            assertThat(header(first, "x-app-limit-24hour-remaining")).isEqualTo("4");

            clock.advance(Duration.ofHours(2));
            HttpResponse<String> capped = tweet("second of the day");
            assertThat(capped.statusCode()).isEqualTo(429);
            assertThat(header(capped, "x-user-limit-24hour-remaining")).isEqualTo("0");
            assertThat(header(capped, "x-user-limit-24hour-reset")).isEqualTo(Long.toString(dayReset));
            assertThat(header(capped, "x-rate-limit-remaining")).as("a fresh 15-minute window, not counted").isEqualTo("200");

            clock.advance(Duration.ofHours(22));
            assertThat(tweet("second of the day").statusCode()).isEqualTo(201);
        }

        @Test
        void f12RateLimitHeadersCanBeLeftOutEntirely() throws Exception {
            x.rateLimitHeaders(false).rateLimit(1, Duration.ofMinutes(15));
            HttpResponse<String> ok = tweet("one");
            HttpResponse<String> limited = tweet("two");
            assertThat(ok.statusCode()).isEqualTo(201);
            assertThat(limited.statusCode()).isEqualTo(429);
            for (HttpResponse<String> response : List.of(ok, limited)) {
                assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-rate-limit"));
            }
        }

        @Test
        void f8RefusalsComeOnDemandAndStoreNothing() throws Exception {
            x.nextRefuse(FakeX.XRefusal.READ_ONLY_APP).nextRefuse(FakeX.XRefusal.ACCESS_LEVEL_453)
                    .nextRefuse(FakeX.XRefusal.CLIENT_NOT_ENROLLED).nextRefuse(FakeX.XRefusal.CREDITS_DEPLETED)
                    .nextRefuse(FakeX.XRefusal.MONTHLY_CAP).nextRefuse(FakeX.XRefusal.INVALID_REQUEST);
            HttpResponse<String> readOnly = tweet("a");
            assertThat(readOnly.statusCode()).isEqualTo(403);
            assertThat(readOnly.body()).contains("oauth1-permissions");
            HttpResponse<String> legacy = tweet("b");
            assertThat(legacy.statusCode()).isEqualTo(403);
            assertThat(legacy.body()).startsWith("{\"errors\":[{\"message\":\"You currently have access to a subset").endsWith("\"code\":453}]}");
            HttpResponse<String> notEnrolled = tweet("c");
            assertThat(notEnrolled.statusCode()).isEqualTo(403);
            assertThat(json(notEnrolled)).containsEntry("reason", "client-not-enrolled");
            HttpResponse<String> credits = tweet("d");
            assertThat(credits.statusCode()).isEqualTo(402);
            assertThat(credits.body()).contains("CreditsDepleted");
            HttpResponse<String> monthly = tweet("e");
            assertThat(monthly.statusCode()).isEqualTo(429);
            assertThat(json(monthly)).containsEntry("period", "Monthly").containsEntry("scope", "Product");
            assertThat(tweet("f").statusCode()).isEqualTo(400);
            assertThat(x.tweets()).isEmpty();
            assertThat(tweet("g").statusCode()).as("the script is used up").isEqualTo(201);
        }

        @Test
        void f9StoredThenFailedAnswersLeaveTheTweetStoredAndTheRetryIsADuplicate() throws Exception {
            x.stallMillis(1500);
            x.nextStoreThenFail(FakeX.Failure.DROP_CONNECTION);
            assertThatThrownBy(() -> tweet("dropped")).isInstanceOf(IOException.class);
            x.nextStoreThenFail(FakeX.Failure.SERVICE_UNAVAILABLE_503);
            assertThat(tweet("unavailable").statusCode()).isEqualTo(503);
            x.nextStoreThenFail(FakeX.Failure.STALL);
            assertThatThrownBy(() -> postRaw("{\"text\":\"stalled\"}", KEY_SECRET, TOKEN, Duration.ofMillis(300)))
                    .isInstanceOf(HttpTimeoutException.class);

            assertThat(x.tweets()).containsExactly("dropped", "unavailable", "stalled");
            for (String text : List.of("dropped", "unavailable", "stalled")) {
                assertThat(tweet(text).statusCode()).as(text).isEqualTo(403);
            }
            assertThat(x.requests()).hasSize(6);
        }

        @Test
        void f10ServerErrorsHaveProblemHtmlOrEmptyBodiesThenSuccess() throws Exception {
            x.nextServerError(500, FakeX.ErrorBody.PROBLEM_JSON).nextServerError(503, FakeX.ErrorBody.HTML)
                    .nextServerError(502, FakeX.ErrorBody.EMPTY);
            HttpResponse<String> problem = tweet("retry me");
            assertThat(problem.statusCode()).isEqualTo(500);
            assertThat(json(problem)).containsEntry("title", "Internal Server Error").containsEntry("status", 500L);
            HttpResponse<String> html = tweet("retry me");
            assertThat(html.statusCode()).isEqualTo(503);
            assertThat(header(html, "content-type")).startsWith("text/html");
            assertThat(html.body()).startsWith("<!DOCTYPE html>");
            HttpResponse<String> empty = tweet("retry me");
            assertThat(empty.statusCode()).isEqualTo(502);
            assertThat(empty.body()).isEmpty();
            assertThat(tweet("retry me").statusCode()).isEqualTo(201);
            assertThat(x.tweets()).containsExactly("retry me");
        }

        @Test
        void f11SlowOrDroppedBeforeStoringLeavesNothingBehind() throws Exception {
            x.nextSlowWithoutStoring(Duration.ofSeconds(1));
            assertThatThrownBy(() -> postRaw("{\"text\":\"slow\"}", KEY_SECRET, TOKEN, Duration.ofMillis(300)))
                    .isInstanceOf(HttpTimeoutException.class);
            x.nextDropBeforeStoring();
            assertThatThrownBy(() -> tweet("slow")).isInstanceOf(IOException.class);
            assertThat(x.tweets()).isEmpty();
            assertThat(tweet("slow").statusCode()).isEqualTo(201);
            assertThat(x.tweets()).containsExactly("slow");
        }

        @Test
        void f26UnicodeArrivesIntact() throws Exception {
            String text = "\u200Fعاجل: ارتفاع التضخم إلى ٣٫٢٪ 👨‍👩‍👧‍👦 🇺🇦 東京で震度5弱 https://example.com/a";
            HttpResponse<String> response = tweet(text);
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(x.requests().get(0).json()).containsEntry("text", text);
            assertThat(x.tweets()).containsExactly(text);
            assertThat((String) map(json(response).get("data")).get("text")).startsWith("\u200Fعاجل").contains("👨‍👩‍👧‍👦 🇺🇦 東京");
        }

        @Test
        void f27ParallelPostsGetDistinctIdsAndConsistentCounters() throws Exception {
            int n = 16;
            List<CompletableFuture<HttpResponse<String>>> futures = IntStream.range(0, n)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            return tweet("Parallel " + i);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })).toList();
            Set<String> ids = ConcurrentHashMap.newKeySet();
            Set<String> remaining = ConcurrentHashMap.newKeySet();
            for (CompletableFuture<HttpResponse<String>> future : futures) {
                HttpResponse<String> response = future.join();
                assertThat(response.statusCode()).isEqualTo(201);
                ids.add((String) map(json(response).get("data")).get("id"));
                remaining.add(header(response, "x-rate-limit-remaining"));
            }
            assertThat(ids).hasSize(n);
            assertThat(remaining).hasSize(n).contains(Integer.toString(200 - n));
            assertThat(x.tweets()).hasSize(n);
        }

        @Test
        void f28ListensOnLoopbackOnly() throws Exception {
            assertThat(URI.create(x.baseUrl()).getHost()).isEqualTo("127.0.0.1");
            InetAddress other = nonLoopbackAddress();
            assumeTrue(other != null, "this host has no non-loopback IPv4 address to try");
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, x.port()), 1000))
                        .isInstanceOf(IOException.class);
            }
        }
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }

    // =========================================================================================================
    @Nested
    class Graph {
        static final String PAGE = "1234567890", OTHER_PAGE = "5555555555";
        static final String TOKEN = "EAAG-page-token", OTHER_TOKEN = "EAAG-other-page", USER_TOKEN = "EAAG-user";
        FakeGraph fb;

        @BeforeEach
        void start() {
            fb = FakeGraph.start(clock).page(PAGE, "Herald News").page(OTHER_PAGE, "Other")
                    .pageToken(TOKEN, PAGE, null, true)
                    .pageToken(OTHER_TOKEN, OTHER_PAGE, null, true)
                    .userToken(USER_TOKEN, START.plus(Duration.ofDays(60)));
        }

        @AfterEach
        void stop() {
            fb.close();
        }

        HttpResponse<String> post(String page, Map<String, String> params) throws Exception {
            return post(page, params, Duration.ofSeconds(5));
        }

        HttpResponse<String> post(String page, Map<String, String> params, Duration timeout) throws Exception {
            Map<String, String> form = new LinkedHashMap<>(params);
            form.putIfAbsent("access_token", TOKEN);
            form.put("format", "json");
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(fb.baseUrl() + "/v25.0/" + page + "/feed")).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> message(String text) throws Exception {
            return post(PAGE, Map.of("message", text));
        }

        HttpResponse<String> get(String pathAndQuery) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(fb.baseUrl() + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        Map<String, Object> error(HttpResponse<String> response) {
            assertThat(response.body()).startsWith("{\"error\":{");
            Map<String, Object> error = map(json(response).get("error"));
            assertThat(error.get("fbtrace_id")).isEqualTo(header(response, "x-fb-trace-id"));
            return error;
        }

        @Test
        void f13PostsAreStoredAndListedNewestFirst() throws Exception {
            HttpResponse<String> first = post(PAGE, Map.of("message", "Storm closes schools", "link", "https://example.com/storm"));
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("{\"id\":\"" + PAGE + "_" + FakeGraph.FIRST_POST + "\"}");
            assertThat(header(first, "facebook-api-version")).isEqualTo("v25.0");
            assertThat(header(first, "x-fb-trace-id")).hasSize(11);
            assertThat(header(first, "x-app-usage")).as("no usage headers until a limit is configured").isNull();

            clock.advance(Duration.ofMinutes(1));
            HttpResponse<String> bearer = HTTP.send(HttpRequest.newBuilder(URI.create(fb.baseUrl() + "/v24.0/" + PAGE + "/feed"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("message=Second+post")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bearer.statusCode()).isEqualTo(200);

            assertThat(fb.posts()).containsExactly(
                    Map.of("id", PAGE + "_" + FakeGraph.FIRST_POST, "message", "Storm closes schools", "link", "https://example.com/storm",
                            "published", "true", "created_time", "2026-11-25T09:00:00+0000"),
                    Map.of("id", PAGE + "_" + (FakeGraph.FIRST_POST + 1), "message", "Second post", "published", "true",
                            "created_time", "2026-11-25T09:01:00+0000"));
            assertThat(fb.requests().get(0).form()).containsEntry("link", "https://example.com/storm").containsEntry("access_token", TOKEN);

            HttpResponse<String> feed = get("/v24.0/" + PAGE + "/feed?fields=id,message,link,created_time&access_token=" + TOKEN);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).isEqualTo("{\"data\":["
                    + "{\"id\":\"" + PAGE + "_" + (FakeGraph.FIRST_POST + 1) + "\",\"message\":\"Second post\",\"created_time\":\"2026-11-25T09:01:00+0000\"},"
                    + "{\"id\":\"" + PAGE + "_" + FakeGraph.FIRST_POST + "\",\"message\":\"Storm closes schools\",\"link\":\"https://example.com/storm\","
                    + "\"created_time\":\"2026-11-25T09:00:00+0000\"}]}");

            HttpResponse<String> page = get("/v24.0/" + PAGE + "?fields=id,name&access_token=" + TOKEN + "&format=json");
            assertThat(page.body()).isEqualTo("{\"id\":\"" + PAGE + "\",\"name\":\"Herald News\"}");
            assertThat(get("/v24.0/me?access_token=" + TOKEN).body()).isEqualTo("{\"id\":\"" + PAGE + "\",\"name\":\"Herald News\"}");
        }

        @Test
        void f14TokenModel() throws Exception {
            fb.pageToken("EAAG-expiring", PAGE, START.plus(Duration.ofHours(1)), true);
            clock.advance(Duration.ofHours(2));
            HttpResponse<String> expired = post(PAGE, Map.of("message", "x", "access_token", "EAAG-expiring"));
            assertThat(expired.statusCode()).isEqualTo(400);
            assertThat(error(expired)).containsEntry("code", 190L).containsEntry("error_subcode", 463L)
                    .containsEntry("type", "OAuthException")
                    .containsEntry("message", "Error validating access token: Session has expired on Wednesday, 25-Nov-26 02:00:00 PST."
                            + " The current time is Wednesday, 25-Nov-26 03:00:00 PST.");

            HttpResponse<String> garbled = post(PAGE, Map.of("message", "x", "access_token", "garbage"));
            assertThat(error(garbled)).containsEntry("code", 190L).doesNotContainKey("error_subcode")
                    .containsEntry("message", "Invalid OAuth access token - Cannot parse access token");

            HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(fb.baseUrl() + "/v24.0/" + PAGE + "/feed"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("message=x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(error(missing)).containsEntry("code", 104L);

            HttpResponse<String> otherPage = post(PAGE, Map.of("message", "x", "access_token", OTHER_TOKEN));
            assertThat(otherPage.statusCode()).isEqualTo(400);
            assertThat(error(otherPage)).containsEntry("type", "GraphMethodException").containsEntry("code", 100L)
                    .containsEntry("error_subcode", 33L);
            assertThat((String) error(otherPage).get("message")).startsWith("Unsupported post request. Object with ID '" + PAGE + "'");
            assertThat(error(post("999", Map.of("message", "x")))).containsEntry("error_subcode", 33L);

            HttpResponse<String> user = post(PAGE, Map.of("message", "x", "access_token", USER_TOKEN));
            assertThat(user.statusCode()).isEqualTo(403);
            assertThat(error(user)).containsEntry("code", 200L);

            fb.invalidateToken(TOKEN, 460);
            HttpResponse<String> invalidated = message("x");
            assertThat(error(invalidated)).containsEntry("code", 190L).containsEntry("error_subcode", 460L);
            assertThat(fb.posts()).isEmpty();
        }

        @Test
        void f15PageTokenWithoutPostingPermissionIsRefusedWith403() throws Exception {
            fb.pageToken("EAAG-read-only", PAGE, null, false);
            HttpResponse<String> response = post(PAGE, Map.of("message", "x", "access_token", "EAAG-read-only"));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat((String) error(response).get("message")).startsWith("(#200) If posting to a page");
        }

        @Test
        void f16AppSecretProof() throws Exception {
            fb.appSecret("s3cret", FakeGraph.ProofMode.REQUIRED);
            assertThat(error(message("no proof"))).containsEntry("type", "GraphMethodException").containsEntry("code", 100L)
                    .containsEntry("message", "API calls from the server require an appsecret_proof argument");
            assertThat(error(post(PAGE, Map.of("message", "bad proof", "appsecret_proof", "00ff"))))
                    .containsEntry("message", "Invalid appsecret_proof provided in the API argument");
            assertThat(post(PAGE, Map.of("message", "good proof", "appsecret_proof", FakeGraph.proof("s3cret", TOKEN))).statusCode())
                    .isEqualTo(200);
            assertThat(post(PAGE, Map.of("message", "timed proof", "appsecret_time", "1764061200",
                    "appsecret_proof", FakeGraph.proof("s3cret", TOKEN + "|1764061200"))).statusCode()).isEqualTo(200);

            fb.appSecret("s3cret", FakeGraph.ProofMode.CHECKED_IF_PRESENT);
            assertThat(message("no proof now fine").statusCode()).isEqualTo(200);
            assertThat(post(PAGE, Map.of("message", "still bad", "appsecret_proof", "00ff")).statusCode()).isEqualTo(400);
            fb.appSecret("s3cret", FakeGraph.ProofMode.OFF);
            assertThat(post(PAGE, Map.of("message", "ignored", "appsecret_proof", "00ff")).statusCode()).isEqualTo(200);
        }

        @Test
        void f17SchedulingWindow() throws Exception {
            long tooSoon = START.plus(Duration.ofMinutes(5)).getEpochSecond();
            long tooFar = START.plus(Duration.ofDays(31)).getEpochSecond();
            long tomorrow = START.plus(Duration.ofDays(1)).getEpochSecond();
            for (long when : List.of(tooSoon, tooFar)) {
                HttpResponse<String> response = post(PAGE, Map.of("message", "later", "published", "false",
                        "scheduled_publish_time", Long.toString(when)));
                assertThat(error(response)).containsEntry("code", 100L)
                        .containsEntry("message", "(#100) The specified scheduled publish time is invalid.");
            }
            assertThat(error(post(PAGE, Map.of("message", "later", "scheduled_publish_time", Long.toString(tomorrow)))))
                    .containsEntry("code", 100L);

            assertThat(post(PAGE, Map.of("message", "tomorrow", "published", "false",
                    "scheduled_publish_time", Long.toString(tomorrow))).statusCode()).isEqualTo(200);
            assertThat(post(PAGE, Map.of("message", "tomorrow as ISO", "published", "false",
                    "scheduled_publish_time", "2026-11-26T12:00:00Z")).statusCode()).isEqualTo(200);
            assertThat(fb.posts()).hasSize(2).allSatisfy(p -> assertThat(p).containsEntry("published", "false"));
            assertThat(fb.posts().get(0)).containsEntry("scheduled_publish_time", Long.toString(tomorrow));

            assertThat(get("/v24.0/" + PAGE + "/feed?access_token=" + TOKEN).body()).isEqualTo("{\"data\":[]}");
            assertThat(get("/v24.0/" + PAGE + "/scheduled_posts?fields=message&access_token=" + TOKEN).body())
                    .contains("tomorrow as ISO").contains("\"message\":\"tomorrow\"");

            fb.scheduleWindow(Duration.ofMinutes(1), Duration.ofDays(30));
            assertThat(post(PAGE, Map.of("message", "soon", "published", "false",
                    "scheduled_publish_time", Long.toString(tooSoon))).statusCode()).isEqualTo(200);
        }

        @Test
        void f18NeitherMessageNorLinkAndUnreachableLinks() throws Exception {
            assertThat(error(post(PAGE, Map.of()))).containsEntry("code", 100L)
                    .containsEntry("message", "(#100) Missing message or attachment");
            fb.unreachableLink("https://example.com/404");
            assertThat(error(post(PAGE, Map.of("message", "m", "link", "https://example.com/404")))).containsEntry("code", 1609005L);
            assertThat(post(PAGE, Map.of("link", "https://example.com/ok")).statusCode()).isEqualTo(200);
            assertThat(fb.posts()).singleElement().satisfies(p -> assertThat(p).doesNotContainKey("message"));
        }

        @Test
        void f19DuplicateMessagesInBothModes() throws Exception {
            assertThat(message("Same text").statusCode()).isEqualTo(200);
            assertThat(error(message("Same text"))).containsEntry("code", 506L).containsEntry("message", "(#506) Duplicate status message");
            assertThat(post(OTHER_PAGE, Map.of("message", "Same text", "access_token", OTHER_TOKEN)).statusCode())
                    .as("another page").isEqualTo(200);
            fb.duplicateWindow(Duration.ofHours(1), FakeGraph.DuplicateMode.CODE_368);
            assertThat(error(message("Same text"))).containsEntry("code", 368L)
                    .containsEntry("error_user_msg", "You've already posted this. Try posting something different.");
            clock.advance(Duration.ofHours(1));
            assertThat(message("Same text").statusCode()).isEqualTo(200);
        }

        @Test
        void f20UsageHeadersClimbToTheLimitThenTheErrorSaysWhenToComeBack() throws Exception {
            fb.rateLimit(3, 32);
            List<String> usage = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> ok = message("post " + i);
                assertThat(ok.statusCode()).isEqualTo(200);
                usage.add(header(ok, "x-app-usage"));
                clock.advance(Duration.ofMinutes(10));
            }
            assertThat(usage).containsExactly("{\"call_count\":33,\"total_cputime\":16,\"total_time\":16}",
                    "{\"call_count\":66,\"total_cputime\":33,\"total_time\":33}",
                    "{\"call_count\":100,\"total_cputime\":50,\"total_time\":50}");
            HttpResponse<String> limited = message("one too many");
            assertThat(limited.statusCode()).isEqualTo(400);
            assertThat(error(limited)).containsEntry("code", 32L).containsEntry("message", "(#32) Page request limit reached")
                    .containsEntry("type", "OAuthException");
            assertThat(header(limited, "x-business-use-case-usage")).isEqualTo("{\"" + PAGE + "\":[{\"type\":\"pages\",\"call_count\":100,"
                    + "\"total_cputime\":50,\"total_time\":50,\"estimated_time_to_regain_access\":30}]}");
            clock.advance(Duration.ofMinutes(30)); // the first call leaves the rolling hour
            assertThat(message("one too many").statusCode()).isEqualTo(200);
        }

        @Test
        void f21PolicyBlockLastsForThePeriod() throws Exception {
            fb.policyBlock(Duration.ofHours(2));
            HttpResponse<String> blocked = message("anything");
            assertThat(error(blocked)).containsEntry("code", 368L).containsEntry("error_subcode", 1390008L);
            clock.advance(Duration.ofHours(2));
            assertThat(message("anything").statusCode()).isEqualTo(200);
        }

        @Test
        void f22TransientErrorsWithAndWithoutTheCreatedPost() throws Exception {
            fb.nextTransient(true).nextTransient(false, 1);
            HttpResponse<String> created = message("Created anyway");
            assertThat(created.statusCode()).isEqualTo(500);
            assertThat(error(created)).containsEntry("code", 2L).containsEntry("is_transient", true);
            HttpResponse<String> notCreated = message("Not created");
            assertThat(error(notCreated)).containsEntry("code", 1L).containsEntry("message", "An unknown error has occurred.");
            assertThat(fb.posts()).extracting(p -> p.get("message")).containsExactly("Created anyway");
            assertThat(get("/v24.0/" + PAGE + "/feed?fields=id,message&limit=5&access_token=" + TOKEN).body()).contains("Created anyway");
            assertThat(error(message("Created anyway"))).as("the retry is a duplicate").containsEntry("code", 506L);
        }

        @Test
        void f23AndF24RawStatusesAndOddBodiesWithDebugHeaders() throws Exception {
            fb.nextStatus(429, "{\"error\":{\"message\":\"slow down\"}}").nextStatus(502, "")
                    .nextStatus(302, "", Map.of("location", "https://www.facebook.com/"))
                    .nextStatus(500, "<html><body>Sorry, something went wrong.</body></html>")
                    .nextStatus(400, "").nextStatus(200, "{\"foo\":1}");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> response = message("odd " + i);
                statuses.add(response.statusCode());
                assertThat(header(response, "x-fb-trace-id")).isNotBlank();
                assertThat(header(response, "facebook-api-version")).isEqualTo("v25.0");
                if (i == 2) {
                    assertThat(header(response, "location")).isEqualTo("https://www.facebook.com/");
                }
                if (i == 3) {
                    assertThat(header(response, "content-type")).startsWith("text/html");
                }
                if (i == 5) {
                    assertThat(response.body()).isEqualTo("{\"foo\":1}");
                }
            }
            assertThat(statuses).containsExactly(429, 502, 302, 500, 400, 200);
            assertThat(fb.posts()).isEmpty();
        }

        @Test
        void droppedSlowAndAmbiguousPosts() throws Exception {
            fb.nextStoreThenDrop();
            assertThatThrownBy(() -> message("stored then dropped")).isInstanceOf(IOException.class);
            fb.nextDropBeforeStoring();
            assertThatThrownBy(() -> message("never stored")).isInstanceOf(IOException.class);
            fb.nextSlow(Duration.ofSeconds(1));
            assertThatThrownBy(() -> post(PAGE, Map.of("message", "slow but stored"), Duration.ofMillis(300)))
                    .isInstanceOf(HttpTimeoutException.class);
            fb.nextSlowWithoutStoring(Duration.ofMillis(200));
            assertThat(message("slow and lost").statusCode()).isEqualTo(504);
            assertThat(fb.posts()).extracting(p -> p.get("message")).containsExactly("stored then dropped", "slow but stored");
            assertThat(fb.requests()).hasSize(4);
        }

        @Test
        void f26UnicodeFormDataArrivesIntact() throws Exception {
            String text = "\u200Fعاجل: ارتفاع التضخم 👨‍👩‍👧‍👦 東京で震度5弱 & 100% + more";
            assertThat(message(text).statusCode()).isEqualTo(200);
            assertThat(fb.posts().get(0)).containsEntry("message", text);
            assertThat(fb.requests().get(0).form()).containsEntry("message", text);
        }

        @Test
        void f27ParallelPostsGetDistinctIds() {
            int n = 16;
            Set<String> ids = IntStream.range(0, n).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            return message("Parallel " + i);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })).toList().stream().map(CompletableFuture::join)
                    .map(r -> (String) json(r).get("id")).collect(Collectors.toSet());
            assertThat(ids).hasSize(n).allMatch(id -> id.startsWith(PAGE + "_"));
            assertThat(fb.posts()).hasSize(n);
        }

        @Test
        void f28ListensOnLoopbackOnlyAndRefusedPortsAreRefused() throws Exception {
            assertThat(URI.create(fb.baseUrl()).getHost()).isEqualTo("127.0.0.1");
            int port = fb.port();
            fb.close();
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 1000))
                        .isInstanceOf(ConnectException.class);
            }
            fb = FakeGraph.start(clock); // for @AfterEach
        }
    }

    @Test
    void jsonReaderIsStrictAndWriterKeepsOrder() {
        assertThat(Json.write(Json.object("b", 1, "a", List.of("x\"y", true), "skip", null))).isEqualTo("{\"b\":1,\"a\":[\"x\\\"y\",true]}");
        assertThat(Json.parseObject("{\"t\":\"\\u00e9\\n\",\"n\":-1.5e2,\"z\":null}")).containsEntry("t", "é\n").containsEntry("n", -150.0);
        for (String bad : List.of("", "{", "{\"a\":}", "{\"a\":1,}", "[1 2]", "{\"a\":1} x", "nul")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.MalformedJson.class);
        }
    }
}
