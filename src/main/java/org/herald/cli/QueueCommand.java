package org.herald.cli;

import org.herald.condense.Confidence;
import org.herald.outbox.Database;
import org.herald.outbox.FeedState;
import org.herald.outbox.FeedStates;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.outbox.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Shows the outbox: what is scheduled, sent and failed, with times and reasons. */
@Command(name = "queue", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Show the outbox: scheduled, sent and failed posts with times and reasons, and feed health.")
final class QueueCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--state", paramLabel = "S", description = "Only rows in this state: SCHEDULED, SENDING, SENT, FAILED, CANCELLED, EXPIRED, PENDING_REVIEW.")
    String state;

    @Option(names = "--json", description = "One JSON object per outbox row.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most this many rows (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        Optional<OutboxState> filter = Optional.empty();
        if (state != null) {
            try {
                filter = Optional.of(OutboxState.valueOf(state.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--state must be one of SCHEDULED, SENDING, SENT, FAILED, "
                        + "CANCELLED, EXPIRED, PENDING_REVIEW, not '" + state + "'");
            }
        }
        var out = herald.console().out;
        try (Database database = Database.open(herald.settings().storage())) {
            List<OutboxEntry> rows = new Outbox(database.dataSource()).list(filter, limit);
            if (json) {
                for (OutboxEntry e : rows) out.println(json(e));
            } else {
                if (rows.isEmpty()) out.println("the outbox is empty" + filter.map(s -> " in state " + s).orElse(""));
                for (OutboxEntry e : rows) out.println(human(e));
                for (FeedState feed : new FeedStates(database.dataSource()).all()) {
                    if (!feed.healthy()) out.println("feed " + feed.feed() + " is unhealthy since " + feed.lastErrorAt().map(Object::toString).orElse("?")
                            + ": " + feed.lastError().orElse("?"));
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (StorageException e) {
            herald.console().err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    static String json(OutboxEntry e) {
        return new JsonWriter().beginObject()
                .field("id", e.id())
                .field("channel", e.channel())
                .field("network", e.network())
                .field("state", e.state().name())
                .field("due", e.due().toString())
                .field("nextAttempt", e.nextAttempt().toString())
                .field("attempts", e.attempts())
                .field("lastError", e.lastError().orElse(null))
                .field("remoteId", e.remoteId().orElse(null))
                .field("url", e.remoteUrl().map(URI::toString).orElse(null))
                .field("sent", e.sentAt().map(Object::toString).orElse(null))
                .field("text", e.text())
                .field("link", e.link().map(URI::toString).orElse(null))
                .field("dryRun", e.dryRun())
                .field("confidence", e.confidence().map(Confidence::id).orElse(null))
                .field("confidenceReason", e.confidenceReason().orElse(null))
                .field("claimedBy", e.claimedBy().orElse(null))
                .endObject().toString();
    }

    private static String human(OutboxEntry e) {
        String when = switch (e.state()) {
            case SENT -> "sent " + e.sentAt().map(Object::toString).orElse("?") + e.remoteUrl().map(u -> " " + u).orElse("");
            case SCHEDULED -> "due " + e.nextAttempt();
            default -> "due " + e.due();
        };
        String headline = e.text().split("\n", 2)[0];
        if (headline.codePointCount(0, headline.length()) > 70) headline = headline.substring(0, headline.offsetByCodePoints(0, 69)) + "…";
        return String.format("%5d  %-10s %-9s %s, %d attempt%s%s%n       %s", e.id(), e.channel() + (e.dryRun() ? " (dry-run)" : ""), e.state(), when, e.attempts(),
                e.attempts() == 1 ? "" : "s", e.lastError().map(r -> "; " + r).orElse(""), headline).stripTrailing();
    }
}
