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

/** {@code cancel ID}, {@code retry ID}, {@code edit ID} and {@code reschedule ID}: change one outbox row by hand. */
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

    @Command(name = "edit", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Give an outbox row not yet sent new text (X posts are counted as X counts them; the link stays).")
    static final class Edit implements Callable<Integer> {
        @ParentCommand
        HeraldCommand herald;

        @Parameters(index = "0", paramLabel = "ID", description = "The row's id, as `herald queue` shows it.")
        long id;

        @picocli.CommandLine.Option(names = "--text", required = true, paramLabel = "TEXT", description = "The new text of the post.")
        String text;

        @Override
        public Integer call() {
            return change(herald, actions -> actions.edit(id, text));
        }
    }

    @Command(name = "reschedule", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Put an outbox row not yet sent in line for another time.")
    static final class Reschedule implements Callable<Integer> {
        @ParentCommand
        HeraldCommand herald;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The row's id, as `herald queue` shows it.")
        long id;

        @picocli.CommandLine.Option(names = "--at", required = true, paramLabel = "TIME", description = "When, with its offset: 2026-11-25T09:00+03:00.")
        String at;

        @Override
        public Integer call() {
            java.time.OffsetDateTime when;
            try {
                when = java.time.OffsetDateTime.parse(at.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--at must be a time with its offset, like 2026-11-25T09:00+03:00, not '" + at + "'");
            }
            return change(herald, actions -> actions.reschedule(id, when.toInstant(), when.getOffset()));
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
