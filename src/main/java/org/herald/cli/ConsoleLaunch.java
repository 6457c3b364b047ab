package org.herald.cli;

import org.herald.config.HeraldSettings;
import org.herald.console.ConsoleServer;
import org.herald.console.Engine;
import org.herald.console.Services;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/** Starts the console for {@code run} and {@code console}, and says where it is (or why it could not start). */
final class ConsoleLaunch {
    private ConsoleLaunch() {
    }

    /** The running server; empty if it could not start, after one line on {@code err} naming the address and the setting. */
    static Optional<ConsoleServer> start(HeraldSettings settings, DataSource dataSource, Clock clock, Engine engine, PrintStream err) {
        return start(settings, dataSource, clock, engine, err, Optional.empty());
    }

    /** As above, the operations endpoints ({@code /readyz}, {@code /metrics}) served beside the pages. */
    static Optional<ConsoleServer> start(HeraldSettings settings, DataSource dataSource, Clock clock, Engine engine, PrintStream err,
                                         Optional<org.herald.ops.OpsRoutes> ops) {
        ConsoleServer.Started started = ConsoleServer.start(Services.over(settings, dataSource, clock, engine), ops);
        if (started instanceof ConsoleServer.Started.Failed failed) {
            err.println("herald: " + failed.reason());
            return Optional.empty();
        }
        ConsoleServer server = ((ConsoleServer.Started.Running) started).server();
        String host = settings.console().host();
        String shown = (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        err.println("herald: console on http://" + shown + "/" + settings.console().publicUrl().map(u -> " (public address " + u + ")").orElse(""));
        return Optional.of(server);
    }
}
