package org.herald.cli;

import org.herald.access.ActivityLog;
import org.herald.actions.ReviewActions;
import org.herald.actions.RowAction;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code review}, {@code approve ID} and {@code reject ID}: what feeds with {@code review} hold, from the terminal. */
final class ReviewCommands {
    private ReviewCommands() {
    }

    @Command(name = "review", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "List the stories held for review (feed setting review), oldest first, with each channel's exact post.")
    static final class Review implements Callable<Integer> {
        @ParentCommand
        HeraldCommand herald;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "500", description = "At most this many rows (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            return withActions(herald, actions -> {
                var out = herald.console().out;
                List<ReviewActions.Held> held = actions.pending(limit);
                if (held.isEmpty()) out.println("nothing is waiting for review");
                for (ReviewActions.Held story : held) {
                    out.println("story " + story.story().id() + story.story().feed().map(f -> " (feed " + f + ")").orElse("") + ": "
                            + story.story().headline());
                    out.println("  " + story.story().link());
                    if (!story.story().summary().isBlank()) out.println("  " + story.story().summary());
                    for (OutboxEntry row : story.rows()) {
                        out.println(String.format("  %5d  %-10s %-14s %s", row.id(), row.channel(), row.state(),
                                row.lastError().orElse("held since " + row.createdAt())));
                        for (String line : row.text().split("\n")) out.println("         | " + line);
                    }
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Approve a row held for review: it is scheduled, due now (or --at), with --text if given.")
    static final class Approve implements Callable<Integer> {
        @ParentCommand
        HeraldCommand herald;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The row's id, as `herald review` shows it.")
        long id;

        @Option(names = "--text", paramLabel = "TEXT", description = "New text for the post (X posts are counted as X counts them).")
        String text;

        @Option(names = "--at", paramLabel = "TIME", description = "When, with its offset: 2026-11-25T09:00+03:00 (default: now).")
        String at;

        @Option(names = "--all-channels", description = "Approve every channel's row of the same story (texts unchanged).")
        boolean allChannels;

        @Option(names = "--anyway", description = "Post a row that expired unreviewed all the same (it is stale news).")
        boolean anyway;

        @Override
        public Integer call() {
            Optional<OffsetDateTime> when = Optional.empty();
            if (at != null) {
                try {
                    when = Optional.of(OffsetDateTime.parse(at.trim()));
                } catch (DateTimeParseException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--at must be a time with its offset, like 2026-11-25T09:00+03:00, not '" + at + "'");
                }
            }
            if (allChannels && text != null) throw new CommandLine.ParameterException(spec.commandLine(), "--text edits one row; leave out --all-channels");
            Optional<OffsetDateTime> time = when;
            ZoneOffset shown = time.map(OffsetDateTime::getOffset).orElse(ZoneOffset.UTC);
            return change(herald, actions -> allChannels
                    ? ReviewActions.combined(id, actions.approveStory(UserCommand.actor(), id, time.map(OffsetDateTime::toInstant), anyway, shown))
                    : actions.approve(UserCommand.actor(), id, Optional.ofNullable(text), time.map(OffsetDateTime::toInstant), anyway, shown));
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Reject a row held for review: it is cancelled, with your name and the reason.")
    static final class Reject implements Callable<Integer> {
        @ParentCommand
        HeraldCommand herald;

        @Parameters(paramLabel = "ID", description = "The row's id, as `herald review` shows it.")
        long id;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the queue and the activity log.")
        String reason;

        @Option(names = "--all-channels", description = "Reject every channel's row of the same story.")
        boolean allChannels;

        @Override
        public Integer call() {
            return change(herald, actions -> allChannels
                    ? ReviewActions.combined(id, actions.rejectStory(UserCommand.actor(), id, Optional.ofNullable(reason)))
                    : actions.reject(UserCommand.actor(), id, Optional.ofNullable(reason)));
        }
    }

    private interface Work {
        int run(ReviewActions actions);
    }

    private static int withActions(HeraldCommand herald, Work work) {
        try (Database database = Database.open(herald.settings().storage())) {
            return work.run(new ReviewActions(new Outbox(database.dataSource()), herald.clock(), herald.settings().channels(),
                    new ActivityLog(database.dataSource(), herald.clock())));
        } catch (StorageException e) {
            herald.console().err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private interface Change {
        RowAction apply(ReviewActions actions);
    }

    private static int change(HeraldCommand herald, Change change) {
        return withActions(herald, actions -> {
            RowAction result = change.apply(actions);
            if (result instanceof RowAction.Refused) {
                herald.console().err.println("herald: " + result.message());
                return ExitCodes.FAILED;
            }
            herald.console().out.println(result.message());
            herald.console().out.flush();
            return ExitCodes.OK;
        });
    }
}
