package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.Role;
import org.herald.access.Session;
import org.herald.actions.ReviewActions;
import org.herald.actions.RowAction;
import org.herald.console.auth.Guard;
import org.herald.console.forms.RescheduleForm;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /review: the stories feeds with {@code review} hold, oldest first, with the page's headline, link and
 * summary and each channel's exact post; POST /review/{id}/approve (fields {@code text}, {@code at},
 * {@code anyway}, {@code all}) and /review/{id}/reject (fields {@code reason}, {@code all}). Editors and
 * admins only; the rules and the activity log entries are {@link ReviewActions}', shared with the terminal.
 */
public final class ReviewPage {
    /** The most rows one page shows; the rest wait their turn, oldest first. */
    static final int LIMIT = 500;

    /** What the review template shows. */
    public record View(Frame frame, List<HeldStory> stories, boolean more) {
    }

    /** One held story as shown. */
    public record HeldStory(long id, String headline, String link, Optional<String> safeLink, String summary, String feed, String seen,
                            long firstRow, boolean anyWaiting, boolean anyExpired, List<HeldRow> rows) {
    }

    /** One channel's held post as shown. */
    public record HeldRow(long id, String channel, String network, String state, String text, String due, String reason,
                          boolean expired) {
    }

    private final Services services;
    private final ReviewActions review;

    public ReviewPage(Services services) {
        this.services = services;
        this.review = services.review();
    }

    public void show(Context ctx) {
        Session session = Guard.require(ctx, Role.EDITOR);
        ZoneId zone = Pages.zone(services, session);
        List<ReviewActions.Held> held = review.pending(LIMIT + 1);
        int rows = held.stream().mapToInt(h -> h.rows().size()).sum();
        List<HeldStory> stories = held.stream().map(h -> story(h, zone)).toList();
        ctx.html(services.views().render("review.jte", new View(Pages.frame(ctx, services, "Review", "review"), stories, rows > LIMIT)));
    }

    private static HeldStory story(ReviewActions.Held h, ZoneId zone) {
        List<HeldRow> rows = h.rows().stream().map(r -> row(r, zone)).toList();
        String link = h.story().link().toString();
        return new HeldStory(h.story().id(), h.story().headline(), link, Shown.safeLink(Optional.of(link)), h.story().summary(),
                h.story().feed().orElse(""), Shown.time(h.story().seenAt(), zone), h.rows().get(0).id(),
                rows.stream().anyMatch(r -> !r.expired()), rows.stream().anyMatch(HeldRow::expired), rows);
    }

    private static HeldRow row(OutboxEntry e, ZoneId zone) {
        return new HeldRow(e.id(), e.channel(), e.network(), e.state().name(), e.text(), Shown.time(e.due(), zone),
                e.lastError().orElse(""), e.state() == OutboxState.EXPIRED);
    }

    public void approve(Context ctx) {
        Session session = Guard.require(ctx, Role.EDITOR);
        long id = Pages.id(ctx);
        ZoneId zone = Pages.zone(services, session);
        RowAction result = approve(session.user().name(), id, fields(ctx, "text", "at", "anyway", "all"), zone);
        Pages.redirectWithNotice(ctx, services, Pages.back(ctx, "/review"), result.message(), result instanceof RowAction.Refused);
    }

    public void reject(Context ctx) {
        Session session = Guard.require(ctx, Role.EDITOR);
        long id = Pages.id(ctx);
        RowAction result = reject(session.user().name(), id, fields(ctx, "reason", "all"));
        Pages.redirectWithNotice(ctx, services, Pages.back(ctx, "/review"), result.message(), result instanceof RowAction.Refused);
    }

    RowAction approve(String actor, long id, Map<String, String> fields, ZoneId zone) {
        Optional<Instant> at = Optional.empty();
        if (!fields.getOrDefault("at", "").isBlank()) {
            RescheduleForm.Parsed parsed = RescheduleForm.parse(fields, zone);
            if (parsed instanceof RescheduleForm.Parsed.Invalid invalid) return new RowAction.Refused("row " + id + ": " + invalid.message());
            at = Optional.of(((RescheduleForm.Parsed.Ok) parsed).form().at());
        }
        boolean anyway = fields.containsKey("anyway");
        if (fields.containsKey("all")) return ReviewActions.combined(id, review.approveStory(actor, id, at, anyway, zone));
        return review.approve(actor, id, Optional.ofNullable(fields.get("text")), at, anyway, zone);
    }

    RowAction reject(String actor, long id, Map<String, String> fields) {
        Optional<String> reason = Optional.ofNullable(fields.get("reason"));
        if (fields.containsKey("all")) return ReviewActions.combined(id, review.rejectStory(actor, id, reason));
        return review.reject(actor, id, reason);
    }

    private static Map<String, String> fields(Context ctx, String... names) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String name : names) {
            String v = ctx.formParam(name);
            if (v != null) fields.put(name, v.length() > 100_000 ? v.substring(0, 100_000) : v);
        }
        return fields;
    }
}
