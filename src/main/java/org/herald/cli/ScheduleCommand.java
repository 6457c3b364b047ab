package org.herald.cli;

import org.herald.compose.Composer;
import org.herald.compose.Post;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.StorageException;
import org.herald.schedule.DueTimes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Puts one article in the outbox for a chosen time; the running daemon posts it then. */
@Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Schedule one article to be posted at a chosen time by `herald run`.")
final class ScheduleCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--at", required = true, paramLabel = "TIME", description = "When: 'now', or a time with its offset, e.g. 2026-11-25T09:00+03:00 (at most a year ahead; a past time only within the channel's max-lateness).")
    String at;

    @Option(names = "--link", paramLabel = "URL", description = "Link for an input that has none of its own (plain text).")
    String link;

    @Option(names = "--channel", paramLabel = "NAME", description = "Only this channel (repeatable).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--again", description = "Post again: queue the story even on a channel that already has it (sent, queued or failed), as a new row.")
    boolean again;

    @Parameters(paramLabel = "INPUT", description = "A file or http(s) URL holding one article.")
    String input;

    @Override
    public Integer call() {
        Instant requested;
        Instant now = herald.clock().instant();
        if (at.trim().equalsIgnoreCase("now")) {
            requested = now;
        } else {
            try {
                requested = OffsetDateTime.parse(at.trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--at must be 'now' or a time with its offset, like 2026-11-25T09:00+03:00, not '" + at + "'");
            }
        }
        Optional<URI> fallbackLink = StoryReader.linkOption(link, spec.commandLine());
        HeraldSettings settings = herald.settings();
        List<ChannelSettings> targets = ChannelSelection.select(settings, channels, spec.commandLine());
        DueTimes.Verdict verdict = DueTimes.check(requested, now, targets);
        if (verdict instanceof DueTimes.Verdict.Refused refused) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at " + at.trim() + ": " + refused.reason());
        }
        DueTimes.Verdict.Accepted accepted = (DueTimes.Verdict.Accepted) verdict;
        Instant due = accepted.due();
        var err = herald.console().err;
        var out = herald.console().out;
        Optional<Story> read = new StoryReader(settings).readOneWithLink(input, fallbackLink, "schedule takes", err, spec.commandLine());
        if (read.isEmpty()) return ExitCodes.FAILED;
        Story story = read.get();
        List<Outbox.Queued> posts = new ArrayList<>();
        for (ChannelSettings channel : targets) {
            Post post = Composer.forChannel(channel).compose(story, channel);
            if (!post.valid()) {
                err.println("herald: the post for " + channel.name() + " does not fit (" + post.weightedLength() + "/" + post.maxLength() + ")");
                return ExitCodes.FAILED;
            }
            posts.add(new Outbox.Queued(post, channel.dryRun()));
        }
        try (Database database = Database.open(settings.storage())) {
            List<Outbox.ByHand> results = new Outbox(database.dataSource()).addByHand(story, posts, due, now, Optional.empty(), false, again);
            boolean allAdded = true;
            for (Outbox.ByHand result : results) {
                if (result instanceof Outbox.ByHand.Added added) {
                    out.println("row " + added.id() + " (" + added.queued().post().channel() + (added.queued().dryRun() ? ", dry-run" : "")
                            + "): scheduled for " + due + accepted.note().map(n -> " (" + n + ")").orElse(""));
                } else {
                    allAdded = false;
                    out.flush();
                    err.println("herald: " + AlreadyThere.describe(((Outbox.ByHand.AlreadyThere) result).existing()));
                }
            }
            out.flush();
            return allAdded ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (StorageException e) {
            err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
