package org.herald.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.herald.config.Network;
import org.herald.outbox.OutboxState;
import org.herald.schedule.Activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * This node's meters, in Prometheus text on {@code /metrics}. Counters count what this node did (sum them
 * over the nodes for the cluster); the outbox and cluster gauges read the shared database, so every node
 * shows the same numbers there.
 */
public final class HeraldMetrics implements Activity {
    /** Gauges that read the database are refreshed at most this often, however often Prometheus scrapes. */
    private static final Duration GAUGE_CACHE = Duration.ofSeconds(2);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final Map<String, Instant> lastDispatch = new ConcurrentHashMap<>();
    private volatile Instant lastAnyDispatch = Instant.EPOCH;
    private volatile Snapshot rows = new Snapshot(Instant.EPOCH, new EnumMap<>(OutboxState.class));

    private record Snapshot(Instant at, Map<OutboxState, Integer> counts) {
    }

    public HeraldMetrics(Clock clock) {
        this.clock = clock;
    }

    /** Outbox rows by state and nodes alive, read through these when scraped; a failing read shows NaN. */
    public void watch(Supplier<Map<OutboxState, Integer>> rowsByState, IntSupplier nodesAlive) {
        for (OutboxState state : OutboxState.values()) {
            Gauge.builder("herald.outbox.rows", () -> rowCount(rowsByState, state))
                    .description("Outbox rows in each state (the whole database)").tag("state", state.name()).register(registry);
        }
        Gauge.builder("herald.cluster.nodes.alive", () -> {
            try {
                return nodesAlive.getAsInt();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description("Nodes checking in with the cluster (1 on the embedded database)").register(registry);
    }

    private double rowCount(Supplier<Map<OutboxState, Integer>> rowsByState, OutboxState state) {
        Snapshot current = rows;
        Instant now = clock.instant();
        if (current.at().plus(GAUGE_CACHE).isBefore(now)) {
            try {
                current = new Snapshot(now, rowsByState.get());
            } catch (RuntimeException e) {
                return Double.NaN;
            }
            rows = current;
        }
        return current.counts().getOrDefault(state, 0);
    }

    @Override
    public void sent(String channel) {
        counter("herald.posts.sent", "Posts this node sent (or found already on the platform)", channel).increment();
    }

    @Override
    public void failed(String channel) {
        counter("herald.posts.failed", "Posts this node marked FAILED", channel).increment();
    }

    @Override
    public void expired(String channel) {
        counter("herald.posts.expired", "Posts this node marked EXPIRED (too late)", channel).increment();
    }

    private Counter counter(String name, String description, String channel) {
        return Counter.builder(name).description(description).tag("channel", channel).register(registry);
    }

    @Override
    public void published(String channel, Network network, Duration took) {
        Timer.builder("herald.publish.latency").description("Time of one platform call, whatever its outcome")
                .tag("network", network.id()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(took);
    }

    @Override
    public void polled(String feed, Duration took, boolean ok) {
        Timer.builder("herald.feed.poll").description("Time of one feed poll").tag("feed", feed).register(registry).record(took);
        Counter errors = Counter.builder("herald.feed.poll.errors").description("Feed polls that failed or found the feed unhealthy")
                .tag("feed", feed).register(registry);
        if (!ok) errors.increment();
    }

    @Override
    public void dispatching(String channel, Instant at) {
        lastDispatch.put(channel, at);
        lastAnyDispatch = at;
    }

    @Override
    public void misfired(String job) {
        Counter.builder("herald.quartz.misfires").description("Quartz triggers found past their fire time").register(registry).increment();
    }

    /** When any channel's dispatcher last worked on this node (the epoch if never). */
    public Instant lastDispatch() {
        return lastAnyDispatch;
    }

    /** Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    /** Meters that must show from the first scrape, zero until something happens. */
    public void declare(Iterable<String> channels, Iterable<String> feeds) {
        for (String channel : channels) {
            counter("herald.posts.sent", "Posts this node sent (or found already on the platform)", channel);
            counter("herald.posts.failed", "Posts this node marked FAILED", channel);
            counter("herald.posts.expired", "Posts this node marked EXPIRED (too late)", channel);
        }
        for (String feed : feeds) {
            Counter.builder("herald.feed.poll.errors").description("Feed polls that failed or found the feed unhealthy")
                    .tag("feed", feed).register(registry);
        }
        Counter.builder("herald.quartz.misfires").description("Quartz triggers found past their fire time").register(registry);
    }
}
