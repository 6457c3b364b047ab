package org.herald.cli;

import org.herald.config.HeraldSettings;
import org.herald.console.ConsoleServer;
import org.herald.console.DaemonEngine;
import org.herald.outbox.StorageException;
import org.herald.schedule.Daemon;
import org.herald.schedule.FeedPoll;
import org.herald.schedule.SendCycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import org.herald.ops.HeraldMetrics;
import org.herald.ops.OpsRoutes;
import org.herald.ops.OpsServer;
import org.herald.ops.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The main job: polls the configured feeds and posts to the channels until stopped (or once, with --once). */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Poll the configured feeds and post new stories to their channels, until SIGTERM or Ctrl-C.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @Option(names = "--once", description = "Poll every feed once, send everything due, then exit.")
    boolean once;

    private static boolean catchSignal(String name, CountDownLatch stopped) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopped.countDown());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ops endpoints' routes, served on console.listen: by the console's own server, or by one of their own. */
    private static OpsRoutes opsRoutes(HeraldSettings settings, Daemon daemon, HeraldMetrics metrics) {
        Clock clock = Clock.systemUTC();
        metrics.declare(settings.channels().stream().map(c -> c.name()).toList(),
                settings.schedule().feeds().stream().map(f -> f.name()).toList());
        metrics.watch(() -> daemon.outbox().countByState(), () -> daemon.nodesAlive(clock.instant()));
        Duration dispatch = settings.schedule().dispatchInterval();
        Duration window = max(Duration.ofSeconds(30), max(dispatch.multipliedBy(10), settings.schedule().clusterCheckinInterval().multipliedBy(3)));
        Readiness readiness = new Readiness(() -> daemon.databaseAnswers(Duration.ofSeconds(2)), daemon::schedulerCheckedIn,
                metrics::lastDispatch, !settings.channels().isEmpty(), window, clock);
        return new OpsRoutes(metrics, readiness);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public Integer call() throws Exception {
        HeraldSettings settings = herald.settings();
        var out = herald.console().out;
        var err = herald.console().err;
        Daemon daemon;
        HeraldMetrics metrics = new HeraldMetrics(herald.clock());
        try {
            daemon = Daemon.open(settings, herald.clock(), out, once ? org.herald.schedule.Activity.NONE : metrics);
        } catch (StorageException e) {
            err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (settings.schedule().feeds().isEmpty() && settings.channels().isEmpty()) {
            err.println("herald: " + settings.file() + " has no feeds and no channels: nothing to poll and nothing to send "
                    + "(add them under feeds { } and channels { }; see the README)");
        } else if (settings.channels().isEmpty()) {
            err.println("herald: " + settings.file() + " has feeds but no channels: stories are recorded as seen and never posted");
        }
        if (once) {
            try (daemon) {
                Daemon.OnceReport report = daemon.runOnce();
                out.flush();
                for (FeedPoll.Result feed : report.feeds()) {
                    if (feed.error().isPresent()) err.println("herald: feed " + feed.feed() + ": " + feed.error().get());
                    else out.println("feed " + feed.feed() + ": " + feed.newStories() + " new " + (feed.newStories() == 1 ? "story" : "stories")
                            + ", " + feed.rows() + " posts queued" + (feed.changed() ? "" : " (not modified)"));
                }
                for (SendCycle.Dispatch channel : report.channels()) {
                    if (channel.leftDueUnsent()) {
                        out.flush();
                        err.println("herald: " + OnceSummary.describe(channel));
                    } else {
                        out.println(OnceSummary.describe(channel));
                    }
                }
                out.flush();
                return report.anyFeedFailed() || report.anyDueUnsent() ? ExitCodes.FAILED : ExitCodes.OK;
            }
        }
        // the listener starts first: a taken address stops Herald before anything is polled or sent
        OpsRoutes routes = opsRoutes(settings, daemon, metrics);
        Optional<ConsoleServer> console = Optional.empty();
        OpsServer ops = null;
        int port;
        if (settings.console().enabled()) {
            console = ConsoleLaunch.start(settings, daemon.database().dataSource(), herald.clock(), new DaemonEngine(daemon), err,
                    Optional.of(routes));
            if (console.isEmpty()) {
                daemon.close();
                return ExitCodes.CONFIG;
            }
            port = console.get().port();
        } else {
            try {
                ops = OpsServer.start(settings.ops(), routes);
            } catch (IllegalStateException e) {
                err.println("herald: " + e.getMessage());
                daemon.close();
                return ExitCodes.CONFIG;
            }
            port = ops.port();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C are caught before the JVM begins to shut down: shutdown hooks run in no set
        // order, and H2's own hook would close the database under calls still in flight.
        CountDownLatch finished = new CountDownLatch(1);
        boolean caught = catchSignal("TERM", stopped) & catchSignal("INT", stopped);
        if (!caught) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                awaitQuietly(finished);
            }, "herald-shutdown"));
        }
        try {
            daemon.start();
            err.println("herald: running " + settings.schedule().feeds().size() + " feeds to " + settings.channels().size()
                    + " channels" + (daemon.clustered() ? " as cluster node " + daemon.node().instanceId() : "")
                    + "; /healthz, /readyz and /metrics on http://" + settings.ops().host() + ":" + port
                    + "; stop with Ctrl-C or SIGTERM");
            stopped.await();
            err.println("herald: stopping after the calls in flight");
        } catch (IllegalStateException e) {
            err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            console.ifPresent(ConsoleServer::close);
            daemon.close();
            if (ops != null) ops.close();
            finished.countDown();
        }
        err.println("herald: stopped");
        return ExitCodes.OK;
    }
}
