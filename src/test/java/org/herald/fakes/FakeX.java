package org.herald.fakes;

import com.github.tomakehurst.wiremock.http.Fault;
import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fake X API v2 on 127.0.0.1 for the real Twitter4J client: {@code POST .../2/tweets} and
 * {@code GET .../2/users/me}, under any base path. It implements scenarios F1 to F12 and F26 to F28 of
 * {@code platform-apis.md}: OAuth 1.0a checking, twitter-text length rules, duplicates, the 15-minute and 24-hour
 * limits with their headers, and one-shot scripted refusals, server errors and network failures.
 *
 * <p>All configuration methods return {@code this} and may be called while requests are in flight; every request
 * is handled under one lock (F27), while delays run outside it.
 *
 * <p>Order of checks for a tweet, as on the real service: scripted one-shot, authentication, 24-hour caps,
 * 15-minute window (every request that passes these is counted, whatever its outcome), then body validation,
 * length, duplicate, store.
 */
public final class FakeX implements AutoCloseable {

    /** Scripted access and plan refusals (F8). */
    public enum XRefusal {
        /** X3: 403, app has Read-only permissions. */
        READ_ONLY_APP,
        /** X4: 403 with the legacy v1.1 body {@code {"errors":[{"message":..,"code":453}]}}. */
        ACCESS_LEVEL_453,
        /** X5: 403, {@code reason: client-not-enrolled} (app not in a Project). */
        CLIENT_NOT_ENROLLED,
        /** X12: 402, pay-per-use account out of credits. */
        CREDITS_DEPLETED,
        /** X11: monthly usage cap, status {@link #monthlyCapStatus(int)} (default 429), {@code period: Monthly}. */
        MONTHLY_CAP,
        /** X8: 400 invalid request. */
        INVALID_REQUEST
    }

    /** Body of a scripted server error (F10). */
    public enum ErrorBody { PROBLEM_JSON, HTML, EMPTY }

    /** How a stored tweet's answer gets lost (F9). */
    public enum Failure {
        /** The tweet is stored, then the server closes the connection without answering. */
        DROP_CONNECTION,
        /** The tweet is stored, then the answer is a 503 problem. */
        SERVICE_UNAVAILABLE_503,
        /** The tweet is stored, and the normal 201 arrives only after {@link #stallMillis()}. */
        STALL
    }

    /** The first tweet id handed out; ids then grow by one. */
    public static final long FIRST_ID = 1850000000000000001L;
    /** The account {@code GET /2/users/me} returns. */
    public static final String USER_ID = "2244994945";
    public static final String USER_NAME = "Herald Test";
    public static final String USER_HANDLE = "herald_test";

    private static final String API_VERSION = "2.142";
    private static final String TOO_LONG = "Your Tweet text is too long. For more information on how Twitter determines"
            + " text length see https://github.com/twitter/twitter-text.";

    private final Clock clock;
    private final LocalServer server;
    private final Extractor urls = new Extractor();

    // configuration, guarded by this
    private final Map<String, Credentials> credentials = new HashMap<>(); // by access token; empty = lenient
    private final Set<String> revoked = new HashSet<>();
    private int tooLongStatus = 400;
    private Duration duplicateWindow = Duration.ofHours(24);
    private int rateLimit = 200;
    private Duration rateWindow = Duration.ofMinutes(15);
    private int dailyPerUser = -1; // < 0: no 24-hour caps and no 24-hour headers
    private int dailyPerApp = -1;
    private boolean rateLimitHeaders = true;
    private int monthlyCapStatus = 429;
    private long stallMillis = 3000;
    private final Deque<Step> script = new ArrayDeque<>();

    // state, guarded by this
    private long nextId = FIRST_ID;
    private long nextShortLink = 1;
    private final List<String> tweets = new ArrayList<>();
    private final List<Instant> tweetTimes = new ArrayList<>();
    private final Map<String, Instant> postedAt = new HashMap<>(); // NFC text -> last time stored
    private final Map<String, FixedWindow> windows = new HashMap<>(); // by access token
    private final Map<String, FixedWindow> userDays = new HashMap<>(); // by access token
    private final Map<String, FixedWindow> appDays = new HashMap<>(); // by consumer key

    private record Credentials(String consumerKey, String consumerSecret, String accessToken, String tokenSecret) {
    }

    /** One scripted answer, consumed by the next {@code POST /2/tweets}. */
    private sealed interface Step {
    }

