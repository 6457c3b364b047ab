package org.herald.console.api;

import io.javalin.http.Context;
import org.herald.access.ApiTokens;
import org.herald.access.ActivityLog;
import org.herald.access.IdempotentResponses;
import org.herald.access.Role;
import org.herald.actions.ReviewActions;
import org.herald.actions.RowAction;
import org.herald.actions.RowActions;
import org.herald.actions.StoryIntake;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * /api/v1: JSON only, bearer tokens ({@code herald token create}) instead of sessions and CSRF. Stories go
 * through {@link StoryIntake} (the schedule command's dedup and time rules), row changes through
 * {@link RowActions} and {@link ReviewActions}, each change logged under the token's name.
 */
public final class ApiRoutes {
    public static final String PREFIX = "/api/v1";
    private static final String TOKEN = "herald.api.token";
    private static final int MAX_LIMIT = 1000;

    /** An API answer other than 2xx: its status and the one line for {@code {"error": ...}}. */
    public static final class Refusal extends RuntimeException {
        private final int status;

        public Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final ApiTokens tokens;
    private final IdempotentResponses idempotent;
    private final StoryIntake intake;
    private final Outbox outbox;
    private final RowActions rows;
    private final ReviewActions review;
    private final ActivityLog activity;
    /** One request per (token, key) at a time, so two concurrent retries cannot both create the story. */
    private final Map<String, Object> keyLocks = new ConcurrentHashMap<>();

    public ApiRoutes(ApiTokens tokens, IdempotentResponses idempotent, StoryIntake intake, Outbox outbox, RowActions rows, ReviewActions review,
                     ActivityLog activity) {
        this.tokens = tokens;
        this.idempotent = idempotent;
        this.intake = intake;
        this.outbox = outbox;
        this.rows = rows;
        this.review = review;
        this.activity = activity;
    }

    /** The before-filter for every /api path: a live bearer token, or 401. */
    public void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"herald\"");
            throw new Refusal(401, "send Authorization: Bearer TOKEN (create one with herald token create NAME --role viewer|editor)");
        }
        Optional<ApiTokens.ApiToken> token = tokens.find(header.substring(7).strip());
        if (token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"herald\", error=\"invalid_token\"");
            throw new Refusal(401, "the token is not valid (wrong, or revoked)");
        }
        ctx.attribute(TOKEN, token.get());
    }

    private static ApiTokens.ApiToken token(Context ctx, Role needed) {
        ApiTokens.ApiToken token = ctx.attribute(TOKEN);
        if (token == null) throw new Refusal(401, "the token is not valid (wrong, or revoked)");
        if (!token.role().allows(needed)) throw new Refusal(403, "this needs an " + needed.id() + " token; " + token.name() + " is a " + token.role().id() + " token");
        return token;
    }

    private static String actor(ApiTokens.ApiToken token) {
        return "api:" + token.name();
    }

    public static void answer(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    /** POST /stories: {"url"} or {"text", "link"}, optional "channels", "at", "review" → 201 with the story's rows. */
    public void createStory(Context ctx) {
        ApiTokens.ApiToken token = token(ctx, Role.EDITOR);
        String body = ctx.body();
        Optional<String> key = Optional.ofNullable(ctx.header("Idempotency-Key")).map(String::strip).filter(k -> !k.isEmpty());
        if (key.isEmpty()) {
            Answer answer = story(token, body);
            answer(ctx, answer.status(), answer.body());
            return;
        }
        if (key.get().length() > 200) throw new Refusal(400, "Idempotency-Key is longer than 200 characters");
        synchronized (keyLocks.computeIfAbsent(token.name() + "\n" + key.get(), k -> new Object())) {
            Optional<IdempotentResponses.Stored> stored = idempotent.find(token.name(), key.get());
            if (stored.isPresent()) {
                if (!stored.get().requestHash().equals(IdempotentResponses.hash(body))) {
                    throw new Refusal(422, "this Idempotency-Key was already used for a different request body");
                }
                ctx.header("Idempotent-Replayed", "true");
                ctx.status(stored.get().status()).contentType("application/json; charset=utf-8").result(stored.get().body());
                return;
            }
            Answer answer = story(token, body);
            String json = Json.write(answer.body());
            // a refused body is not kept: the client may fix it and send it again with the same key
            if (answer.status() < 400) idempotent.keep(token.name(), key.get(), body, answer.status(), json);
            ctx.status(answer.status()).contentType("application/json; charset=utf-8").result(json);
        }
    }

    private record Answer(int status, Object body) {
    }

    private Answer story(ApiTokens.ApiToken token, String body) {
        Map<String, Object> json = object(body);
        for (String field : json.keySet()) {
            if (!List.of("url", "text", "link", "channels", "at", "review").contains(field)) {
                throw new Refusal(400, "unknown field \"" + field + "\" (known: url, text, link, channels, at, review)");
            }
        }
        Optional<String> url = string(json, "url");
        Optional<String> text = string(json, "text");
        Optional<URI> link = string(json, "link").map(l -> {
            String clean = l.strip();
            if (!clean.matches("(?i)^https?://[^\\s]+$")) throw new Refusal(400, "\"link\" must be an http(s) URL");
            try {
                return URI.create(clean);
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "\"link\" is not a valid URL");
            }
        });
        List<String> channels = new ArrayList<>();
        Object rawChannels = json.get("channels");
        if (rawChannels != null && rawChannels != Json.NULL) {
            if (!(rawChannels instanceof List<?> list) || list.stream().anyMatch(c -> !(c instanceof String))) {
                throw new Refusal(400, "\"channels\" must be an array of channel names, such as [\"x-main\"]");
            }
            list.forEach(c -> channels.add((String) c));
        }
        Optional<Instant> at = time(json, "at");
        boolean held = false;
        Object rawReview = json.get("review");
        if (rawReview != null && rawReview != Json.NULL) {
            if (!(rawReview instanceof Boolean b)) throw new Refusal(400, "\"review\" must be true or false");
            held = b;
        }
        StoryIntake.Result result = intake.take(new StoryIntake.Request(url, text, link, channels, at, held));
        if (result instanceof StoryIntake.Result.Invalid invalid) throw new Refusal(400, "\"" + invalid.field() + "\": " + invalid.message());
        StoryIntake.Result.Queued queued = (StoryIntake.Result.Queued) result;
        List<Object> shown = new ArrayList<>();
        boolean anyAdded = false;
        for (Outbox.ByHand row : queued.rows()) {
            if (row instanceof Outbox.ByHand.Added added) {
                anyAdded = true;
                OutboxEntry entry = outbox.find(added.id()).orElseThrow();
                activity.record(actor(token), held ? "api-story-held" : "api-story", Optional.of(entry.id()), Optional.of(entry.channel()),
                        "due " + entry.due());
                shown.add(row(entry, Optional.empty()));
            } else {
                OutboxEntry existing = ((Outbox.ByHand.AlreadyThere) row).existing();
                shown.add(row(existing, Optional.of("this channel already has this story as row " + existing.id() + " (" + existing.state()
                        + "); a story is never posted twice")));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("headline", queued.story().headline());
        out.put("link", queued.story().link().map(URI::toString));
        out.put("rows", shown);
        if (!anyAdded) {
            out.put("error", "every channel already has this story; nothing was queued");
            return new Answer(409, out);
        }
        return new Answer(201, out);
    }

    /** GET /outbox?state=&channel=&limit=: rows newest due first, with the fields of queue --json. */
    public void list(Context ctx) {
        token(ctx, Role.VIEWER);
        Optional<OutboxState> state = Optional.ofNullable(ctx.queryParam("state")).filter(s -> !s.isBlank()).map(s -> {
            try {
                return OutboxState.valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "\"state\" must be one of " + String.join(", ", java.util.Arrays.stream(OutboxState.values()).map(Enum::name).toList()));
            }
        });
        Optional<String> channel = Optional.ofNullable(ctx.queryParam("channel")).map(String::strip).filter(s -> !s.isEmpty());
        int limit = 100;
        String rawLimit = ctx.queryParam("limit");
        if (rawLimit != null && !rawLimit.isBlank()) {
            try {
                limit = Integer.parseInt(rawLimit.strip());
            } catch (NumberFormatException e) {
                throw new Refusal(400, "\"limit\" must be a whole number from 1 to " + MAX_LIMIT);
            }
            if (limit < 1 || limit > MAX_LIMIT) throw new Refusal(400, "\"limit\" must be a whole number from 1 to " + MAX_LIMIT);
        }
        List<OutboxEntry> found = outbox.page(new Outbox.PageQuery(state, channel, Optional.empty(), Optional.empty(), Optional.empty(), limit)).rows();
        answer(ctx, 200, found.stream().map(e -> (Object) row(e, Optional.empty())).toList());
    }

    /** GET /outbox/{id}. */
    public void one(Context ctx) {
        token(ctx, Role.VIEWER);
        long id = id(ctx);
        OutboxEntry entry = outbox.find(id).orElseThrow(() -> new Refusal(404, "there is no outbox row " + id));
        answer(ctx, 200, row(entry, Optional.empty()));
    }

    /** POST /outbox/{id}/cancel|retry|approve|reject. */
    public void act(Context ctx, String action) {
        ApiTokens.ApiToken token = token(ctx, Role.EDITOR);
        long id = id(ctx);
        Map<String, Object> json = ctx.body().isBlank() ? Map.of() : object(ctx.body());
        RowAction result = switch (action) {
            case "cancel" -> logged(token, "cancel", rows.cancel(id));
            case "retry" -> logged(token, "retry", rows.retry(id));
            case "approve" -> {
                known(json, "text", "at", "anyway");
                Object anyway = json.get("anyway");
                if (anyway != null && !(anyway instanceof Boolean)) throw new Refusal(400, "\"anyway\" must be true or false");
                yield review.approve(actor(token), id, string(json, "text"), time(json, "at"), Boolean.TRUE.equals(anyway), ZoneOffset.UTC);
            }
            case "reject" -> {
                known(json, "reason");
                yield review.reject(actor(token), id, string(json, "reason"));
            }
            default -> throw new Refusal(404, "there is no such action");
        };
        if (result instanceof RowAction.Refused refused) {
            int status = outbox.find(id).isEmpty() ? 404 : 409;
            throw new Refusal(status, refused.message());
        }
        Map<String, Object> out = new LinkedHashMap<>(row(outbox.find(id).orElseThrow(), Optional.empty()));
        out.put("message", result.message());
        answer(ctx, 200, out);
    }

    private RowAction logged(ApiTokens.ApiToken token, String action, RowAction result) {
        if (result instanceof RowAction.Done done) {
            activity.record(actor(token), action, Optional.of(done.before().id()), Optional.of(done.before().channel()), "was " + done.before().state());
        }
        return result;
    }

    /** A row with the fields of {@code queue --json}. */
    static Map<String, Object> row(OutboxEntry e, Optional<String> note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("channel", e.channel());
        m.put("network", e.network());
        m.put("state", e.state().name());
        m.put("due", e.due().toString());
        m.put("nextAttempt", e.nextAttempt().toString());
        m.put("attempts", e.attempts());
        m.put("lastError", e.lastError());
        m.put("remoteId", e.remoteId());
        m.put("url", e.remoteUrl().map(URI::toString));
        m.put("sent", e.sentAt().map(Object::toString));
        m.put("text", e.text());
        m.put("link", e.link().map(URI::toString));
        m.put("dryRun", e.dryRun());
        note.ifPresent(n -> m.put("note", n));
        return m;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new Refusal(404, "there is no outbox row " + ctx.pathParam("id"));
        }
    }

    private static Map<String, Object> object(String body) {
        if (body.isBlank()) throw new Refusal(400, "the body is empty; send a JSON object");
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (Json.Malformed e) {
            throw new Refusal(400, "the body is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) throw new Refusal(400, "the body must be a JSON object");
        @SuppressWarnings("unchecked") Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    private static void known(Map<String, Object> json, String... fields) {
        for (String field : json.keySet()) {
            if (!List.of(fields).contains(field)) throw new Refusal(400, "unknown field \"" + field + "\" (known: " + String.join(", ", fields) + ")");
        }
    }

    private static Optional<String> string(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value == null || value == Json.NULL) return Optional.empty();
        if (!(value instanceof String s)) throw new Refusal(400, "\"" + field + "\" must be a string");
        return Optional.of(s);
    }

    private static Optional<Instant> time(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value instanceof BigDecimal) throw new Refusal(400, "\"" + field + "\" must be a time with its offset, such as \"2026-11-25T09:00+03:00\"");
        return string(json, field).map(s -> {
            try {
                return OffsetDateTime.parse(s.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new Refusal(400, "\"" + field + "\" must be a time with its offset, such as \"2026-11-25T09:00+03:00\", not '"
                        + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'");
            }
        });
    }
}
