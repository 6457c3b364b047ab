package org.herald.cli;

import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code cancel ID} and {@code retry ID}: change one outbox row by hand. */
final class RowCommands {
    private RowCommands() {
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Cancel an outbox row that has not been sent.")
    static final class Cancel implements Callable<Integer> {
        @ParentCommand
        HeraldCommand herald;

        @Parameters(paramLabel = "ID", description = "The row's id, as `herald queue` shows it.")
        long id;

        @Override
        public Integer call() {
            return change(herald, id, "cancelled", (outbox, now) -> outbox.cancel(id, now),
                    "can be cancelled only while SCHEDULED, FAILED or EXPIRED");
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Put a FAILED, EXPIRED or CANCELLED outbox row back in line, due now.")
    static final class Retry implements Callable<Integer> {
        @ParentCommand
        HeraldCommand herald;

        @Parameters(paramLabel = "ID", description = "The row's id, as `herald queue` shows it.")
        long id;

        @Override
        public Integer call() {
            return change(herald, id, "scheduled again, due now", (outbox, now) -> outbox.retry(id, now),
                    "can be retried only when FAILED, EXPIRED or CANCELLED");
        }
    }

    private interface Change {
        boolean apply(Outbox outbox, java.time.Instant now);
    }

    private static int change(HeraldCommand herald, long id, String done, Change change, String rule) {
        try (Database database = Database.open(herald.settings().storage())) {
            Outbox outbox = new Outbox(database.dataSource());
            var row = outbox.find(id);
            if (row.isEmpty()) {
                herald.console().err.println("herald: there is no outbox row " + id);
                return ExitCodes.FAILED;
            }
            if (!change.apply(outbox, herald.clock().instant())) {
                herald.console().err.println("herald: row " + id + " is " + row.get().state() + "; it " + rule);
                return ExitCodes.FAILED;
            }
            herald.console().out.println("row " + id + " (" + row.get().channel() + "): " + done);
            herald.console().out.flush();
            return ExitCodes.OK;
        } catch (StorageException e) {
            herald.console().err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
