package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.Activity;
import org.herald.access.Session;
import org.herald.console.auth.Guard;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** GET /activity: who did what and when, newest first; {@code ?row=ID} shows one outbox row's history. */
public final class ActivityPage {
    static final int PAGE = 100;

    /** What the activity template shows. */
    public record View(Frame frame, List<Line> lines, Optional<Long> row, Optional<String> older) {
    }

    /** One entry as shown. */
    public record Line(String at, String actor, String action, Optional<Long> row, String target, String detail) {
    }

    private final Services services;

    public ActivityPage(Services services) {
        this.services = services;
    }

    public void show(Context ctx) {
        Session session = Guard.session(ctx);
        ZoneId zone = Pages.zone(services, session);
        Optional<Long> row = number(ctx.queryParam("row"));
        List<Activity> found = services.activity().recent(row, number(ctx.queryParam("before")), PAGE + 1);
        Optional<String> older = found.size() > PAGE
                ? Optional.of("/activity" + Pages.query(Pages.params("row", row.map(String::valueOf).orElse(""),
                "before", String.valueOf(found.get(PAGE - 1).id()))))
                : Optional.empty();
        List<Line> lines = found.stream().limit(PAGE)
                .map(a -> new Line(Shown.time(a.at(), zone), a.actor(), a.action(), a.outboxId(), a.target().orElse(""), a.detail())).toList();
        ctx.html(services.views().render("activity.jte", new View(Pages.frame(ctx, services, "Activity", "activity"), lines, row, older)));
    }

    private static Optional<Long> number(String value) {
        if (value == null) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
