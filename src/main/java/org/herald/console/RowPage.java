package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.Session;
import org.herald.console.auth.Guard;
import org.herald.console.forms.WeekChoice;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.Outbox;

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
        String calendar = calendarLink(e, Pages.zone(services, session));
        String queue = "/queue" + Pages.query(Pages.params("channel", e.channel()));
        ctx.html(services.views().render("outbox.jte", new View(Pages.frame(ctx, services, "Row #" + id, "queue"), row, calendar, queue)));
    }

    /** The calendar week that shows the row, opened at its channel's cell for that day in the reader's zone. */
    static String calendarLink(OutboxEntry e, java.time.ZoneId zone) {
        java.time.LocalDate day = Outbox.placedAt(e).atZone(zone).toLocalDate();
        return CalendarPage.link(WeekChoice.of(day)) + "#cell-" + e.channel() + "-" + day;
    }
}
