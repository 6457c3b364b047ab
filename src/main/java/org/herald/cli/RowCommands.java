package org.herald.cli;

import org.herald.actions.RowAction;
import org.herald.actions.RowActions;
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
            return change(herald, actions -> actions.cancel(id));
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
            return change(herald, actions -> actions.retry(id));
        }
    }

    private interface Change {
        RowAction apply(RowActions actions);
    }

    /** The rules and messages live in {@link RowActions}, shared with the console. */
    private static int change(HeraldCommand herald, Change change) {
        try (Database database = Database.open(herald.settings().storage())) {
            RowAction result = change.apply(new RowActions(new Outbox(database.dataSource()), herald.clock()));
            if (result instanceof RowAction.Refused) {
                herald.console().err.println("herald: " + result.message());
                return ExitCodes.FAILED;
            }
            herald.console().out.println(result.message());
            herald.console().out.flush();
            return ExitCodes.OK;
        } catch (StorageException e) {
            herald.console().err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
