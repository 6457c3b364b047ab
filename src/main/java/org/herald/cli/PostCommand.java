package org.herald.cli;

import org.herald.compose.Composer;
import org.herald.compose.Post;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.SecretRedaction;
import org.herald.publish.PublishOutcome;
import org.herald.publish.Publisher;
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

    @Option(names = "--dry-run", description = "Print exactly what would be sent instead of sending it.")
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

        RetryBudget retries = new RetryBudget(settings.post().retryBudget(), herald.clock(), herald.sleeper(), new SecureRandom());
        boolean allPublished = true;
        for (ChannelSettings channel : targets) {
            Post post = Composer.forChannel(channel).compose(story, channel);
            RetryBudget.Delivery delivery;
            if (!post.valid()) {
                delivery = new RetryBudget.Delivery(new PublishOutcome.Rejected(
                        "the post does not fit (" + post.weightedLength() + "/" + post.maxLength() + ")"), 0);
            } else {
                Publisher publisher = Publishers.forChannel(channel, dryRun, herald.clock(), out);
                delivery = retries.deliver(publisher, post);
            }
            PublishOutcome outcome = delivery.outcome();
            boolean ok = outcome instanceof PublishOutcome.Published || outcome instanceof PublishOutcome.Duplicate;
            allPublished &= ok;
            report(out, err, channel, outcome, delivery.attempts());
        }
        out.flush();
        return allPublished ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void report(PrintStream out, PrintStream err, ChannelSettings channel, PublishOutcome outcome, int attempts) {
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
            out.println(w.field("attempts", attempts).endObject());
            return;
        }
        String line = channel.name() + " (" + channel.network().id() + "): " + SecretRedaction.redact(outcome.describe()) + tries;
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
