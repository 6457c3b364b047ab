package org.herald.ops;

import io.javalin.Javalin;
import org.herald.config.OpsSettings;

/**
 * A Javalin of its own serving only {@link OpsRoutes}, for a node without the console. Binds the console's
 * listener ({@code console.listen}).
 */
public final class OpsServer implements AutoCloseable {
    private final Javalin app;

    private OpsServer(Javalin app) {
        this.app = app;
    }

    /** Starts listening; a port already taken is one {@link IllegalStateException} line. */
    public static OpsServer start(OpsSettings listen, OpsRoutes routes) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            routes.register(config);
        });
        try {
            app.start(listen.host(), listen.port());
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("cannot listen on " + listen.host() + ":" + listen.port() + " (console.listen): "
                    + rootMessage(e), e);
        }
        return new OpsServer(app);
    }

    /** The port bound (the chosen one when console.listen asked for port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
