package org.herald.cli;

import org.herald.compose.Composer;
import org.herald.compose.Post;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Shows, for each input, the story Herald sees and the exact post each channel would receive. Posts nothing. */
@Command(name = "preview", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Show the headline, link and exact posts for each article of the inputs; posts nothing.")
final class PreviewCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--link", paramLabel = "URL",
            description = "Link for inputs that have none of their own (plain text, saved pages).")
    String link;

    @Option(names = "--json", description = "Print one JSON object per article (JSON Lines).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or http(s) URLs: plain text, HTML or RSS/Atom.")
    List<String> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        Optional<URI> fallbackLink = parseLink();
        HeraldSettings settings = herald.settings();
        PrintStream out = herald.console().out;
        PrintStream err = herald.console().err;
        StoryReader reader = new StoryReader(settings);
        boolean failed = false;
        if (inputs.size() == 1) {
            failed = print(render(reader, settings, inputs.get(0), fallbackLink), out, err);
        } else {
            // Inputs are read and condensed on every core (a newsroom previews hundreds of saved pages at once),
            // and printed in the order given; a window of a few inputs per worker bounds what waits in memory.
            int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
            ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
                Thread thread = new Thread(task, "herald-preview");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Deque<Future<List<Shown>>> window = new ArrayDeque<>();
                for (String input : inputs) {
                    window.add(pool.submit(() -> render(reader, settings, input, fallbackLink)));
                    if (window.size() >= workers * 4) failed |= print(next(window), out, err);
                }
                while (!window.isEmpty()) failed |= print(next(window), out, err);
            } finally {
                pool.shutdownNow();
            }
        }
        out.flush();
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** One article's lines as printed, or one input's failure: what {@link #render} gives {@link #print}. */
    private sealed interface Shown {
        record Lines(String text) implements Shown {
        }

        record Failure(String source, String reason) implements Shown {
        }
    }

    private List<Shown> render(StoryReader reader, HeraldSettings settings, String input, Optional<URI> fallbackLink) {
        List<Shown> shown = new ArrayList<>();
        for (StoryReader.Read read : reader.read(input, fallbackLink)) {
            if (read instanceof StoryReader.Read.Failed failure) {
                shown.add(new Shown.Failure(failure.source(), failure.reason()));
                continue;
            }
            Story story = ((StoryReader.Read.Ok) read).story();
            List<Post> posts = new ArrayList<>();
            for (ChannelSettings channel : settings.channels()) posts.add(Composer.forChannel(channel).compose(story, channel));
            StringWriter text = new StringWriter();
            try (PrintWriter lines = new PrintWriter(text)) {
                if (json) printJson(lines, story, posts);
                else printHuman(lines, story, posts, settings);
            }
            shown.add(new Shown.Lines(text.toString()));
        }
        return shown;
    }

    /** Prints one input's articles and failures; true when any failed. */
    private boolean print(List<Shown> shown, PrintStream out, PrintStream err) {
        boolean failed = false;
        for (Shown s : shown) {
            if (s instanceof Shown.Failure failure) {
                failed = true;
                reportFailure(out, err, failure.source(), failure.reason());
            } else {
                out.print(((Shown.Lines) s).text());
            }
        }
        out.flush();
        return failed;
    }

    private static List<Shown> next(Deque<Future<List<Shown>>> window) {
        try {
            return window.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the inputs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    private Optional<URI> parseLink() {
        return StoryReader.linkOption(link, spec.commandLine());
    }

    private void reportFailure(PrintStream out, PrintStream err, String source, String reason) {
        if (json) {
            out.println(new JsonWriter().beginObject().field("source", source).field("error", reason).endObject());
        } else {
            out.flush();
            err.println("herald: " + source + ": " + reason);
        }
    }

    private static void printJson(PrintWriter out, Story story, List<Post> posts) {
        JsonWriter w = new JsonWriter().beginObject()
                .field("source", story.source())
                .field("headline", story.headline())
                .field("link", story.link().map(URI::toString).orElse(null))
                .field("summary", story.summary())
                .field("lang", story.lang())
                .field("dir", story.dir().id())
                .field("confidence", story.confidence().id())
                .field("confidenceReason", story.confidenceReason());
        story.guid().ifPresent(g -> w.field("guid", g));
        story.publishedAt().ifPresent(p -> w.field("published", p.toString()));
        w.beginArray("posts");
        for (Post post : posts) {
            w.beginObject()
                    .field("channel", post.channel())
                    .field("network", post.network().id())
                    .field("text", post.text())
                    .field("link", post.link().map(URI::toString).orElse(null))
                    .field("weightedLength", post.weightedLength())
                    .field("valid", post.valid())
                    .endObject();
        }
        out.println(w.endArray().endObject());
    }

    private static void printHuman(PrintWriter out, Story story, List<Post> posts, HeraldSettings settings) {
        out.println("── " + story.source());
        out.println("headline  " + story.headline());
        out.println("link      " + story.link().map(URI::toString).orElse("(none: pass --link URL to give one)"));
        out.println("summary   " + (story.summary().isEmpty() ? "(none)" : story.summary()));
        out.println("language  " + story.lang() + ", " + story.dir().id());
        out.println("confidence " + story.confidence().id() + " (" + story.confidenceReason() + ")");
        for (Post post : posts) {
            boolean dryRun = settings.channel(post.channel()).map(ChannelSettings::dryRun).orElse(false);
            String length = post.network() == Network.X
                    ? post.weightedLength() + "/" + post.maxLength() + " weighted"
                    : post.weightedLength() + " characters";
            String verdict = post.valid() ? "fits" : "OVER";
            out.println();
            out.println("  " + post.channel() + " (" + post.network().id() + (dryRun ? ", dry-run" : "") + ")  "
                    + length + "  " + verdict + (post.shortened() ? ", shortened" : ""));
            for (String line : post.text().split("\n", -1)) out.println("  │ " + line);
            if (post.network() == Network.FACEBOOK) {
                out.println("  link: " + post.link().map(URI::toString).orElse("(none)"));
            }
        }
        out.println();
    }
}
