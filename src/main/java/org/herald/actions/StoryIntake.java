package org.herald.actions;

import org.herald.compose.Composer;
import org.herald.compose.Post;
import org.herald.condense.Condensed;
import org.herald.condense.Condenser;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.outbox.Outbox;
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
        Optional<Article> article;
        if (request.url().isPresent()) {
            String url = request.url().get().strip();
            if (!url.matches("(?i)^https?://\\S+$")) return new Result.Invalid("url", "must be an http(s) URL, not '" + clip(url) + "'");
            SourceResult read = source.read(url);
            if (read instanceof SourceResult.Failure failure) return new Result.Invalid("url", failure.reason());
            List<Article> articles = ((SourceResult.Articles) read).articles();
            if (articles.size() != 1) return new Result.Invalid("url", url + " holds " + articles.size() + " articles; give one article's page");
            article = Optional.of(articles.get(0));
        } else {
            if (request.link().isEmpty()) return new Result.Invalid("link", "pasted text needs \"link\", the story's http(s) address");
            SourceResult read = FileAndWebSource.parse("pasted text", request.text().get().getBytes(StandardCharsets.UTF_8),
                    Optional.of("text/plain; charset=utf-8"), Optional.empty());
            if (read instanceof SourceResult.Failure failure) return new Result.Invalid("text", failure.reason());
            List<Article> articles = ((SourceResult.Articles) read).articles();
            if (articles.isEmpty()) return new Result.Invalid("text", "the text is empty; its first line is the headline");
            article = Optional.of(articles.get(0));
        }
        Condensed condensed = condenser.condense(article.get(), request.link());
        if (condensed instanceof Condensed.Unusable unusable) return new Result.Invalid(request.url().isPresent() ? "url" : "text", unusable.reason());
        Story story = ((Condensed.Ok) condensed).story();
        if (story.link().isEmpty()) return new Result.Invalid("link", "the page has no link of its own; give \"link\"");
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

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
