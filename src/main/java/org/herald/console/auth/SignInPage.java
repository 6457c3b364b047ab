package org.herald.console.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.herald.access.Session;
import org.herald.access.Sessions;
import org.herald.access.SignInThrottle;
import org.herald.access.User;
import org.herald.console.Services;
import org.herald.console.forms.SignInForm;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** GET /login shows the form (or, with no user yet, the command that creates the first admin); POST /login and /logout. */
public final class SignInPage {
    /** The sign-in form's own CSRF token lives in this cookie until there is a session to hold one. */
    static final String FORM_COOKIE = "herald_signin";
    private static final String WRONG = "Wrong user name or password.";

    /** What the sign-in template shows. */
    public record View(String csrf, boolean firstStart, Optional<String> message, String username) {
    }

    private final Services services;

    public SignInPage(Services services) {
        this.services = services;
    }

    public void show(Context ctx) {
        render(ctx, 200, Optional.empty(), "");
    }

    public void signIn(Context ctx) {
        String expected = ctx.cookie(FORM_COOKIE);
        if (expected == null || !Csrf.matches(expected, ctx.formParam("csrf"))) {
            render(ctx, 403, Optional.of("This sign-in form has expired; please try again."), "");
            return;
        }
        Map<String, String> fields = Map.of("username", Optional.ofNullable(ctx.formParam("username")).orElse(""),
                "password", Optional.ofNullable(ctx.formParam("password")).orElse(""));
        Optional<SignInForm> form = SignInForm.parse(fields);
        String client = Clients.address(ctx, services.settings().console());
        String typed = fields.get("username").strip();
        Optional<Duration> wait = services.throttle().retryAfter(typed, client);
        if (wait.isPresent()) {
            // whole seconds, rounded up, never past the window (stored times may be rounded to the microsecond)
            long seconds = Math.min(SignInThrottle.WINDOW.toSeconds(), Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0)));
            ctx.header("Retry-After", Long.toString(seconds));
            render(ctx, 429, Optional.of("Too many failed sign-ins. Try again in " + Math.max(1, (seconds + 59) / 60) + " min."), typed);
            return;
        }
        Optional<User> user = form.flatMap(f -> {
            try {
                return services.users().authenticate(f.username(), f.password());
            } finally {
                Arrays.fill(f.password(), '\0');
            }
        });
        if (user.isEmpty()) {
            services.throttle().recordFailure(typed, client);
            // the name is logged only when it is a real user's: a password typed into the name field must not be kept
            String who = services.users().find(typed).map(User::name).orElse("(unknown name)");
            services.activity().record(who, "sign-in-failed", Optional.empty(), Optional.empty(), "from " + client);
            render(ctx, 401, Optional.of(WRONG), typed);
            return;
        }
        // a new session id at every sign-in, and the old one (if any) ended: no session fixation
        Optional.ofNullable(ctx.cookie(Guard.SESSION_COOKIE)).ifPresent(old -> services.sessions().endCookie(old));
        Sessions.Created created = services.sessions().create(user.get(), client);
        setCookie(ctx, Guard.SESSION_COOKIE, created.id(), -1);
        setCookie(ctx, FORM_COOKIE, "", 0);
        services.activity().record(user.get().name(), "sign-in", Optional.empty(), Optional.empty(), "from " + client);
        ctx.redirect("/queue", HttpStatus.SEE_OTHER);
    }

    public void signOut(Context ctx) {
        Session session = Guard.session(ctx);
        services.sessions().end(session.idHash());
        services.activity().record(session.user().name(), "sign-out", Optional.empty(), Optional.empty(), "");
        setCookie(ctx, Guard.SESSION_COOKIE, "", 0);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Optional<String> message, String username) {
        String csrf = Optional.ofNullable(ctx.cookie(FORM_COOKIE)).filter(c -> c.length() >= 40 && c.length() <= 64).orElse(null);
        if (csrf == null) {
            csrf = services.sessions().token();
            setCookie(ctx, FORM_COOKIE, csrf, -1);
        }
        boolean firstStart = services.users().isEmpty();
        ctx.status(status).html(services.views().render("login.jte", new View(csrf, firstStart, message, username)));
    }

    /** HttpOnly and SameSite=Lax always; Secure when the browser reaches the console over https. */
    private void setCookie(Context ctx, String name, String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge >= 0) cookie.append("; Max-Age=").append(maxAge);
        if (Clients.https(ctx, services.settings().console())) cookie.append("; Secure");
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }
}
