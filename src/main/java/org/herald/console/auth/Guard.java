package org.herald.console.auth;

import io.javalin.http.Context;
import org.herald.access.Role;
import org.herald.access.Session;
import org.herald.console.Halt;
import org.herald.console.Services;

import java.util.Optional;
import java.util.Set;

/**
 * The filter every request passes: pages other than sign-in, health and static files need a live session,
 * and every request that changes something needs the session's CSRF token (form field {@code csrf} or header
 * {@code X-CSRF-Token}).
 */
public final class Guard {
    public static final String SESSION_COOKIE = "herald_session";
    private static final String SESSION = "herald.session";
    // the operations probes answer without a session, as a load balancer or Prometheus asks them
    private static final Set<String> OPEN = Set.of("/login", "/healthz", "/readyz", "/metrics", "/favicon.ico");

    private final Services services;

    public Guard(Services services) {
        this.services = services;
    }

    public void check(Context ctx) {
        String path = ctx.path();
        if (OPEN.contains(path) || path.startsWith("/static/") || path.startsWith("/webjars/")) return;
        Optional<Session> session = Optional.ofNullable(ctx.cookie(SESSION_COOKIE))
                .flatMap(id -> services.sessions().find(id, services.settings().console().sessionIdleTimeout()));
        boolean reading = "GET".equals(ctx.req().getMethod()) || "HEAD".equals(ctx.req().getMethod());
        if (session.isEmpty()) {
            if (reading) {
                ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new Halt(403, "You are not signed in (or your session ended). Sign in again; nothing was changed.");
        }
        if (!reading) {
            String token = Optional.ofNullable(ctx.header("X-CSRF-Token")).orElseGet(() -> ctx.formParam("csrf"));
            if (!Csrf.matches(session.get().csrf(), token)) {
                throw new Halt(403, "This form has expired or did not come from the console (no valid CSRF token); nothing was changed.");
            }
        }
        ctx.attribute(SESSION, session.get());
    }

    /** The signed-in session of this request (the filter has made sure there is one). */
    public static Session session(Context ctx) {
        Session session = ctx.attribute(SESSION);
        if (session == null) throw new Halt(403, "You are not signed in.");
        return session;
    }

    /** Refuses (403, nothing changed) a request above the person's role. */
    public static Session require(Context ctx, Role needed) {
        Session session = session(ctx);
        if (!session.user().role().allows(needed)) {
            throw new Halt(403, "This needs the " + needed.id() + " role; you are " + session.user().role().id() + ". Nothing was changed.");
        }
        return session;
    }
}
