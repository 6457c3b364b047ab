package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.Session;
import org.herald.console.auth.Guard;
import org.herald.console.forms.TimeZoneForm;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** GET /settings and POST /settings: the reader's own time zone, in which times are shown and entered. */
public final class SettingsPage {
    private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));

    /** What the settings template shows. */
    public record View(Frame frame, String current, String consoleDefault, List<String> zones) {
    }

    private final Services services;

    public SettingsPage(Services services) {
        this.services = services;
    }

    public void show(Context ctx) {
        Session session = Guard.session(ctx);
        ctx.html(services.views().render("settings.jte", new View(Pages.frame(ctx, services, "Settings", "settings"),
                session.user().timeZone().map(ZoneId::getId).orElse(""), services.settings().console().timeZone().getId(), ZONES)));
    }

    public void save(Context ctx) {
        Session session = Guard.session(ctx);
        TimeZoneForm.Parsed parsed = TimeZoneForm.parse(Map.of("time-zone", Optional.ofNullable(ctx.formParam("time-zone")).orElse("")));
        if (parsed instanceof TimeZoneForm.Parsed.Invalid invalid) {
            Pages.redirectWithNotice(ctx, services, "/settings", invalid.message(), true);
            return;
        }
        Optional<ZoneId> zone = ((TimeZoneForm.Parsed.Ok) parsed).form().zone();
        services.users().setTimeZone(session.user().id(), zone);
        services.activity().record(session.user().name(), "settings", Optional.empty(), Optional.of("user " + session.user().name()),
                "time zone " + zone.map(ZoneId::getId).orElse("(console default)"));
        Pages.redirectWithNotice(ctx, services, "/settings", "times are now shown in " + zone.orElse(services.settings().console().timeZone()).getId(), false);
    }
}
