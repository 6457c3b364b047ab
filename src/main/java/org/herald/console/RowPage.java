package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.Session;
import org.herald.console.auth.Guard;
import org.herald.console.forms.WeekChoice;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.Outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * GET /outbox/{id}: one outbox row as the queue shows it, with the same actions (which come back here), its
 * history, and the calendar week it sits in. Every signed-in role may look; the actions check their own role.
 */
public final class RowPage {
    /** What the row template shows. */
    public record View(Frame frame, QueuePage.Row row, String calendar, String queue) {
    }

    private final Services services;

    public RowPage(Services services) {
        this.services = services;
    }

    public void show(Context ctx) {
        Session session = Guard.session(ctx);
        long id = Pages.id(ctx);
        OutboxEntry e = services.outbox().find(id).orElseThrow(() -> new Halt(404, "There is no outbox row #" + id + "."));
        String feed = services.outbox().feedsOf(List.of(e)).getOrDefault(e.storyId(), "");
        QueuePage.Row row = QueuePage.row(services, session, e, feed, "/outbox/" + id, Optional.empty(), false);
        Instant at = Outbox.placedAt(e);
        String calendar = CalendarPage.link(WeekChoice.of(at.atZone(Pages.zone(services, session)).toLocalDate())) + "#cell-"
                + e.channel() + "-" + at.atZone(Pages.zone(services, session)).toLocalDate();
        String queue = "/queue" + Pages.query(Pages.params("channel", e.channel()));
        ctx.html(services.views().render("outbox.jte", new View(Pages.frame(ctx, services, "Row #" + id, "queue"), row, calendar, queue)));
    }
}