    private record Refuse(XRefusal refusal) implements Step {
    }

    private record ServerError(int status, ErrorBody body) implements Step {
    }

    private record StoreThenFail(Failure failure) implements Step {
    }

    private record SlowWithoutStoring(Duration delay) implements Step {
    }

    private record DropBeforeStoring() implements Step {
    }

    private FakeX(Clock clock) {
        this.clock = clock;
        this.server = LocalServer.start(this::handle, "fake-x");
    }

    /** Starts a fake on 127.0.0.1 and a free port; time (windows, duplicates, resets) comes from {@code clock}. */
    public static FakeX start(Clock clock) {
        return new FakeX(clock);
    }

    /** {@code http://127.0.0.1:PORT/2/}, the value for twitter4j-v2's {@code V2Configuration.baseURL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/2/";
    }

    public int port() {
        return server.port();
    }

    /**
     * F2: from now on only these credentials pass, and each request's OAuth 1.0a HMAC-SHA1 signature is recomputed
     * (method, URL with port, {@code oauth_*} and query parameters; not the JSON body): a wrong consumer secret or
     * token secret gets X1. Call again to accept more accounts. Until the first call any {@code OAuth} header
     * passes. Timestamps and nonces are not checked (Twitter4J uses the real time, the fake a test clock).
     */
    public synchronized FakeX acceptCredentials(String consumerKey, String consumerSecret, String accessToken,
                                                String accessTokenSecret) {
        credentials.put(accessToken, new Credentials(consumerKey, consumerSecret, accessToken, accessTokenSecret));
        return this;
    }

    /** F2: requests signed with this access token now get X1 (401). */
    public synchronized FakeX revokeToken(String accessToken) {
        revoked.add(accessToken);
        return this;
    }

    /** F3: the status for text twitter-text finds invalid (weighted length over 280, U+FFFE...): 400 (default) or 403. */
    public synchronized FakeX tooLongStatus(int status) {
        this.tooLongStatus = status;
        return this;
    }

    /** F5: identical text (after NFC) stored less than {@code window} ago gets X2 (403). Default 24 hours. */
    public synchronized FakeX duplicateWindow(Duration window) {
        this.duplicateWindow = window;
        return this;
    }

    /**
     * F6: at most {@code perWindow} tweet requests per access token per fixed window (default 200 per 15 minutes).
     * The window opens at its first request; when exhausted the answer is X9 (429) with
     * {@code x-rate-limit-remaining: 0} and {@code x-rate-limit-reset} = window end in epoch seconds of the clock.
     * Resets the counters.
     */
    public synchronized FakeX rateLimit(int perWindow, Duration window) {
        this.rateLimit = perWindow;
        this.rateWindow = window;
        windows.clear();
        return this;
    }

    /**
     * F7: 24-hour caps per access token and per consumer key, sent as {@code x-user-limit-24hour-*} and
     * {@code x-app-limit-24hour-*} headers (limit, remaining, reset); exhaustion gives X10 (429) with that
     * remaining at 0. Off (no such headers) until called. Resets the counters.
     */
    public synchronized FakeX dailyCaps(int perUser, int perApp) {
        this.dailyPerUser = perUser;
        this.dailyPerApp = perApp;
        userDays.clear();
        appDays.clear();
        return this;
    }

    /** F12: {@code false} leaves out every {@code x-rate-limit-*} header, on success and on 429 alike. */
    public synchronized FakeX rateLimitHeaders(boolean send) {
        this.rateLimitHeaders = send;
        return this;
    }

    /** X11's status, 429 (default) or 403: the docs leave it open. */
    public synchronized FakeX monthlyCapStatus(int status) {
        this.monthlyCapStatus = status;
        return this;
    }

    /** How long {@link Failure#STALL} holds the answer back; make it longer than the client's read timeout. */
    public synchronized FakeX stallMillis(long millis) {
        this.stallMillis = millis;
        return this;
    }

    /** The current stall delay in milliseconds (default 3000). */
    public synchronized long stallMillis() {
        return stallMillis;
    }

    /** F8: the next tweet request is refused this way (steps queue up in call order). Nothing is stored. */
    public synchronized FakeX nextRefuse(XRefusal refusal) {
        script.add(new Refuse(refusal));
        return this;
    }

