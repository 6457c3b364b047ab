package org.herald.cli;

import org.herald.compose.Composer;
import org.herald.compose.Post;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.StorageException;
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

    @Option(names = "--at", required = true, paramLabel = "TIME", description = "When, with its offset: 2026-11-25T09:00+03:00.")
    String at;

    @Option(names = "--link", paramLabel = "URL", description = "Link for an input that has none of its own (plain text).")
    String link;

    @Option(names = "--channel", paramLabel = "NAME", description = "Only this channel (repeatable).")
    List<String> channels = new ArrayList<>();

    @Parameters(paramLabel = "INPUT", description = "A file or http(s) URL holding one article.")
    String input;

    @Override
    public Integer call() {
        Instant due;
        try {
            due = OffsetDateTime.parse(at.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--at must be a time with its offset, like 2026-11-25T09:00+03:00, not '" + at + "'");
        }
        Optional<URI> fallbackLink = StoryReader.linkOption(link, spec.commandLine());
        HeraldSettings settings = herald.settings();
        List<ChannelSettings> targets = ChannelSelection.select(settings, channels, spec.commandLine());
        var err = herald.console().err;
        Optional<Story> read = new StoryReader(settings).readOneWithLink(input, fallbackLink, "schedule takes", err, spec.commandLine());
        if (read.isEmpty()) return ExitCodes.FAILED;
        Story story = read.get();
        List<Post> posts = new ArrayList<>();
        for (ChannelSettings channel : targets) {
            Post post = Composer.forChannel(channel).compose(story, channel);
            if (!post.valid()) {
                err.println("herald: the post for " + channel.name() + " does not fit (" + post.weightedLength() + "/" + post.maxLength() + ")");
                return ExitCodes.FAILED;
            }
            posts.add(post);
        }
        Instant now = herald.clock().instant();
        try (Database database = Database.open(settings.storage())) {
            Outbox.Enqueued enqueued = new Outbox(database.dataSource()).enqueue(story, Outbox.Origin.BY_HAND, posts, due, now);
            if (enqueued instanceof Outbox.Enqueued.AlreadySeen) {
                err.println("herald: " + story.link().get() + " is already in the outbox (see `herald queue`); it is never posted twice");
                return ExitCodes.FAILED;
            }
            List<Long> ids = ((Outbox.Enqueued.New) enqueued).entryIds();
            for (int i = 0; i < ids.size(); i++) {
                herald.console().out.println("row " + ids.get(i) + " (" + posts.get(i).channel() + "): scheduled for " + due
                        + (due.isBefore(now) ? " (already past: posted at the next dispatch)" : ""));
            }
            herald.console().out.flush();
            return ExitCodes.OK;
        } catch (StorageException e) {
            err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
