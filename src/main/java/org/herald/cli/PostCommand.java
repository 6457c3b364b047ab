package org.herald.cli;

import org.herald.compose.Composer;
import org.herald.compose.Post;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.SecretRedaction;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.SenderLock;
import org.herald.outbox.StorageException;
import org.herald.publish.PublishOutcome;
import org.herald.publish.Publishers;
import org.herald.publish.RetryBudget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Condenses, composes and publishes one article now to every configured channel (or the named ones). */
@Command(name = "post", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Publish one article now to every configured channel (or those named with --channel).")
final class PostCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--link", paramLabel = "URL", description = "Link for an input that has none of its own (plain text).")
    String link;

    @Option(names = "--channel", paramLabel = "NAME", description = "Post only to this channel (repeatable).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print exactly what would be sent instead of sending it; nothing is recorded.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON object per channel.")
    boolean json;

    @Parameters(paramLabel = "INPUT", description = "A file or http(s) URL holding one article (text, HTML, or a one-entry feed).")
    String input;

    @Override
    public Integer call() {
        Optional<URI> fallbackLink = StoryReader.linkOption(link, spec.commandLine());
        HeraldSettings settings = herald.settings();
        List<ChannelSettings> targets = ChannelSelection.select(settings, channels, spec.commandLine());
        PrintStream out = herald.console().out;
        PrintStream err = herald.console().err;
        Optional<Story> read = new StoryReader(settings).readOneWithLink(input, fallbackLink, "post publishes", err, spec.commandLine());
        if (read.isEmpty()) return ExitCodes.FAILED;
        Story story = read.get();

        if (dryRun) return preview(story, targets, out, err);
        try (Database database = Database.open(settings.storage())) {
            SenderLock.Attempt attempt = SenderLock.tryTake(database, "herald post", herald.clock().instant());
            Outbox outbox = new Outbox(database.dataSource());
            if (attempt instanceof SenderLock.Attempt.HeldElsewhere held) return handOver(story, targets, outbox, held, out, err);
            try (SenderLock ignored = ((SenderLock.Attempt.Taken) attempt).lock()) {
                return publish(story, targets, outbox, out, err);
            }
        } catch (StorageException e) {
            out.flush();
            err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** --dry-run: prints what would be sent and records nothing, so trying a story never blocks posting it. */
    private int preview(Story story, List<ChannelSettings> targets, PrintStream out, PrintStream err) {
        boolean allFit = true;
        for (ChannelSettings channel : targets) {
            Post post = Composer.forChannel(channel).compose(story, channel);
            PublishOutcome outcome = post.valid()
                    ? Publishers.forChannel(channel, true, herald.clock(), out).publish(post)
                    : tooLong(post);
            allFit &= post.valid();
            report(out, err, channel, outcome, post.valid() ? 1 : 0, Optional.empty());
        }
        out.flush();
        return allFit ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * Publishes through the outbox, as the daemon does: each channel's row is written SENDING (claimed by this
     * process) before the call and settled after it, so the same story arriving later in a feed, or posted
     * again, is never sent twice, and a post that failed stays visible with its reason for {@code herald retry}.
     */
    private int publish(Story story, List<ChannelSettings> targets, Outbox outbox, PrintStream out, PrintStream err) {
        RetryBudget retries = new RetryBudget(herald.settings().post().retryBudget(), herald.clock(), herald.sleeper(), new SecureRandom());
        boolean allPublished = true;
        List<Outbox.Queued> fitting = new ArrayList<>();
        for (ChannelSettings channel : targets) {
            Post post = Composer.forChannel(channel).compose(story, channel);
            if (post.valid()) {
                fitting.add(new Outbox.Queued(post, channel.dryRun()));
            } else {
                allPublished = false;
                report(out, err, channel, tooLong(post), 0, Optional.empty());
            }
        }
        Instant now = herald.clock().instant();
        String node = "post:" + ProcessHandle.current().pid();
        for (Outbox.ByHand result : outbox.addByHand(story, fitting, now, now, Optional.of(node))) {
            if (result instanceof Outbox.ByHand.AlreadyThere there) {
                allPublished = false;
                out.flush();
                err.println("herald: " + AlreadyThere.describe(there.existing()));
                continue;
            }
            Outbox.ByHand.Added added = (Outbox.ByHand.Added) result;
            Post post = added.queued().post();
            ChannelSettings channel = herald.settings().channel(post.channel()).orElseThrow();
            RetryBudget.Delivery delivery = retries.deliver(Publishers.forChannel(channel, false, herald.clock(), out), post, now);
            PublishOutcome outcome = delivery.outcome();
            settle(outbox, added.id(), outcome);
            boolean ok = outcome instanceof PublishOutcome.Published || outcome instanceof PublishOutcome.Duplicate;
            allPublished &= ok;
            report(out, err, channel, outcome, delivery.attempts(), Optional.of(added.id()));
        }
        out.flush();
        return allPublished ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void settle(Outbox outbox, long id, PublishOutcome outcome) {
        Instant now = herald.clock().instant();
        if (outcome instanceof PublishOutcome.Published p) outbox.markSent(id, p.remoteId(), p.url(), now);
        else if (outcome instanceof PublishOutcome.Duplicate d) outbox.markDuplicate(id, "already posted: " + d.reason(), now);
        else outbox.markFailed(id, SecretRedaction.redact(outcome.describe()), now);
    }

    /**
     * A running {@code herald run} holds the sender lock: the story is handed to it as rows due now (the same
     * dedup applies) rather than sent from a second process beside it.
     */
    private int handOver(Story story, List<ChannelSettings> targets, Outbox outbox, SenderLock.Attempt.HeldElsewhere held,
                         PrintStream out, PrintStream err) {
        List<Outbox.Queued> fitting = new ArrayList<>();
        boolean allQueued = true;
        for (ChannelSettings channel : targets) {
            Post post = Composer.forChannel(channel).compose(story, channel);
            if (post.valid()) fitting.add(new Outbox.Queued(post, channel.dryRun()));
            else {
                allQueued = false;
                report(out, err, channel, tooLong(post), 0, Optional.empty());
            }
        }
        Instant now = herald.clock().instant();
        for (Outbox.ByHand result : outbox.addByHand(story, fitting, now, now, Optional.empty())) {
            if (result instanceof Outbox.ByHand.Added added) {
                out.println(added.queued().post().channel() + ": queued as row " + added.id() + "; the running Herald (" + held.holder()
                        + ") sends it at its next dispatch (see `herald queue`)");
            } else {
                allQueued = false;
                out.flush();
                err.println("herald: " + AlreadyThere.describe(((Outbox.ByHand.AlreadyThere) result).existing()));
            }
        }
        out.flush();
        return allQueued ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static PublishOutcome tooLong(Post post) {
        return new PublishOutcome.Rejected("the post does not fit (" + post.weightedLength() + "/" + post.maxLength() + ")");
    }

    private void report(PrintStream out, PrintStream err, ChannelSettings channel, PublishOutcome outcome, int attempts, Optional<Long> row) {
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        if (json) {
            JsonWriter w = new JsonWriter().beginObject()
                    .field("channel", channel.name())
                    .field("network", channel.network().id())
                    .field("outcome", name(outcome));
            if (outcome instanceof PublishOutcome.Published p) {
                w.field("remoteId", p.remoteId()).field("url", p.url().toString()).field("error", (String) null);
            } else {
                w.field("remoteId", (String) null).field("url", (String) null)
                        .field("error", outcome instanceof PublishOutcome.Duplicate ? null : SecretRedaction.redact(outcome.describe()));
            }
            out.println(w.field("attempts", attempts).field("row", row).endObject());
            return;
        }
        String line = channel.name() + " (" + channel.network().id() + "): " + SecretRedaction.redact(outcome.describe()) + tries
                + row.map(id -> " [row " + id + "]").orElse("");
        if (outcome instanceof PublishOutcome.Published || outcome instanceof PublishOutcome.Duplicate) {
            out.println(line);
        } else {
            out.flush();
            err.println("herald: " + line);
        }
    }

    static String name(PublishOutcome outcome) {
        if (outcome instanceof PublishOutcome.Published) return "published";
        if (outcome instanceof PublishOutcome.Duplicate) return "duplicate";
        if (outcome instanceof PublishOutcome.RetryLater) return "retry-later";
        if (outcome instanceof PublishOutcome.Uncertain) return "uncertain";
        if (outcome instanceof PublishOutcome.Rejected) return "rejected";
        return "auth-failed";
    }
}
