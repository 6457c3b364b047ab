package org.herald.schedule;

import org.herald.compose.Composer;
import org.herald.condense.Condensed;
import org.herald.condense.Condenser;
import org.herald.config.ChannelSettings;
import org.herald.config.FeedSettings;
import org.herald.outbox.FeedPolls;
import org.herald.outbox.FeedState;
import org.herald.outbox.FeedStates;
import org.herald.outbox.Outbox;
import org.herald.outbox.Pauses;
import org.herald.source.FeedEntry;
import org.herald.source.FeedRead;
import org.herald.source.FileAndWebSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One poll of one feed: a conditional GET, then each entry not seen before is condensed, composed for the
 * feed's channels and written to the outbox (story and rows in one transaction). The first poll of a feed
 * posts only its newest {@code initial-backlog} entries and records the rest as seen, so adding a feed
 * does not flood the channels.
 */
public final class FeedPoll {
    private static final Logger log = LoggerFactory.getLogger(FeedPoll.class);

    /** What one poll did. */
    public record Result(String feed, int newStories, int rows, boolean changed, Optional<String> error) {
    }

    private final FeedSettings feed;
    private final List<ChannelSettings> channels;
    private final FileAndWebSource source;
    private final Condenser condenser;
    private final Outbox outbox;
    private final FeedStates states;
    private final Clock clock;
    private final FeedPolls polls;
    private final Pauses pauses;

    public FeedPoll(FeedSettings feed, List<ChannelSettings> channels, FileAndWebSource source, Condenser condenser,
                    Outbox outbox, FeedStates states, Clock clock) {
        this.feed = feed;
        this.channels = channels.stream().filter(c -> feed.channels().contains(c.name())).toList();
        this.source = source;
        this.condenser = condenser;
        this.outbox = outbox;
        this.states = states;
        this.clock = clock;
        this.polls = new FeedPolls(states.dataSource());
        this.pauses = new Pauses(states.dataSource());
    }

    public String feed() {
        return feed.name();
    }

    /** One poll, unless an admin paused the feed; its result is kept for the console's feeds page. */
    public Result run() {
        if (pauses.isPaused(Pauses.Kind.FEED, feed.name())) return new Result(feed.name(), 0, 0, false, Optional.empty());
        Result result = poll();
        polls.record(feed.name(), new FeedPolls.LastPoll(clock.instant(), result.newStories(), result.rows(), result.changed(), result.error()));
        return result;
    }

    private Result poll() {
        Optional<FeedState> state = states.get(feed.name());
        boolean firstPoll = state.flatMap(FeedState::firstPolledAt).isEmpty();
        FeedRead read = source.readFeed(feed.url(), state.flatMap(FeedState::etag), state.flatMap(FeedState::lastModified));
        Instant now = clock.instant();
        if (read instanceof FeedRead.Stopped) {
            // Herald is stopping: the feed is not unhealthy, the next start polls it again
            log.info("feed {}: poll abandoned, Herald is stopping", feed.name());
            return new Result(feed.name(), 0, 0, false, Optional.of("stopped before the poll finished"));
        }
        if (read instanceof FeedRead.Failure failure) {
            states.recordFailure(feed.name(), feed.url(), failure.reason(), now);
            return new Result(feed.name(), 0, 0, false, Optional.of(failure.reason()));
        }
        if (read instanceof FeedRead.Unchanged) {
            states.recordSuccess(feed.name(), feed.url(), state.flatMap(FeedState::etag), state.flatMap(FeedState::lastModified), now);
            return new Result(feed.name(), 0, 0, false, Optional.empty());
        }
        FeedRead.Entries entries = (FeedRead.Entries) read;
        Set<FeedEntry> backlog = firstPoll ? newest(entries.entries(), feed.initialBacklog()) : Set.of();
        int stories = 0;
        int rows = 0;
        for (FeedEntry entry : oldestFirst(entries.entries())) {
            Condensed condensed = condenser.condense(entry, Optional.empty());
            if (condensed instanceof Condensed.Unusable unusable) {
                log.warn("feed {}: skipped an entry: {}", feed.name(), unusable.reason());
                continue;
            }
            var story = ((Condensed.Ok) condensed).story();
            if (story.link().isEmpty()) {
                log.warn("feed {}: skipped \"{}\": it has no link", feed.name(), story.headline());
                continue;
            }
            List<Outbox.Queued> posts = new ArrayList<>();
            if (!firstPoll || backlog.contains(entry)) {
                for (ChannelSettings channel : channels) {
                    posts.add(new Outbox.Queued(Composer.forChannel(channel).compose(story, channel), channel.dryRun()));
                }
            }
            Outbox.Origin origin = new Outbox.Origin(Optional.of(feed.name()), entry.guid());
            // when-unsure holds only what condensing was not sure of: evidence that disagrees, or too little of it
            boolean hold = feed.review() == FeedSettings.Review.ALWAYS
                    || feed.review() == FeedSettings.Review.WHEN_UNSURE && story.confidence() != org.herald.condense.Confidence.HIGH;
            Outbox.Enqueued enqueued = hold
                    ? outbox.enqueueForReview(story, origin, posts, now, now)
                    : outbox.enqueueAll(story, origin, posts, now, now);
            if (enqueued instanceof Outbox.Enqueued.New created) {
                stories++;
                rows += created.entryIds().size();
            }
        }
        states.recordSuccess(feed.name(), feed.url(), entries.etag(), entries.lastModified(), now);
        if (rows > 0) log.info("feed {}: {} new stories, {} posts queued", feed.name(), stories, rows);
        return new Result(feed.name(), stories, rows, true, Optional.empty());
    }

    /** Entries oldest first, so posts go out in the order the newsroom published them. */
    private static List<FeedEntry> oldestFirst(List<FeedEntry> entries) {
        List<FeedEntry> ordered = new ArrayList<>(entries);
        if (ordered.stream().allMatch(e -> e.publishedAt().isPresent())) {
            ordered.sort(Comparator.comparing(e -> e.publishedAt().orElseThrow()));
        } else {
            java.util.Collections.reverse(ordered); // feeds list newest first
        }
        return ordered;
    }

    private static Set<FeedEntry> newest(List<FeedEntry> entries, int count) {
        List<FeedEntry> ordered = oldestFirst(entries);
        return new HashSet<>(ordered.subList(Math.max(0, ordered.size() - count), ordered.size()));
    }
}