    /** F10: the next tweet request gets this 5xx with the given body; nothing is stored. */
    public synchronized FakeX nextServerError(int status, ErrorBody body) {
        script.add(new ServerError(status, body));
        return this;
    }

    /**
     * F9: the next tweet request is processed normally (stored if valid), then its answer is lost as
     * {@code failure} says. If the request would have failed anyway, the failure hides that answer too.
     */
    public synchronized FakeX nextStoreThenFail(Failure failure) {
        script.add(new StoreThenFail(failure));
        return this;
    }

    /** F11: the next tweet request is not stored, and after {@code delay} it gets a 503 problem. */
    public synchronized FakeX nextSlowWithoutStoring(Duration delay) {
        script.add(new SlowWithoutStoring(delay));
        return this;
    }

    /** The next tweet request is not stored and its connection is reset (TCP RST) without an answer. */
    public synchronized FakeX nextDropBeforeStoring() {
        script.add(new DropBeforeStoring());
        return this;
    }

    /** Every request received, in order, including refused and dropped ones. */
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    /** When each stored tweet arrived (the fake's clock), in the order of {@link #tweets()}. */
    public synchronized List<Instant> tweetTimes() {
        return List.copyOf(tweetTimes);
    }

    /** Texts of the stored tweets, as sent (not t.co-rewritten), in order. */
    public synchronized List<String> tweets() {
        return List.copyOf(tweets);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------------------------------------------------

    private synchronized Reply handle(RecordedRequest request) {
        String path = request.path();
        if (path.endsWith("/2/tweets") && request.method().equals("POST")) {
            Step step = script.poll();
            return step == null ? createTweet(request) : scripted(step, request);
        }
        if (path.endsWith("/2/users/me") && request.method().equals("GET")) {
            return authenticated(request) == null ? problem(401, "Unauthorized", "Unauthorized", "about:blank")
                    : xJson(200, Json.object("data", Json.object("id", USER_ID, "name", USER_NAME, "username", USER_HANDLE)))
                    .withHeader("x-access-level", "read-write");
        }
        // what X answers for an unknown route
        return xJson(404, Json.object("errors", List.of(Json.object("message", "Sorry, that page does not exist", "code", 34))));
    }

    private Reply scripted(Step step, RecordedRequest request) {
        if (step instanceof Refuse refuse) {
            return refusal(refuse.refusal());
        }
        if (step instanceof ServerError error) {
            return serverError(error.status(), error.body());
        }
        if (step instanceof SlowWithoutStoring slow) {
            return serverError(503, ErrorBody.PROBLEM_JSON).delayedBy(slow.delay());
        }
        if (step instanceof DropBeforeStoring) {
            return Reply.fault(Fault.CONNECTION_RESET_BY_PEER);
        }
        StoreThenFail storeThenFail = (StoreThenFail) step;
        Reply processed = createTweet(request);
        return switch (storeThenFail.failure()) {
            case DROP_CONNECTION -> Reply.fault(Fault.EMPTY_RESPONSE);
            case SERVICE_UNAVAILABLE_503 -> serverError(503, ErrorBody.PROBLEM_JSON);
            case STALL -> processed.delayedBy(Duration.ofMillis(stallMillis));
        };
    }

    private Reply createTweet(RecordedRequest request) {
        Map<String, String> oauth = authenticated(request);
        if (oauth == null) {
            return problem(401, "Unauthorized", "Unauthorized", "about:blank");
        }
        Instant now = clock.instant();
        String token = oauth.get("oauth_token");
        FixedWindow window = windows.computeIfAbsent(token, t -> new FixedWindow(rateLimit, rateWindow));
        FixedWindow userDay = dailyPerUser < 0 ? null : userDays.computeIfAbsent(token, t -> new FixedWindow(dailyPerUser, Duration.ofHours(24)));
        FixedWindow appDay = dailyPerApp < 0 ? null
                : appDays.computeIfAbsent(oauth.get("oauth_consumer_key"), k -> new FixedWindow(dailyPerApp, Duration.ofHours(24)));
        boolean limited = window.exhausted(now) || (userDay != null && userDay.exhausted(now))
                || (appDay != null && appDay.exhausted(now));
        if (!limited) {
            window.count(now);
            if (userDay != null) {
                userDay.count(now);
            }
            if (appDay != null) {
                appDay.count(now);
            }
        }
        Map<String, String> limitHeaders = limitHeaders(now, window, userDay, appDay);
        Reply reply = limited ? problem(429, "Too Many Requests", "Too Many Requests", "about:blank") : validateAndStore(request, now);
        return reply.withHeaders(limitHeaders);
    }

    private Reply validateAndStore(RecordedRequest request, Instant now) {
        Object text;
        try {
            text = Json.parseObject(request.body()).get("text");
        } catch (Json.MalformedJson e) {
            return invalidRequest("Request body is not valid JSON: " + e.getMessage(), null);
        }
        if (!(text instanceof String s) || s.isBlank()) {
            return invalidRequest("$.text: must not be empty", text == null ? null : String.valueOf(text));
        }
        if (!TwitterTextParser.parseTweet(s).isValid) {
            return tooLongStatus == 403 ? problem(403, "Forbidden", TOO_LONG, "about:blank") : invalidRequest(TOO_LONG, s);
        }
        String key = Normalizer.normalize(s, Normalizer.Form.NFC);
        Instant last = postedAt.get(key);
        if (last != null && now.isBefore(last.plus(duplicateWindow))) {
            return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.", "about:blank");
        }
        postedAt.put(key, now);
        tweets.add(s);
        tweetTimes.add(now);
        String id = Long.toString(nextId++);
        return xJson(201, Json.object("data", Json.object("id", id, "text", withShortLinks(s), "edit_history_tweet_ids", List.of(id))))
                .withHeader("x-access-level", "read-write");
    }

    /** The OAuth parameters when the request is authenticated, else null. */
    private Map<String, String> authenticated(RecordedRequest request) {
        Map<String, String> oauth = OAuth1.parseHeader(request.header("authorization"));
        if (oauth == null) {
            return null;
        }
        String token = oauth.get("oauth_token");
        String signature = oauth.get("oauth_signature");
        if (token == null || oauth.get("oauth_consumer_key") == null || signature == null || revoked.contains(token)) {
            return null;
        }
        if (credentials.isEmpty()) {
            return oauth;
        }
        Credentials known = credentials.get(token);
        if (known == null || !known.consumerKey().equals(oauth.get("oauth_consumer_key"))
                || !"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) {
            return null;
        }
        List<Map.Entry<String, String>> signed = new ArrayList<>();
        oauth.forEach((k, v) -> {
            if (!k.equals("oauth_signature") && !k.equals("realm")) {
                signed.add(Map.entry(k, v));
            }
        });
        signed.addAll(LocalServer.parsePairs(request.query()));
        if (request.header("content-type") != null && request.header("content-type").startsWith("application/x-www-form-urlencoded")) {
            signed.addAll(LocalServer.parsePairs(request.body()));
        }
        String expected = OAuth1.signature(request.method(), baseUrl(request), signed, known.consumerSecret(), known.tokenSecret());
        boolean ok = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        return ok ? oauth : null;
    }

    /** The URL the client signed: http, host (with port) from the Host header, path, no query. */
    private String baseUrl(RecordedRequest request) {
        String host = request.header("host");
        if (host == null) {
            host = "127.0.0.1:" + port();
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(":80")) {
            host = host.substring(0, host.length() - 3);
        }
        return "http://" + host + request.path();
    }

    private Map<String, String> limitHeaders(Instant now, FixedWindow window, FixedWindow userDay, FixedWindow appDay) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (rateLimitHeaders) {
            headers.put("x-rate-limit-limit", Integer.toString(window.limit()));
            headers.put("x-rate-limit-remaining", Integer.toString(window.remaining(now)));
            headers.put("x-rate-limit-reset", Long.toString(window.resetEpochSeconds(now)));
        }
        if (appDay != null) {
            headers.put("x-app-limit-24hour-limit", Integer.toString(appDay.limit()));
            headers.put("x-app-limit-24hour-remaining", Integer.toString(appDay.remaining(now)));
            headers.put("x-app-limit-24hour-reset", Long.toString(appDay.resetEpochSeconds(now)));
        }
        if (userDay != null) {
            headers.put("x-user-limit-24hour-limit", Integer.toString(userDay.limit()));
            headers.put("x-user-limit-24hour-remaining", Integer.toString(userDay.remaining(now)));
            headers.put("x-user-limit-24hour-reset", Long.toString(userDay.resetEpochSeconds(now)));
        }
        return headers;
    }

