package org.herald.actions;

import org.herald.compose.Composer;
import org.herald.compose.Post;
import org.herald.condense.Condensed;
import org.herald.condense.Condenser;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.compose.TweetLength;
import org.herald.config.Network;
import org.herald.schedule.DueTimes;
import org.herald.source.Article;
import org.herald.source.FileAndWebSource;
import org.herald.source.SourceResult;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A story handed in by a person or a CMS (the API, the console's compose page): read from a URL or from pasted
 * text with a link, condensed and composed as {@code preview} does, then queued through the same dedup ledger
 * and time rules as {@code herald schedule} ({@link Outbox#addByHand}, {@link DueTimes}).
 */
public final class StoryIntake {
    /** What to queue: {@code url}, or {@code text} (first line the headline) with {@code link}. */
    public record Request(Optional<String> url, Optional<String> text, Optional<URI> link, List<String> channels, Optional<Instant> at,
                          boolean review) {
    }

    /** Queued (each channel's row, or the row already there), or refused naming the field at fault. */
    public sealed interface Result {
        record Queued(Story story, List<Outbox.ByHand> rows, Instant due) implements Result {
        }

        record Invalid(String field, String message) implements Result {
        }
    }

    private final HeraldSettings settings;
    private final Outbox outbox;
    private final Clock clock;
    private final FileAndWebSource source;
    private final Condenser condenser;

    public StoryIntake(HeraldSettings settings, Outbox outbox, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.source = new FileAndWebSource(settings.fetch());
        this.condenser = new Condenser(settings.condense());
    }

    public Result take(Request request) {
        if (request.url().isPresent() == request.text().isPresent()) {
            return new Result.Invalid("url", "give either \"url\" (a page to read) or \"text\" (first line the headline) with \"link\"");
        }
        List<ChannelSettings> targets = new ArrayList<>();
        if (request.channels().isEmpty()) {
            targets.addAll(settings.channels());
        } else {
            for (String name : request.channels()) {
                Optional<ChannelSettings> channel = settings.channels().stream().filter(c -> c.name().equals(name)).findFirst();
                if (channel.isEmpty()) {
                    return new Result.Invalid("channels", "there is no channel '" + name + "' (configured: "
                            + String.join(", ", settings.channels().stream().map(ChannelSettings::name).toList()) + ")");
                }
                if (targets.stream().noneMatch(t -> t.name().equals(name))) targets.add(channel.get());
            }
        }
        if (targets.isEmpty()) return new Result.Invalid("channels", "no channel is configured");
        Instant now = clock.instant();
        Instant due = now;
        if (request.at().isPresent()) {
            DueTimes.Verdict verdict = DueTimes.check(request.at().get(), now, targets);
            if (verdict instanceof DueTimes.Verdict.Refused refused) return new Result.Invalid("at", refused.reason().replace("use --at now", "leave out \"at\""));
            due = ((DueTimes.Verdict.Accepted) verdict).due();
            if (due.isBefore(now)) due = now;
        }
        Read read = readStory(request.url(), request.text(), request.link());
        if (read instanceof Read.Invalid invalid) return new Result.Invalid(invalid.field(), invalid.message());
        Story story = ((Read.Ok) read).story();
        List<Outbox.Queued> posts = new ArrayList<>();
        for (ChannelSettings channel : targets) {
            Post post = Composer.forChannel(channel).compose(story, channel);
            if (!post.valid()) {
                return new Result.Invalid("text", "the post for " + channel.name() + " does not fit (" + post.weightedLength() + "/" + post.maxLength() + ")");
            }
            posts.add(new Outbox.Queued(post, channel.dryRun()));
        }
        return new Result.Queued(story, outbox.addByHand(story, posts, due, now, Optional.empty(), request.review()), due);
    }

    /** A story read for a person to look at before anything is queued, or why it cannot be read (naming the field). */
    public sealed interface Read {
        record Ok(Story story) implements Read {
        }

        record Invalid(String field, String message) implements Read {
        }
    }

    /**
     * Reads {@code url}, or {@code text} (first line the headline) with {@code link}, and condenses it exactly
     * as {@link #take} does; nothing is queued. Field names in refusals: {@code url}, {@code text}, {@code link}.
     */
    public Read readStory(Optional<String> url, Optional<String> text, Optional<URI> link) {
        if (url.isPresent() == text.isPresent()) {
            return new Read.Invalid("url", "give either \"url\" (a page to read) or \"text\" (first line the headline) with \"link\"");
        }
        Optional<Article> article;
        if (url.isPresent()) {
            String address = url.get().strip();
            if (!address.matches("(?i)^https?://\\S+$")) return new Read.Invalid("url", "must be an http(s) URL, not '" + clip(address) + "'");
            SourceResult read = source.read(address);
            if (read instanceof SourceResult.Failure failure) return new Read.Invalid("url", failure.reason());
            List<Article> articles = ((SourceResult.Articles) read).articles();
            if (articles.size() != 1) return new Read.Invalid("url", address + " holds " + articles.size() + " articles; give one article's page");
            article = Optional.of(articles.get(0));
        } else {
            if (link.isEmpty()) return new Read.Invalid("link", "pasted text needs \"link\", the story's http(s) address");
            SourceResult read = FileAndWebSource.parse("pasted text", text.get().getBytes(StandardCharsets.UTF_8),
                    Optional.of("text/plain; charset=utf-8"), Optional.empty());
            if (read instanceof SourceResult.Failure failure) return new Read.Invalid("text", failure.reason());
            List<Article> articles = ((SourceResult.Articles) read).articles();
            if (articles.isEmpty()) return new Read.Invalid("text", "the text is empty; its first line is the headline");
            article = Optional.of(articles.get(0));
        }
        Condensed condensed = condenser.condense(article.get(), link);
        if (condensed instanceof Condensed.Unusable unusable) return new Read.Invalid(url.isPresent() ? "url" : "text", unusable.reason());
        Story story = ((Condensed.Ok) condensed).story();
        if (story.link().isEmpty()) return new Read.Invalid("link", "the page has no link of its own; give \"link\"");
        return new Read.Ok(story);
    }

    /** The channel's post with the headline as a person edited it: counted, never cut (see {@link Composer#composeHeadlineAsWritten}). */
    public static Post composeEdited(Story story, ChannelSettings channel) {
        return Composer.composeHeadlineAsWritten(story, channel);
    }

    /** The channel's post for this story, composed as every other front door composes it. */
    public static Post compose(Story story, ChannelSettings channel) {
        return Composer.forChannel(channel).compose(story, channel);
    }

    /**
     * The channel's post with a text a person wrote: counted as the network counts it (X: twitter-text, links
     * 23, CJK and emoji 2; Facebook: characters), the link as composing would give it.
     */
    public static Post handWritten(Story story, ChannelSettings channel, String text) {
        Post composed = compose(story, channel);
        if (channel.network() == Network.X) {
            TweetLength.Counted counted = TweetLength.count(text);
            return new Post(channel.name(), channel.network(), counted.text(), composed.link(), counted.weightedLength(), counted.maxLength(),
                    counted.valid(), false);
        }
        String message = text.replace("\r\n", "\n").strip();
        int length = message.codePointCount(0, message.length());
        return new Post(channel.name(), channel.network(), message, composed.link(), length, composed.maxLength(),
                !message.isBlank() && length <= composed.maxLength(), false);
    }

    /**
     * Why a post a person wrote cannot go out, in the words of the row actions' edit rule: empty, over the
     * network's limit (X: as twitter-text counts), holding what X refuses, or a tweet that lost the story's link.
     */
    static Optional<String> whatIsWrong(Post post, boolean linkExpected) {
        String channel = post.channel();
        if (post.text().isBlank()) return Optional.of("the post for " + channel + " is empty");
        if (post.weightedLength() > post.maxLength()) {
            return Optional.of("the post for " + channel + " does not fit (" + post.weightedLength() + "/" + post.maxLength()
                    + (post.network() == Network.X ? " as X counts it; shorten it by " : "; shorten it by ")
                    + (post.weightedLength() - post.maxLength()) + ")");
        }
        if (!post.valid()) return Optional.of("the post for " + channel + " holds a character " + post.network().id() + " refuses (such as U+FFFE)");
        if (post.network() == Network.X && linkExpected && !post.text().contains(post.link().get().toString())) {
            return Optional.of("the tweet for " + channel + " must keep the story's link " + post.link().get());
        }
        return Optional.empty();
    }

    /** What queueing posts a person has looked at became. */
    public sealed interface ByHandResult {
        /** Every chosen channel got its row. */
        record Queued(List<Outbox.ByHand.Added> rows, Instant due, Optional<String> note) implements ByHandResult {
        }

        /** Nothing was queued: a field is wrong (a time, a text, a channel). */
        record Invalid(String field, String message) implements ByHandResult {
        }

        /** Nothing was queued: these channels already have the story (sent, queued or failed), and "post again" was not asked for. */
        record AlreadyThere(List<OutboxEntry> existing) implements ByHandResult {
        }
    }

    /**
     * Queues exactly these posts of {@code story} (one per channel, written or checked by a person), due at
     * {@code at} or now, under {@link DueTimes}' rules and the outbox's dedup ledger: a channel that already
     * has the story refuses the whole request, naming its row, unless {@code again} says to post it again.
     * All or nothing: a refusal queues nothing.
     */
    public ByHandResult queueByHand(Story story, List<Post> posts, Optional<Instant> at, boolean again) {
        if (posts.isEmpty()) return new ByHandResult.Invalid("channel", "pick at least one channel");
        List<ChannelSettings> targets = new ArrayList<>();
        List<Outbox.Queued> queued = new ArrayList<>();
        for (Post post : posts) {
            Optional<ChannelSettings> channel = settings.channels().stream().filter(c -> c.name().equals(post.channel())).findFirst();
            if (channel.isEmpty()) return new ByHandResult.Invalid("channel", "there is no channel '" + post.channel() + "'");
            // as the edit rule: a tweet whose template carries the link must keep it
            boolean linkExpected = post.link().isPresent() && compose(story, channel.get()).text().contains(post.link().get().toString());
            Optional<String> wrong = whatIsWrong(post, linkExpected);
            if (wrong.isPresent()) return new ByHandResult.Invalid("text." + post.channel(), wrong.get());
            targets.add(channel.get());
            queued.add(new Outbox.Queued(post, channel.get().dryRun()));
        }
        Instant now = clock.instant();
        Instant due = now;
        Optional<String> note = Optional.empty();
        if (at.isPresent()) {
            DueTimes.Verdict verdict = DueTimes.check(at.get(), now, targets);
            if (verdict instanceof DueTimes.Verdict.Refused refused) {
                return new ByHandResult.Invalid("at", refused.reason().replace("use --at now", "use Post now"));
            }
            DueTimes.Verdict.Accepted accepted = (DueTimes.Verdict.Accepted) verdict;
            due = accepted.due().isBefore(now) ? now : accepted.due();
            note = accepted.note();
        }
        URI link = story.link().orElseThrow(() -> new IllegalArgumentException("a story needs a link: " + story.source()));
        if (!again) {
            List<OutboxEntry> there = outbox.alreadyThere(link, queued);
            if (!there.isEmpty()) return new ByHandResult.AlreadyThere(there);
        }
        List<Outbox.ByHand> rows = outbox.addByHand(story, queued, due, now, Optional.empty(), false, again);
        List<OutboxEntry> raced = rows.stream().filter(r -> r instanceof Outbox.ByHand.AlreadyThere)
                .map(r -> ((Outbox.ByHand.AlreadyThere) r).existing()).toList();
        List<Outbox.ByHand.Added> added = rows.stream().filter(r -> r instanceof Outbox.ByHand.Added).map(r -> (Outbox.ByHand.Added) r).toList();
        // another writer queued it between the look and the insert: say so, with what was still added
        if (!raced.isEmpty()) return new ByHandResult.AlreadyThere(raced);
        return new ByHandResult.Queued(added, due, note);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
