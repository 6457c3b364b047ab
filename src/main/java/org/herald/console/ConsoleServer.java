package org.herald.console;

import io.javalin.Javalin;
import org.herald.ops.OpsRoutes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.herald.config.ConsoleSettings;
import org.herald.console.auth.Guard;
import org.herald.console.api.ApiRoutes;
import org.herald.console.auth.SignInPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/** The console's route table and the filters every request passes (security headers, session, CSRF); nothing else. */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    /** No inline script or style anywhere: everything the pages run or wear comes from /static and /webjars. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store");

    /** Whether the console is up, or why it could not start (the address is taken, say). */
    public sealed interface Started {
        record Running(ConsoleServer server) implements Started {
        }

        record Failed(String reason) implements Started {
        }
    }

    private final Javalin app;

    private ConsoleServer(Javalin app) {
        this.app = app;
    }

    public static Started start(Services services) {
        return start(services, Optional.empty());
    }

    /** With {@code ops}, the operations endpoints (readiness, metrics) are served on the console's listener too. */
    public static Started start(Services services, Optional<OpsRoutes> ops) {
        ConsoleSettings settings = services.settings().console();
        Guard guard = new Guard(services);
        SignInPage signIn = new SignInPage(services);
        QueuePage queue = new QueuePage(services);
        QueueActions actions = new QueueActions(services);
        ChannelsPage channels = new ChannelsPage(services);
        FeedsPage feeds = new FeedsPage(services);
        ActivityPage activity = new ActivityPage(services);
        SettingsPage mine = new SettingsPage(services);
        ReviewPage review = new ReviewPage(services);
        ComposePage compose = new ComposePage(services);
        CalendarPage calendar = new CalendarPage(services);
        RowPage outboxRow = new RowPage(services);
        ApiRoutes api = services.api();
        Views views = services.views();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.threadPool = threads();
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            config.http.maxRequestSize = 256 * 1024;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/console/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=3600");
            });
            config.staticFiles.enableWebjars();

            config.routes.before(ctx -> {
                HEADERS.forEach((name, value) -> {
                    if (!(name.equals("Cache-Control") && (ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/")))) {
                        ctx.header(name, value);
                    }
                });
                // the API has bearer tokens instead of sessions and CSRF, and answers only JSON
                if (ctx.path().equals(ApiRoutes.PREFIX) || ctx.path().startsWith(ApiRoutes.PREFIX + "/")) api.authenticate(ctx);
                else guard.check(ctx);
            });
            config.routes.post(ApiRoutes.PREFIX + "/stories", api::createStory);
            config.routes.get(ApiRoutes.PREFIX + "/outbox", api::list);
            config.routes.get(ApiRoutes.PREFIX + "/outbox/{id}", api::one);
            for (String action : new String[]{"cancel", "retry", "approve", "reject"}) {
                config.routes.post(ApiRoutes.PREFIX + "/outbox/{id}/" + action, ctx -> api.act(ctx, action));
            }
            config.routes.get("/healthz", ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok\n"));
            ops.ifPresent(routes -> routes.registerProbes(config));
            config.routes.get("/", ctx -> ctx.redirect("/queue", HttpStatus.SEE_OTHER));
            config.routes.get("/login", signIn::show);
            config.routes.post("/login", signIn::signIn);
            config.routes.post("/logout", signIn::signOut);
            config.routes.get("/queue", queue::show);
            config.routes.get("/calendar", calendar::show);
            config.routes.get("/outbox/{id}", outboxRow::show);
            config.routes.post("/outbox/{id}/cancel", ctx -> actions.handle(ctx, QueueActions.Kind.CANCEL));
            config.routes.post("/outbox/{id}/retry", ctx -> actions.handle(ctx, QueueActions.Kind.RETRY));
            config.routes.post("/outbox/{id}/reschedule", ctx -> actions.handle(ctx, QueueActions.Kind.RESCHEDULE));
            config.routes.post("/outbox/{id}/edit", ctx -> actions.handle(ctx, QueueActions.Kind.EDIT));
            config.routes.get("/channels", channels::show);
            config.routes.post("/channels/{name}/pause", channels::pause);
            config.routes.post("/channels/{name}/resume", channels::resume);
            config.routes.post("/channels/{name}/check", channels::check);
            config.routes.get("/feeds", feeds::show);
            config.routes.post("/feeds/{name}/pause", feeds::pause);
            config.routes.post("/feeds/{name}/resume", feeds::resume);
            config.routes.post("/feeds/{name}/poll", feeds::pollNow);
            config.routes.get("/activity", activity::show);
            config.routes.get("/settings", mine::show);
            config.routes.post("/settings", mine::save);
            config.routes.get("/review", review::show);
            config.routes.post("/review/{id}/approve", review::approve);
            config.routes.post("/review/{id}/reject", review::reject);
            config.routes.get("/compose", compose::show);
            config.routes.post("/compose", compose::submit);
            config.routes.post("/compose/count", compose::count);
            config.routes.post("/compose/recompose", compose::recompose);
            config.routes.get("/compose/done", compose::done);

            config.routes.exception(ApiRoutes.Refusal.class, (e, ctx) -> ApiRoutes.answer(ctx, e.status(), Map.of("error", e.getMessage())));
            config.routes.exception(Halt.class, (e, ctx) -> {
                if (isApi(ctx)) ApiRoutes.answer(ctx, e.status(), Map.of("error", e.getMessage()));
                else message(ctx, views, e.status(), e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("console request {} {} failed", ctx.req().getMethod(), ctx.path(), e);
                String line = "Something went wrong on the server; nothing more is shown here. The server log has the details.";
                if (isApi(ctx)) ApiRoutes.answer(ctx, 500, Map.of("error", line));
                else message(ctx, views, 500, line);
            });
            config.routes.error(404, ctx -> {
                if (isApi(ctx)) {
                    if (!String.valueOf(ctx.res().getContentType()).startsWith("application/json")) ApiRoutes.answer(ctx, 404, Map.of("error", "there is no such API path"));
                } else if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                    message(ctx, views, 404, "There is no such page.");
                }
            });
            config.routes.error(405, ctx -> {
                if (isApi(ctx)) ApiRoutes.answer(ctx, 405, Map.of("error", "that method is not accepted here"));
                else message(ctx, views, 405, "That is not something this page accepts.");
            });
            config.routes.error(413, ctx -> {
                if (isApi(ctx)) ApiRoutes.answer(ctx, 413, Map.of("error", "the body is too large"));
            });
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (JavalinBindException e) {
            app.stop();
            return new Started.Failed("cannot listen on " + settings.listen() + ": the address is in use or not available here "
                    + "(choose another with console.listen, or console.enabled = false)");
        } catch (RuntimeException e) {
            app.stop();
            return new Started.Failed("cannot listen on " + settings.listen() + ": " + e.getMessage()
                    + " (choose another with console.listen, or console.enabled = false)");
        }
        return new Started.Running(new ConsoleServer(app));
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().equals(ApiRoutes.PREFIX) || ctx.path().startsWith(ApiRoutes.PREFIX + "/");
    }

    private static void message(Context ctx, Views views, int status, String message) {
        ctx.status(status).html(views.render("message.jte", new MessagePage(status, message)));
    }

    /** What the message template shows: a status and one line. */
    public record MessagePage(int status, String message) {
    }

    /** A small pool: a newsroom console has a handful of people, and idle threads cost memory. */
    private static QueuedThreadPool threads() {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2, 60_000);
        pool.setName("herald-console");
        pool.setDaemon(true);
        return pool;
    }
}