    /** Replaces every URL twitter-text finds with a 23-character t.co link, as X echoes stored text. */
    private String withShortLinks(String text) {
        List<Extractor.Entity> found = urls.extractURLsWithIndices(text);
        StringBuilder out = new StringBuilder(text);
        for (int i = found.size() - 1; i >= 0; i--) {
            Extractor.Entity url = found.get(i);
            out.replace(url.getStart(), url.getEnd(), "https://t.co/" + shortCode(nextShortLink++));
        }
        return out.toString();
    }

    private static String shortCode(long n) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char[] code = new char[10];
        long value = n * 2654435761L + 0x5DEECE66DL; // scrambled so codes do not look sequential
        for (int i = 9; i >= 0; i--) {
            code[i] = alphabet.charAt((int) Math.floorMod(value, 62L));
            value = Math.floorDiv(value, 62L);
        }
        return new String(code);
    }

    // ---- bodies -------------------------------------------------------------------------------------------

    /** A JSON answer with the headers X puts on everything it answers itself. */
    private static Reply xJson(int status, Object body) {
        return Reply.json(status, body)
                .withHeader("api-version", API_VERSION)
                .withHeader("x-transaction-id", Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    }

    /** An RFC 7807 problem in the key order X uses for these. */
    private static Reply problem(int status, String title, String detail, String type) {
        return xJson(status, Json.object("title", title, "detail", detail, "type", type, "status", status));
    }

    /** X8 (and X7 at 400): {@code InvalidRequestProblem} with its {@code errors} list. */
    private static Reply invalidRequest(String message, String textParameter) {
        Map<String, Object> error = Json.object(
                "parameters", textParameter == null ? Map.of() : Json.object("text", List.of(textParameter)),
                "message", message);
        return xJson(400, Json.object("errors", List.of(error), "title", "Invalid Request",
                "detail", "One or more parameters to your request was invalid.",
                "type", "https://api.twitter.com/2/problems/invalid-request"));
    }

    private Reply refusal(XRefusal refusal) {
        return switch (refusal) {
            case READ_ONLY_APP -> xJson(403, Json.object("title", "Forbidden", "status", 403,
                    "detail", "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.",
                    "type", "https://api.twitter.com/2/problems/oauth1-permissions"));
            case ACCESS_LEVEL_453 -> xJson(403, Json.object("errors", List.of(Json.object(
                    "message", "You currently have access to a subset of X API V2 endpoints and limited v1.1 endpoints"
                            + " (e.g. media post, oauth) only. If you need access to this endpoint, you may need a different"
                            + " access level. You can learn more here: https://developer.x.com/en/portal/product",
                    "code", 453))));
            case CLIENT_NOT_ENROLLED -> xJson(403, Json.object("client_id", "30462751",
                    "detail", "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens"
                            + " from a Twitter developer App that is attached to a Project. You can create a project via the"
                            + " developer portal.",
                    "registration_url", "https://developer.twitter.com/en/docs/projects/overview",
                    "title", "Client Forbidden", "required_enrollment", "Appropriate Level of API Access",
                    "reason", "client-not-enrolled", "type", "https://api.twitter.com/2/problems/client-forbidden"));
            case CREDITS_DEPLETED -> xJson(402, Json.object("title", "CreditsDepleted",
                    "detail", "Your enrolled account does not have any credits to fulfill this request.",
                    "type", "https://api.twitter.com/2/problems/credits-depleted", "status", 402));
            case MONTHLY_CAP -> xJson(monthlyCapStatus, Json.object("title", "Usage cap exceeded",
                    "detail", "Usage cap exceeded: Monthly product cap",
                    "type", "https://api.twitter.com/2/problems/usage-capped",
                    "period", "Monthly", "scope", "Product", "status", monthlyCapStatus));
            case INVALID_REQUEST -> invalidRequest("$.text: invalid parameter", null);
        };
    }

    /** F10/X13: a 5xx as an upstream gateway or X itself produces it. */
    private static Reply serverError(int status, ErrorBody body) {
        String title = switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server Error";
        };
        return switch (body) {
            case PROBLEM_JSON -> problem(status, title, title, "about:blank");
            case HTML -> Reply.raw(status, Reply.HTML, "<!DOCTYPE html><html><head><title>" + status + " " + title
                    + "</title></head><body><h1>" + title + "</h1><p>Something is technically wrong.</p></body></html>");
            case EMPTY -> Reply.raw(status, null, "");
        };
    }
}
