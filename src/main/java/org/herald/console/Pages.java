package org.herald.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.herald.access.Role;
import org.herald.access.Session;
import org.herald.console.auth.Guard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What every page and action shares: the layout's frame, the reader's zone, and answering a form post. */
final class Pages {
    private Pages() {
    }

    static ZoneId zone(Services services, Session session) {
        return session.user().timeZone().orElse(services.settings().console().timeZone());
    }

    /** The layout's values; a pending notice (left by the last action) is shown once. */
    static Frame frame(Context ctx, Services services, String title, String page) {
        Session session = Guard.session(ctx);
        Optional<String> notice = services.sessions().takeFlash(session);
        boolean error = notice.map(n -> n.startsWith("!")).orElse(false);
        return new Frame(title, page, session.user().name(), session.user().role().id(), session.csrf(), zone(services, session).getId(),
                notice.map(n -> n.startsWith("!") ? n.substring(1) : n), error,
                session.user().role().allows(Role.EDITOR), session.user().role().allows(Role.ADMIN));
    }

    /** After a plain form post: the outcome waits in the session for the page the browser is sent back to. */
    static void redirectWithNotice(Context ctx, Services services, String back, String notice, boolean error) {
        services.sessions().flash(Guard.session(ctx), (error ? "!" : "") + notice);
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    /** Where a form's {@code back} field points, if it is one of our own pages; never another site. */
    static String back(Context ctx, String fallback) {
        String back = ctx.formParam("back");
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.length() > 2000) return fallback;
        return back;
    }

    static boolean fromHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    static String query(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) continue;
            out.append(out.length() == 0 ? "?" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) map.put(keyValues[i], keyValues[i + 1]);
        return map;
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new Halt(404, "There is no such outbox row.");
        }
    }
}
