package org.herald.fakes;

import com.github.tomakehurst.wiremock.http.Fault;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Facebook Graph API on 127.0.0.1 for the real RestFB client: Page posts ({@code POST /vNN.N/{page}/feed},
 * form-encoded), the page's recent posts ({@code GET /vNN.N/{page}/feed}, newest first), its scheduled posts
 * ({@code GET .../scheduled_posts}), and single objects ({@code GET /vNN.N/{page-id | post-id | me}?fields=..}).
 * It implements scenarios F13 to F28 of {@code platform-apis.md}.
 *
 * <p>Every answer carries {@code x-fb-trace-id}, {@code x-fb-rev} and {@code facebook-api-version} (F25); every error
 * body has {@code "error"} as its first key and repeats the trace id as {@code fbtrace_id}.
 *
 * <p>Order of checks: scripted one-shot (for {@code POST .../feed} only), access token present and known,
 * appsecret_proof, token invalidated or expired, rate limit (every call with a valid token counts), page exists,
 * token may post to it, policy block, message/link, scheduling, link reachable, duplicate, store.
 *
 * <p>All configuration methods return {@code this} and may be called while requests are in flight; every request
 * is handled under one lock (F27), while delays run outside it.
 */
public final class FakeGraph implements AutoCloseable {

    /** F16: whether {@code appsecret_proof} is ignored, checked when sent, or required. */
    public enum ProofMode { OFF, CHECKED_IF_PRESENT, REQUIRED }

    /** F19: how a duplicate post is refused: G11 (506) or the 368 "already posted" variant. */
    public enum DuplicateMode { CODE_506, CODE_368 }

    /** The version reported when a request has no {@code /vNN.N/} prefix. */
    public static final String DEFAULT_VERSION = "v24.0";
    /** The user a user token belongs to ({@code GET /me}). */
    public static final String USER_ID = "100000000000042";
    public static final String USER_NAME = "Herald Tester";
    /** The first post number handed out: ids are {@code <page>_<n>}, n growing by one. */
    public static final long FIRST_POST = 122000000000000001L;

