package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.ActivityLog;
import org.herald.access.Role;
import org.herald.access.Session;
import org.herald.access.User;
import org.herald.actions.RowAction;
import org.herald.actions.RowActions;
import org.herald.console.auth.Guard;
import org.herald.console.forms.EditForm;
import org.herald.console.forms.RescheduleForm;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * POST /outbox/{id}/cancel, /retry, /reschedule (field {@code at}) and /edit (field {@code text}), for editors.
 * Each does what the command of the same name does, through {@link RowActions}, and is logged once when it
 * changed something. A plain form post is answered with a redirect to the page it came from; an htmx request
 * with the changed row.
 */
public final class QueueActions {
    /** The four row actions. */
    public enum Kind { CANCEL, RETRY, RESCHEDULE, EDIT }

    private final Services services;
    private final RowActions rows;
    private final ActivityLog activity;
    private final Outbox outbox;

    public QueueActions(Services services) {
        this(services, services.rows(), services.activity(), services.outbox());
    }

    QueueActions(Services services, RowActions rows, ActivityLog activity, Outbox outbox) {
        this.services = services;
        this.rows = rows;
        this.activity = activity;
        this.outbox = outbox;
    }

    public void handle(Context ctx, Kind kind) {
        Session session = Guard.require(ctx, Role.EDITOR);
        long id = Pages.id(ctx);
        Map<String, String> fields = new HashMap<>();
        for (String key : new String[]{"text", "at"}) {
            String v = ctx.formParam(key);
            if (v != null) fields.put(key, v);
        }
        RowAction result = apply(session.user(), id, kind, fields, Pages.zone(services, session));
        boolean refused = result instanceof RowAction.Refused;
        if (Pages.fromHtmx(ctx)) {
            Optional<OutboxEntry> row = outbox.find(id);
            if (row.isEmpty()) throw new Halt(404, result.message());
            String feed = outbox.feedsOf(java.util.List.of(row.get())).getOrDefault(row.get().storyId(), "");
            ctx.html(services.views().render("row.jte", QueuePage.row(services, session, row.get(), feed, Pages.back(ctx, "/queue"),
                    Optional.of(result.message()), refused)));
            return;
        }
        Pages.redirectWithNotice(ctx, services, Pages.back(ctx, "/queue"), result.message(), refused);
    }

    /** The action itself: the row actions once, and one activity line when the row changed; a refusal records nothing. */
    RowAction apply(User actor, long id, Kind kind, Map<String, String> fields, ZoneId zone) {
        RowAction result;
        String detail;
        switch (kind) {
            case CANCEL -> {
                result = rows.cancel(id);
                detail = "";
            }
            case RETRY -> {
                result = rows.retry(id);
                detail = "";
            }
            case RESCHEDULE -> {
                RescheduleForm.Parsed parsed = RescheduleForm.parse(fields, zone);
                if (parsed instanceof RescheduleForm.Parsed.Invalid invalid) return new RowAction.Refused("row " + id + ": " + invalid.message());
                RescheduleForm form = ((RescheduleForm.Parsed.Ok) parsed).form();
                result = rows.reschedule(id, form.at(), zone);
                detail = "at " + form.at();
            }
            case EDIT -> {
                EditForm.Parsed parsed = EditForm.parse(fields);
                if (parsed instanceof EditForm.Parsed.Invalid invalid) return new RowAction.Refused("row " + id + ": " + invalid.message());
                result = rows.edit(id, ((EditForm.Parsed.Ok) parsed).form().text());
                detail = "";
            }
            default -> throw new IllegalStateException("unknown action " + kind);
        }
        if (result instanceof RowAction.Done done) {
            String text = switch (kind) {
                case EDIT -> "old: " + done.before().text() + "\nnew: " + outbox.find(id).map(OutboxEntry::text).orElse("?");
                case RESCHEDULE -> "was due " + done.before().due() + ", now " + detail.substring(3);
                default -> "was " + done.before().state();
            };
            activity.record(actor.name(), kind.name().toLowerCase(java.util.Locale.ROOT), Optional.of(id), Optional.of(done.before().channel()), text);
        }
        return result;
    }
}
