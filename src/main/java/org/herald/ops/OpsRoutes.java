package org.herald.ops;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * {@code GET /healthz} (the process answers), {@code GET /readyz} (200 only when {@link Readiness} says so,
 * else 503 with the reasons) and {@code GET /metrics} (Prometheus text). Added to the console's Javalin when
 * there is one, or to {@link OpsServer}'s own.
 */
public final class OpsRoutes {
    private final HeraldMetrics metrics;
    private final Readiness readiness;

    public OpsRoutes(HeraldMetrics metrics, Readiness readiness) {
        this.metrics = metrics;
        this.readiness = readiness;
    }

    /** Adds the three routes to an app that is not started yet. */
    public void register(Javalin app) {
        app.unsafe.routes.get("/healthz", this::health).get("/readyz", this::ready).get("/metrics", this::metrics);
    }

    /** Adds the three routes while an app is being configured. */
    public void register(JavalinConfig config) {
        config.routes.get("/healthz", this::health).get("/readyz", this::ready).get("/metrics", this::metrics);
    }

    /** Readiness and metrics only, for an app that answers {@code /healthz} itself (the console). */
    public void registerProbes(JavalinConfig config) {
        config.routes.get("/readyz", this::ready).get("/metrics", this::metrics);
    }

    private void health(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result("ok\n");
    }

    private void ready(Context ctx) {
        Readiness.Verdict verdict = readiness.check();
        ctx.status(verdict.ready() ? 200 : 503).contentType("text/plain; charset=utf-8")
                .result(verdict.ready() ? "ready\n" : "not ready: " + String.join("; ", verdict.problems()) + "\n");
    }

    private void metrics(Context ctx) {
        ctx.contentType(HeraldMetrics.contentType()).result(metrics.scrape());
    }
}