    private static final Pattern VERSIONED = Pattern.compile("^/(v\\d+\\.\\d+)(/.*)?$");
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRY_TEXT = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US)
            .withZone(ZoneId.of("America/Los_Angeles"));
    private static final String UNSUPPORTED = "Unsupported %s request. Object with ID '%s' does not exist, cannot be loaded"
            + " due to missing permissions, or does not support this operation. Please read the Graph API documentation"
            + " at https://developers.facebook.com/docs/graph-api";

    private final Clock clock;
    private final LocalServer server;

    // configuration, guarded by this
    private final Map<String, String> pages = new LinkedHashMap<>(); // id -> name
    private final Map<String, Token> tokens = new HashMap<>();
    private String appSecret;
    private ProofMode proofMode = ProofMode.OFF;
    private Duration duplicateWindow = Duration.ofHours(24);
    private DuplicateMode duplicateMode = DuplicateMode.CODE_506;
    private int callsPerHour = -1; // < 0: no limit and no usage headers
    private int rateLimitCode = 4;
    private Instant blockedUntil;
    private Duration scheduleMin = Duration.ofMinutes(10);
    private Duration scheduleMax = Duration.ofDays(30);
    private final Set<String> unreachableLinks = new HashSet<>();
    private final Deque<Step> script = new ArrayDeque<>();

    // state, guarded by this
    private long nextPost = FIRST_POST;
    private final List<Post> posts = new ArrayList<>();
    private final Deque<Instant> calls = new ArrayDeque<>(); // counted calls of the last rolling hour

    private enum Kind { PAGE, USER }

    private record Token(Kind kind, String pageId, Instant expires, boolean canPost, Integer invalidSubcode) {
        Token invalidated(int subcode) {
            return new Token(kind, pageId, expires, canPost, subcode);
        }
    }

    private record Post(String id, String pageId, String message, String link, boolean published,
                        Instant scheduledAt, Instant created) {
        String dedupKey() {
            return pageId + "\u0000" + (message != null ? message : "\u0001" + link);
        }

        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("id", id);
            if (message != null) {
                map.put("message", message);
            }
            if (link != null) {
                map.put("link", link);
            }
            map.put("published", Boolean.toString(published));
            if (scheduledAt != null) {
                map.put("scheduled_publish_time", Long.toString(scheduledAt.getEpochSecond()));
            }
            map.put("created_time", GRAPH_TIME.format(created));
            return Map.copyOf(map);
        }
    }

    /** One scripted answer for the next {@code POST .../feed}. */
    private sealed interface Step {
    }

    private record Transient(boolean createPost, int code) implements Step {
    }

    private record RawStatus(int status, String body, Map<String, String> headers) implements Step {
    }

    private record StoreThenDrop() implements Step {
    }

    private record DropBeforeStoring() implements Step {
    }

    private record Slow(Duration delay, boolean store) implements Step {
    }

    /** What a handler needs to know about the call being served. */
    private record Call(RecordedRequest request, String version, String traceId, Instant now, Map<String, String> usage) {
        String param(String name) {
            String value = request.form().get(name);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    private FakeGraph(Clock clock) {
        this.clock = clock;
        this.server = LocalServer.start(this::handle, "fake-graph");
    }

    /** Starts a fake on 127.0.0.1 and a free port; token expiry, windows and created_time come from {@code clock}. */
    public static FakeGraph start(Clock clock) {
        return new FakeGraph(clock);
    }

    /** {@code http://127.0.0.1:PORT}: the value for RestFB's {@code FacebookEndpoints.getGraphEndpoint()}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.port();
    }

    /** A Page that exists. */
    public synchronized FakeGraph page(String pageId, String name) {
        pages.put(pageId, name);
        return this;
    }

    /**
     * F14/F15: a Page access token for {@code pageId}. {@code expires} null means it never expires;
     * {@code canPost} false means it lacks {@code pages_manage_posts} (G3, 403, when posting). The page is created
     * (named after its id) if it does not exist yet.
     */
    public synchronized FakeGraph pageToken(String token, String pageId, Instant expires, boolean canPost) {
        pages.putIfAbsent(pageId, "Page " + pageId);
        tokens.put(token, new Token(Kind.PAGE, pageId, expires, canPost, null));
        return this;
    }

    /** F14: a user access token; it can read, but posting to a Page with it gives G3 (403, code 200). */
    public synchronized FakeGraph userToken(String token, Instant expires) {
        tokens.put(token, new Token(Kind.USER, null, expires, false, null));
        return this;
    }

    /** G2: the token now fails with code 190 and this subcode (460 password changed, 467 logged out, 458 app removed). */
    public synchronized FakeGraph invalidateToken(String token, int subcode) {
        Token known = tokens.get(token);
        if (known == null) {
            throw new IllegalArgumentException("unknown token");
        }
        tokens.put(token, known.invalidated(subcode));
        return this;
    }

    /**
     * F16: the app secret and how {@code appsecret_proof} (lower-case hex HMAC-SHA256 of the token, or of
     * {@code token|appsecret_time} when {@code appsecret_time} is sent) is enforced: missing (REQUIRED) or wrong
     * gives G14. {@code appsecret_time} is not checked for freshness: RestFB takes it from the real time.
     */
    public synchronized FakeGraph appSecret(String secret, ProofMode mode) {
        this.appSecret = secret;
        this.proofMode = mode;
        return this;
    }

    /**
     * F19: the same message (or, for link-only posts, the same link) to the same Page within {@code window} is
     * refused as {@code mode} says. On by default: 24 hours, {@link DuplicateMode#CODE_506}.
     */
    public synchronized FakeGraph duplicateWindow(Duration window, DuplicateMode mode) {
        this.duplicateWindow = window;
        this.duplicateMode = mode;
        return this;
    }

    /**
     * F20: at most {@code callsPerHour} calls (any call with a valid token) per rolling hour; from then on code
     * {@code code} (4, 17, 32, 613 or 80001; 400, {@code OAuthException}) until the oldest call leaves the hour.
     * Turns on {@code x-app-usage} and {@code x-business-use-case-usage} (percentages of the limit, and
     * {@code estimated_time_to_regain_access} in minutes). Refused calls are not counted. Resets the counter.
     */
    public synchronized FakeGraph rateLimit(int callsPerHour, int code) {
        this.callsPerHour = callsPerHour;
        this.rateLimitCode = code;
        calls.clear();
        return this;
    }

    /** F21: every post in the next {@code period} (from the clock's now) gets G10 (368, temporarily blocked). */
    public synchronized FakeGraph policyBlock(Duration period) {
        this.blockedUntil = clock.instant().plus(period);
        return this;
    }

    /** F17: allowed distance of {@code scheduled_publish_time} from now (defaults 10 minutes and 30 days). */
    public synchronized FakeGraph scheduleWindow(Duration min, Duration max) {
        this.scheduleMin = min;
        this.scheduleMax = max;
        return this;
    }

    /** F18: posting exactly this {@code link} gives G15 (1609005). */
    public synchronized FakeGraph unreachableLink(String link) {
        unreachableLinks.add(link);
        return this;
    }

    /**
     * F22: the next post gets 500 code 2 {@code is_transient:true}. With {@code createPost} it is processed normally
     * first, so a valid post is stored anyway (an invalid one is not, and still gets the 500).
     */
    public FakeGraph nextTransient(boolean createPost) {
        return nextTransient(createPost, 2);
    }

    /** F22 with code 1 ("An unknown error has occurred.") or 2 ("An unexpected error has occurred..."). */
    public synchronized FakeGraph nextTransient(boolean createPost, int code) {
        script.add(new Transient(createPost, code));
        return this;
    }

    /**
     * F23/F24: the next post gets exactly this status and body (nothing stored), e.g. 429, 502, 503, 504, 302, an
     * HTML 500, an empty 400 or {@code {"foo":1}}. The content type follows the body (JSON, HTML, none if empty).
     */
    public FakeGraph nextStatus(int status, String body) {
        return nextStatus(status, body, Map.of());
    }

    /** {@link #nextStatus(int, String)} with extra headers, e.g. a {@code location} for a 302. */
    public synchronized FakeGraph nextStatus(int status, String body, Map<String, String> headers) {
        script.add(new RawStatus(status, body, headers));
        return this;
    }

    /** The next post is processed normally (stored if valid), then the connection is closed unanswered. */
    public synchronized FakeGraph nextStoreThenDrop() {
        script.add(new StoreThenDrop());
        return this;
    }

    /** The next post is not stored and its connection is reset (TCP RST) without an answer. */
    public synchronized FakeGraph nextDropBeforeStoring() {
        script.add(new DropBeforeStoring());
        return this;
    }

    /**
     * The next post is processed normally (so it is stored if valid) but its answer is held back by {@code delay}:
     * a client that times out cannot know the post exists.
     */
    public synchronized FakeGraph nextSlow(Duration delay) {
        script.add(new Slow(delay, true));
        return this;
    }

    /** The next post is not stored; after {@code delay} it gets an empty 504. */
    public synchronized FakeGraph nextSlowWithoutStoring(Duration delay) {
        script.add(new Slow(delay, false));
        return this;
    }

    /** Every request received, in order, including refused and dropped ones. */
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    /**
     * Stored posts of all pages, oldest first: {@code id, message, link, published, scheduled_publish_time (epoch
     * seconds), created_time} ({@code yyyy-MM-ddTHH:mm:ss+0000} from the clock); absent values are absent keys.
     */
    public synchronized List<Map<String, String>> posts() {
        return posts.stream().map(Post::asMap).toList();
    }

    /** {@link #posts()} of one page. */
    public synchronized List<Map<String, String>> posts(String pageId) {
        return posts.stream().filter(p -> p.pageId().equals(pageId)).map(Post::asMap).toList();
    }

    /** The appsecret_proof RestFB sends: lower-case hex HMAC-SHA256 of {@code data} keyed with the app secret. */
    public static String proof(String appSecret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : mac.doFinal(data.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------------------------------------------------

    private synchronized Reply handle(RecordedRequest request) {
        Matcher versioned = VERSIONED.matcher(request.path());
        String version = versioned.matches() ? versioned.group(1) : DEFAULT_VERSION;
        String rest = versioned.matches() ? (versioned.group(2) == null ? "" : versioned.group(2)) : request.path();
        Call call = new Call(request, version, traceId(), clock.instant(), new LinkedHashMap<>());

        List<String> parts = new ArrayList<>();
        for (String part : rest.split("/")) {
            if (!part.isEmpty()) {
                parts.add(LocalServer.decode(part));
            }
        }
        boolean post = request.method().equals("POST");
        Reply reply;
        if (parts.size() == 2 && parts.get(1).equals("feed") && post) {
            Step step = script.poll();
            reply = step == null ? publish(call, parts.get(0)) : scripted(step, call, parts.get(0));
        } else {
            reply = read(call, parts);
        }
        return reply.withHeaders(call.usage())
                .withHeader("x-fb-trace-id", call.traceId())
                .withHeader("x-fb-rev", "1029384756")
                .withHeader("facebook-api-version", version);
    }

    private Reply scripted(Step step, Call call, String pageId) {
        if (step instanceof Transient t) {
            if (t.createPost()) {
                publish(call, pageId);
            }
            String message = t.code() == 1 ? "An unknown error has occurred."
                    : "An unexpected error has occurred. Please retry your request later.";
            return error(call, 500, "OAuthException", t.code(), null, message, true);
        }
        if (step instanceof RawStatus raw) {
            return Reply.raw(raw.status(), contentTypeOf(raw.body()), raw.body()).withHeaders(raw.headers());
        }
        if (step instanceof StoreThenDrop) {
            publish(call, pageId);
            return Reply.fault(Fault.EMPTY_RESPONSE);
        }
        if (step instanceof DropBeforeStoring) {
            return Reply.fault(Fault.CONNECTION_RESET_BY_PEER);
        }
        Slow slow = (Slow) step;
        Reply answer = slow.store() ? publish(call, pageId) : Reply.raw(504, null, "");
        return answer.delayedBy(slow.delay());
    }

    /** {@code POST /{page}/feed}. */
    private Reply publish(Call call, String pageId) {
        Object auth = authorize(call, pageId);
        if (auth instanceof Reply refused) {
            return refused;
        }
        Token token = (Token) auth;
        if (!pages.containsKey(pageId) || (token.kind() == Kind.PAGE && !token.pageId().equals(pageId))) {
            return unsupported(call, "post", pageId); // G13
        }
        if (token.kind() == Kind.USER || !token.canPost()) {
            return error(call, 403, "OAuthException", 200, null, "(#200) If posting to a page, requires both"
                    + " pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission", false);
        }
        if (blockedUntil != null && call.now().isBefore(blockedUntil)) {
            return error(call, 400, "OAuthException", 368, 1390008,
                    "(#368) The action attempted has been deemed abusive or is otherwise disallowed", false,
                    "You Can't Use This Feature Right Now",
                    "It looks like you were misusing this feature by going too fast. You've been temporarily blocked from using it.");
        }
        String message = call.param("message");
        String link = call.param("link");
        if (message == null && link == null) {
            return error(call, 400, "OAuthException", 100, null, "(#100) Missing message or attachment", false);
        }
        String publishedParam = call.param("published");
        boolean published = publishedParam == null || !(publishedParam.equalsIgnoreCase("false") || publishedParam.equals("0"));
        String scheduledParam = call.param("scheduled_publish_time");
        Instant scheduledAt = null;
        if (scheduledParam != null) {
            if (published) {
                return error(call, 400, "OAuthException", 100, null,
                        "(#100) You cannot specify a scheduled publish time on a published post", false);
            }
            scheduledAt = parseTime(scheduledParam);
            if (scheduledAt == null || scheduledAt.isBefore(call.now().plus(scheduleMin))
                    || scheduledAt.isAfter(call.now().plus(scheduleMax))) {
                return error(call, 400, "OAuthException", 100, null, "(#100) The specified scheduled publish time is invalid.", false);
            }
        }
        if (link != null && unreachableLinks.contains(link)) {
            return error(call, 400, "OAuthException", 1609005, null, "Error posting link", false);
        }
        Post post = new Post(pageId + "_" + nextPost, pageId, message, link, published, scheduledAt, call.now());
        for (Post earlier : posts) {
            if (earlier.dedupKey().equals(post.dedupKey()) && call.now().isBefore(earlier.created().plus(duplicateWindow))) {
                return duplicateMode == DuplicateMode.CODE_506
                        ? error(call, 400, "OAuthException", 506, null, "(#506) Duplicate status message", false)
                        : error(call, 400, "OAuthException", 368, null,
                        "(#368) The action attempted has been deemed abusive or is otherwise disallowed", false,
                        "Duplicate Post", "You've already posted this. Try posting something different.");
            }
        }
        nextPost++;
        posts.add(post);
        return ok(Json.object("id", post.id()));
    }

    /** Every other route: reads of a page, its feed, its scheduled posts, a post or {@code me}. */
    private Reply read(Call call, List<String> parts) {
        String target = parts.isEmpty() ? "" : parts.get(0);
        Object auth = authorize(call, target);
        if (auth instanceof Reply refused) {
            return refused;
        }
        Token token = (Token) auth;
        if (parts.size() > 2 || (parts.size() == 2 && !List.of("feed", "scheduled_posts").contains(parts.get(1)))) {
            return error(call, 400, "OAuthException", 2500, null,
                    "Unknown path components: /" + String.join("/", parts.subList(1, parts.size())), false);
        }
        if (!call.request().method().equals("GET") || parts.isEmpty()) {
            return unsupported(call, call.request().method().toLowerCase(Locale.ROOT), target);
        }
        if (target.equals("me")) {
            return token.kind() == Kind.PAGE
                    ? ok(fields(call, Json.object("id", token.pageId(), "name", pages.get(token.pageId()))))
                    : ok(fields(call, Json.object("id", USER_ID, "name", USER_NAME)));
        }
        if (parts.size() == 2) {
            if (!pages.containsKey(target)) {
                return unsupported(call, "get", target);
            }
            boolean scheduled = parts.get(1).equals("scheduled_posts");
            int limit = parseInt(call.param("limit"), 25);
            List<Object> data = new ArrayList<>();
            for (int i = posts.size() - 1; i >= 0 && data.size() < limit; i--) {
                Post p = posts.get(i);
                if (p.pageId().equals(target) && p.published() != scheduled) {
                    data.add(postFields(call, p));
                }
            }
            return ok(Json.object("data", data));
        }
        if (pages.containsKey(target)) {
            return ok(fields(call, Json.object("id", target, "name", pages.get(target))));
        }
        for (Post p : posts) {
            if (p.id().equals(target)) {
                return ok(postFields(call, p));
            }
        }
        return unsupported(call, "get", target);
    }

    /**
     * Checks the access token and counts the call. Returns the {@link Token}, or the error {@link Reply}.
     *
     * @param target the object id the call is about, named in the per-page usage header
     */
    private Object authorize(Call call, String target) {
        String value = call.param("access_token");
        String authorization = call.request().header("authorization");
        if (value == null && authorization != null) {
            int space = authorization.indexOf(' ');
            String scheme = space < 0 ? "" : authorization.substring(0, space);
            if (scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("OAuth")) {
                value = authorization.substring(space + 1).trim();
            }
        }
        if (value == null) {
            return error(call, 400, "OAuthException", 104, null, "An access token is required to request this resource.", false);
        }
        Token token = tokens.get(value);
        if (token == null) {
            return error(call, 400, "OAuthException", 190, null, "Invalid OAuth access token - Cannot parse access token", false);
        }
        Reply badProof = checkProof(call, value);
        if (badProof != null) {
            return badProof;
        }
        if (token.invalidSubcode() != null) {
            return error(call, 400, "OAuthException", 190, token.invalidSubcode(), invalidatedText(token.invalidSubcode()), false);
        }
        if (token.expires() != null && !call.now().isBefore(token.expires())) {
            return error(call, 400, "OAuthException", 190, 463, "Error validating access token: Session has expired on "
                    + EXPIRY_TEXT.format(token.expires()) + ". The current time is " + EXPIRY_TEXT.format(call.now()) + ".", false);
        }
        return countCall(call, token.kind() == Kind.PAGE ? token.pageId() : target) ? token : rateLimited(call);
    }

    private Reply checkProof(Call call, String token) {
        if (appSecret == null || proofMode == ProofMode.OFF) {
            return null;
        }
        String proof = call.param("appsecret_proof");
        if (proof == null) {
            return proofMode == ProofMode.REQUIRED
                    ? error(call, 400, "GraphMethodException", 100, null, "API calls from the server require an appsecret_proof argument", false)
                    : null;
        }
        String time = call.param("appsecret_time");
        String expected = proof(appSecret, time == null ? token : token + "|" + time);
        return expected.equalsIgnoreCase(proof) ? null
                : error(call, 400, "GraphMethodException", 100, null, "Invalid appsecret_proof provided in the API argument", false);
    }

    /** Counts the call in the rolling hour and fills the usage headers; false when the limit is already reached. */
    private boolean countCall(Call call, String pageId) {
        if (callsPerHour < 0) {
            return true;
        }
        Instant hourAgo = call.now().minus(Duration.ofHours(1));
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(hourAgo)) {
            calls.pollFirst();
        }
        boolean allowed = calls.size() < callsPerHour;
        if (allowed) {
            calls.addLast(call.now());
        }
        int percent = callsPerHour == 0 ? 100 : Math.min(100, calls.size() * 100 / callsPerHour);
        long regainMinutes = 0;
        if (!allowed && !calls.isEmpty()) {
            Duration wait = Duration.between(call.now(), calls.peekFirst().plus(Duration.ofHours(1)));
            regainMinutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        }
        call.usage().put("x-app-usage", Json.write(Json.object("call_count", percent, "total_cputime", percent / 2, "total_time", percent / 2)));
        call.usage().put("x-business-use-case-usage", Json.write(Json.object(pageId, List.of(Json.object(
                "type", "pages", "call_count", percent, "total_cputime", percent / 2, "total_time", percent / 2,
                "estimated_time_to_regain_access", regainMinutes)))));
        return allowed;
    }

    private Reply rateLimited(Call call) {
        String message = switch (rateLimitCode) {
            case 4 -> "(#4) Application request limit reached";
            case 17 -> "(#17) User request limit reached";
            case 32 -> "(#32) Page request limit reached";
            case 613 -> "(#613) Calls to this api have exceeded the rate limit.";
            case 80001 -> "(#80001) There have been too many calls to this Page account. Wait a bit and try again."
                    + " For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.";
            default -> "(#" + rateLimitCode + ") Request limit reached";
        };
        return error(call, 400, "OAuthException", rateLimitCode, null, message, true);
    }

    private static String invalidatedText(int subcode) {
        return switch (subcode) {
            case 460 -> "Error validating access token: The session has been invalidated because the user changed their"
                    + " password or Facebook has changed the session for security reasons.";
            case 467 -> "Error validating access token: The session is invalid because the user logged out.";
            case 458 -> "Error validating access token: The user has not authorized application 1234567890123456.";
            default -> "Error validating access token: The session has been invalidated.";
        };
    }

    // ---- bodies -------------------------------------------------------------------------------------------

    private static Reply ok(Map<String, Object> body) {
        return Reply.json(200, body);
    }

    private Reply unsupported(Call call, String method, String id) {
        return error(call, 400, "GraphMethodException", 100, 33, String.format(UNSUPPORTED, method, id), false);
    }

    private static Reply error(Call call, int status, String type, int code, Integer subcode, String message, boolean isTransient) {
        return error(call, status, type, code, subcode, message, isTransient, null, null);
    }

    /** The Graph error body; {@code "error"} is the first (only) key, as RestFB's 50-character sniff needs. */
    private static Reply error(Call call, int status, String type, int code, Integer subcode, String message,
                               boolean isTransient, String userTitle, String userMessage) {
        Map<String, Object> error = Json.object("message", message, "type", type, "code", code, "error_subcode", subcode,
                "is_transient", isTransient ? Boolean.TRUE : null, "error_user_title", userTitle,
                "error_user_msg", userMessage, "fbtrace_id", call.traceId());
        return Reply.json(status, Json.object("error", error));
    }

    /** Keeps only the requested {@code fields} (all when none are asked for); the id is always kept. */
    private static Map<String, Object> fields(Call call, Map<String, Object> all) {
        String fields = call.param("fields");
        if (fields == null) {
            return all;
        }
        Set<String> wanted = new HashSet<>(List.of(fields.replaceAll("\\{[^}]*}", "").split("\\s*,\\s*")));
        Map<String, Object> kept = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.equals("id") || wanted.contains(k)) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static Map<String, Object> postFields(Call call, Post p) {
        Map<String, Object> all = Json.object("id", p.id(), "message", p.message(), "link", p.link(),
                "created_time", GRAPH_TIME.format(p.created()), "is_published", p.published(),
                "scheduled_publish_time", p.scheduledAt() == null ? null : p.scheduledAt().getEpochSecond(),
                "permalink_url", "https://www.facebook.com/" + p.id().replace("_", "/posts/"));
        if (call.param("fields") == null) { // Graph's default fields for a post
            return Json.object("id", p.id(), "message", p.message(), "created_time", GRAPH_TIME.format(p.created()));
        }
        return fields(call, all);
    }

    /** Unix seconds or ISO 8601 (with or without offset; none means UTC); null when unparseable. */
    private static Instant parseTime(String value) {
        if (value.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return OffsetDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")).toInstant();
            } catch (DateTimeParseException notGraph) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException unparseable) {
                    return null;
                }
            }
        }
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String contentTypeOf(String body) {
        String start = body.stripLeading();
        if (start.isEmpty()) {
            return null;
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return "application/json; charset=UTF-8";
        }
        return start.startsWith("<") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
    }

    /** Graph trace ids look like {@code AbC123xyz_-}: 11 URL-safe characters. */
    private static String traceId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder id = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 11; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
