package org.herald.cli;

import org.herald.config.HeraldSettings;
import org.herald.console.ConsoleServer;
import org.herald.console.Engine;
import org.herald.outbox.Database;
import org.herald.outbox.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Serves the newsroom console alone, polling and sending nothing: for a machine that only shows it. */
@Command(name = "console", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Serve the newsroom console (console.listen) without polling or sending, until SIGTERM or Ctrl-C.")
final class ConsoleCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @Override
    public Integer call() throws Exception {
        HeraldSettings settings = herald.settings();
        var err = herald.console().err;
        Database database;
        try {
            database = Database.open(settings.storage());
        } catch (StorageException e) {
            err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        try (database) {
            Optional<ConsoleServer> server = ConsoleLaunch.start(settings, database.dataSource(), herald.clock(), Engine.NONE, err);
            if (server.isEmpty()) return ExitCodes.CONFIG;
            CountDownLatch stopped = new CountDownLatch(1);
            for (String signal : new String[]{"TERM", "INT"}) {
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stopped.countDown());
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "herald-console-shutdown"));
                }
            }
            try (ConsoleServer console = server.get()) {
                err.println("herald: serving the console only (nothing is polled or sent); stop with Ctrl-C or SIGTERM");
                stopped.await();
            }
            err.println("herald: stopped");
            return ExitCodes.OK;
        }
    }
}
