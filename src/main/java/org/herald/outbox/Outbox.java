package org.herald.outbox;

import org.herald.compose.Post;
import org.herald.condense.Confidence;
import org.herald.condense.Story;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox: one durable row per (story, channel). Stories are recorded once, by canonical link and by
 * feed guid, so a story seen again (another poll, a restart, the same link under a new guid) adds nothing.
 * Each state change is a single committed statement guarded by the state it expects, so two workers can
 * never both claim a row.
 */
public final class Outbox {
    private static final String COLUMNS = "id, story_id, channel, network, text, link, state, due_at, next_attempt_at, attempts, "
            + "last_error, remote_id, remote_url, created_at, updated_at, sent_at, dry_run, confidence, confidence_reason, claimed_by";

    private final DataSource dataSource;

    public Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where a story came from: a feed and its entry's guid, or nothing for a story scheduled by hand. */
    public record Origin(Optional<String> feed, Optional<String> guid) {
        public static final Origin BY_HAND = new Origin(Optional.empty(), Optional.empty());
    }

    /** Whether the story was new (and its rows were written) or had been seen before. */
    public sealed interface Enqueued {
        record New(long storyId, List<Long> entryIds) implements Enqueued {
        }

        record AlreadySeen(long storyId) implements Enqueued {
        }
    }

    /** One post to queue, and whether its channel was a dry-run one when it was queued. */
    public record Queued(Post post, boolean dryRun) {
        public static List<Queued> live(List<Post> posts) {
            return posts.stream().map(p -> new Queued(p, false)).toList();
        }
    }

    /** Rows for live channels only; see {@link #enqueueAll}. */
    public Enqueued enqueue(Story story, Origin origin, List<Post> posts, Instant due, Instant now) {
        return enqueueAll(story, origin, Queued.live(posts), due, now);
    }

    /**
     * Records the story and one SCHEDULED row per post due at {@code due}, all in one transaction, unless the
     * story's link (or its feed guid) was seen before.
     */
    public Enqueued enqueueAll(Story story, Origin origin, List<Queued> posts, Instant due, Instant now) {
        return enqueue(story, origin, posts, due, now, false);
    }

    private Enqueued enqueue(Story story, Origin origin, List<Queued> posts, Instant due, Instant now, boolean held) {
        URI link = story.link().orElseThrow(() -> new IllegalArgumentException("a story needs a link to be posted: " + story.source()));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Long> seen = findStory(c, link.toString(), origin);
                if (seen.isPresent()) {
                    c.rollback();
                    return new Enqueued.AlreadySeen(seen.get());
                }
                long storyId = insertStory(c, story, link, origin, now);
                if (held) keepSummary(c, storyId, story);
                List<Long> ids = new ArrayList<>();
                for (Queued queued : posts) ids.add(insertRow(c, storyId, story, queued, due, now, Optional.empty(), held));
                c.commit();
                return new Enqueued.New(storyId, ids);
            } catch (SQLException e) {
                c.rollback();
                // another writer recorded the same story between our check and our insert
                if (isUniqueViolation(e)) {
                    Optional<Long> seen = findStory(c, link.toString(), origin);
                    if (seen.isPresent()) return new Enqueued.AlreadySeen(seen.get());
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record the story", e);
        }
    }

    /** What a story queued by hand (post, schedule, a console) became on one channel. */
    public sealed interface ByHand {
        /** A new row; for {@code post}, already SENDING and claimed by the caller. */
        record Added(long id, Queued queued) implements ByHand {
        }

        /** The channel already has this story in a row of the same mode: it is never posted twice. */
        record AlreadyThere(OutboxEntry existing) implements ByHand {
        }
    }

    /**
     * Adds rows for a story given by hand, through the same dedup ledger as feeds: the story is recorded once
     * by its link, and a channel that already has a row for it (sent, queued or failed) gets no second one.
     * With {@code claimedBy} present the new rows start in SENDING, claimed, for a caller that sends them at
     * once; otherwise they are SCHEDULED for {@code due}. One transaction.
     */
    public List<ByHand> addByHand(Story story, List<Queued> posts, Instant due, Instant now, Optional<String> claimedBy) {
        return addByHand(story, posts, due, now, claimedBy, false);
    }

    /** As {@link #addByHand(Story, List, Instant, Instant, Optional)}; with {@code held}, new rows wait in PENDING_REVIEW. */
    public List<ByHand> addByHand(Story story, List<Queued> posts, Instant due, Instant now, Optional<String> claimedBy, boolean held) {
        return addByHand(story, posts, due, now, claimedBy, held, false);
    }

    /**
     * As {@link #addByHand(Story, List, Instant, Instant, Optional, boolean)}; with {@code again} (a person ticked
     * "post again"), a channel that already has the story gets one more row anyway, a new copy of it, instead of
     * {@link ByHand.AlreadyThere}. Feeds never pass {@code again}: what they bring is still taken once.
     */
    public List<ByHand> addByHand(Story story, List<Queued> posts, Instant due, Instant now, Optional<String> claimedBy, boolean held,
                                  boolean again) {
        URI link = story.link().orElseThrow(() -> new IllegalArgumentException("a story needs a link to be posted: " + story.source()));
        for (int attempt = 0; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Optional<Long> seen = findStory(c, link.toString(), Origin.BY_HAND);
                    long storyId = seen.isPresent() ? seen.get() : insertStory(c, story, link, Origin.BY_HAND, now);
                    if (held && seen.isEmpty()) keepSummary(c, storyId, story);
                    List<ByHand> results = new ArrayList<>();
                    for (Queued queued : posts) {
                        Optional<OutboxEntry> existing = rowOf(c, storyId, queued.post().channel(), queued.dryRun());
                        if (existing.isPresent() && !again) {
                            results.add(new ByHand.AlreadyThere(existing.get()));
                        } else {
                            int copy = existing.isPresent() ? nextCopy(c, storyId, queued) : 0;
                            results.add(new ByHand.Added(insertRow(c, storyId, story, queued, due, now, claimedBy,
                                    held && claimedBy.isEmpty(), copy), queued));
                        }
                    }
                    c.commit();
                    return results;
                } catch (SQLException e) {
                    c.rollback();
                    // another writer added the same story or row between our look and our insert: look again
                    if (isUniqueViolation(e) && attempt == 0) continue;
                    throw e;
                }
            } catch (SQLException e) {
                throw failure("record the story", e);
            }
        }
    }

    /** A repeat row takes the next copy number of its (story, channel, mode); two writers racing for it meet the unique key. */
    private static int nextCopy(Connection c, long storyId, Queued queued) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(copy_no) FROM outbox WHERE story_id = ? AND channel = ? AND dry_run = ?")) {
            s.setLong(1, storyId);
            s.setString(2, queued.post().channel());
            s.setBoolean(3, queued.dryRun());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) + 1 : 0;
            }
        }
    }

    /**
     * The rows channels already hold for a story with this link, by channel (the latest copy of each, of the
     * given mode per channel): what a person is told before they queue it again.
     */
    public List<OutboxEntry> alreadyThere(URI link, List<Queued> posts) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Long> storyId = findStory(c, link.toString(), Origin.BY_HAND);
            List<OutboxEntry> found = new ArrayList<>();
            if (storyId.isEmpty()) return found;
            for (Queued queued : posts) rowOf(c, storyId.get(), queued.post().channel(), queued.dryRun()).ifPresent(found::add);
            return found;
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    private Optional<OutboxEntry> rowOf(Connection c, long storyId, String channel, boolean dryRun) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE story_id = ? AND channel = ? AND dry_run = ? "
                + "ORDER BY copy_no DESC, id DESC")) {
            s.setLong(1, storyId);
            s.setString(2, channel);
            s.setBoolean(3, dryRun);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(entry(r)) : Optional.empty();
            }
        }
    }

    private static long insertStory(Connection c, Story story, URI link, Origin origin, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO seen_story (feed, guid, link, headline, source, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, origin.feed().orElse(null));
            s.setString(2, origin.guid().orElse(null));
            s.setString(3, link.toString());
            s.setString(4, story.headline());
            s.setString(5, story.source());
            s.setObject(6, time(now));
            s.executeUpdate();
            return generatedKey(s);
        }
    }

    private static long insertRow(Connection c, long storyId, Story story, Queued queued, Instant due, Instant now,
                                  Optional<String> claimedBy) throws SQLException {
        return insertRow(c, storyId, story, queued, due, now, claimedBy, false);
    }

    private static long insertRow(Connection c, long storyId, Story story, Queued queued, Instant due, Instant now,
                                  Optional<String> claimedBy, boolean held) throws SQLException {
        return insertRow(c, storyId, story, queued, due, now, claimedBy, held, 0);
    }

    private static long insertRow(Connection c, long storyId, Story story, Queued queued, Instant due, Instant now,
                                  Optional<String> claimedBy, boolean held, int copy) throws SQLException {
        Post post = queued.post();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (story_id, channel, network, text, link, state, "
                + "due_at, next_attempt_at, attempts, created_at, updated_at, dry_run, claimed_at, claimed_by, confidence, confidence_reason, copy_no) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, storyId);
            s.setString(2, post.channel());
            s.setString(3, post.network().id());
            s.setString(4, post.text());
            s.setString(5, post.link().map(URI::toString).orElse(null));
            s.setString(6, held ? "PENDING_REVIEW" : claimedBy.isPresent() ? "SENDING" : "SCHEDULED");
            s.setObject(7, time(due));
            s.setObject(8, time(due));
            s.setObject(9, time(now));
            s.setObject(10, time(now));
            s.setBoolean(11, queued.dryRun());
            s.setObject(12, claimedBy.isPresent() ? time(now) : null);
            s.setString(13, claimedBy.orElse(null));
            s.setString(14, story.confidence().id());
            s.setString(15, story.confidenceReason().length() > 500 ? story.confidenceReason().substring(0, 499) + "…" : story.confidenceReason());
            s.setInt(16, copy);
            s.executeUpdate();
            long id = generatedKey(s);
            if (held) {
                try (PreparedStatement h = c.prepareStatement("UPDATE outbox SET held_for_review = TRUE WHERE id = ?")) {
                    h.setLong(1, id);
                    h.executeUpdate();
                }
            }
            return id;
        }
    }

    /** Whether a story with this link (or this feed guid) has been seen. */
    public boolean hasSeen(URI link, Origin origin) {
        try (Connection c = dataSource.getConnection()) {
            return findStory(c, link.toString(), origin).isPresent();
        } catch (SQLException e) {
            throw failure("look up a story", e);
        }
    }

    /** One channel's SCHEDULED rows of one mode (live or dry-run) whose next attempt is due, oldest first. */
    public List<OutboxEntry> due(String channel, boolean dryRun, Instant now, int limit) {
        return query("SELECT " + COLUMNS + " FROM outbox WHERE channel = ? AND state = 'SCHEDULED' AND dry_run = ? AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at, id", limit, channel, dryRun, time(now));
    }

    /** How many of a channel's SCHEDULED rows of one mode are due now: rows a pass of the other mode leaves alone. */
    public int countDue(String channel, boolean dryRun, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT COUNT(*) FROM outbox WHERE channel = ? AND state = 'SCHEDULED' AND dry_run = ? AND next_attempt_at <= ?")) {
            s.setString(1, channel);
            s.setBoolean(2, dryRun);
            s.setObject(3, time(now));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /**
     * The latest moment the channel may have posted, for its minimum gap across every node: the last SENT
     * row's time, or, for a row still SENDING (a call in flight here or on another node, or one a killed node
     * left), its claim time plus {@code callTimeout}, the latest its post could have reached the platform.
     */
    public Optional<Instant> lastPosted(String channel, java.time.Duration callTimeout) {
        Optional<Instant> sent = lastSent(channel);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT MAX(claimed_at) FROM outbox WHERE channel = ? AND state = 'SENDING'")) {
            s.setString(1, channel);
            try (ResultSet r = s.executeQuery()) {
                Optional<Instant> claimed = r.next() ? Optional.ofNullable(r.getObject(1, OffsetDateTime.class))
                        .map(t -> t.toInstant().plus(callTimeout)) : Optional.empty();
                if (claimed.isEmpty()) return sent;
                if (sent.isEmpty()) return claimed;
                return Optional.of(sent.get().isAfter(claimed.get()) ? sent.get() : claimed.get());
            }
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /** The last time the channel posted, for its minimum gap. */
    public Optional<Instant> lastSent(String channel) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT MAX(sent_at) FROM outbox WHERE channel = ? AND state = 'SENT'")) {
            s.setString(1, channel);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /**
     * How many posts the channel sent since {@code since}, for its hourly and daily maximums; rows in SENDING
     * count too, since they may be on the platform already.
     */
    public int sentSince(String channel, Instant since) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE channel = ? AND "
                     + "((state = 'SENT' AND sent_at >= ?) OR (state = 'SENDING' AND claimed_at >= ?))")) {
            s.setString(1, channel);
            s.setObject(2, time(since));
            s.setObject(3, time(since));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /** SCHEDULED to SENDING, committed before the platform is called; false if another worker got there first. */
    public boolean claim(long id, String node, Instant now) {
        return update("UPDATE outbox SET state = 'SENDING', claimed_at = ?, claimed_by = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'SCHEDULED'", time(now), node, time(now), id) == 1;
    }

    public void markSent(long id, String remoteId, URI url, Instant now) {
        update("UPDATE outbox SET state = 'SENT', remote_id = ?, remote_url = ?, sent_at = ?, updated_at = ?, "
                + "attempts = attempts + 1, last_error = NULL WHERE id = ? AND state = 'SENDING'", remoteId, url.toString(), time(now), time(now), id);
    }

    /** The platform already had the post (its duplicate refusal, or found after an uncertain call): SENT. */
    public void markDuplicate(long id, String reason, Instant now) {
        update("UPDATE outbox SET state = 'SENT', sent_at = ?, updated_at = ?, attempts = attempts + 1, last_error = ? "
                + "WHERE id = ? AND state = 'SENDING'", time(now), time(now), clip(reason), id);
    }

    /** SENDING back to SCHEDULED without counting an attempt: the channel is paused, or the call never went out. */
    public void release(long id, Instant next, String reason, Instant now) {
        update("UPDATE outbox SET state = 'SCHEDULED', next_attempt_at = ?, last_error = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'SENDING'", time(next), clip(reason), time(now), id);
    }

    /** SENDING back to SCHEDULED for another attempt at {@code next}, keeping the reason. */
    public void reschedule(long id, Instant next, String reason, Instant now) {
        update("UPDATE outbox SET state = 'SCHEDULED', next_attempt_at = ?, attempts = attempts + 1, last_error = ?, "
                + "updated_at = ? WHERE id = ? AND state = 'SENDING'", time(next), clip(reason), time(now), id);
    }

    public void markFailed(long id, String reason, Instant now) {
        update("UPDATE outbox SET state = 'FAILED', attempts = attempts + 1, last_error = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'SENDING'", clip(reason), time(now), id);
    }

    /** A SCHEDULED row too late to post: stale news is not sent. */
    public boolean expire(long id, String reason, Instant now) {
        return update("UPDATE outbox SET state = 'EXPIRED', last_error = ?, updated_at = ? WHERE id = ? AND state = 'SCHEDULED'",
                clip(reason), time(now), id) == 1;
    }

    /** Cancels a row that has not been sent; false if it is sending, sent, or unknown. */
    public boolean cancel(long id, Instant now) {
        return update("UPDATE outbox SET state = 'CANCELLED', updated_at = ? WHERE id = ? AND state IN ('SCHEDULED', 'PENDING_REVIEW', 'FAILED', 'EXPIRED')",
                time(now), id) == 1;
    }

    /** Puts a FAILED, EXPIRED or CANCELLED row back in line, due now, its old error cleared; false otherwise. */
    public boolean retry(long id, Instant now) {
        return update("UPDATE outbox SET state = 'SCHEDULED', next_attempt_at = ?, due_at = ?, updated_at = ?, last_error = NULL "
                + "WHERE id = ? AND state IN ('FAILED', 'EXPIRED', 'CANCELLED')", time(now), time(now), time(now), id) == 1;
    }

    /** How many rows are in each state (states with none are left out). */
    public java.util.Map<OutboxState, Integer> countByState() {
        java.util.Map<OutboxState, Integer> counts = new java.util.EnumMap<>(OutboxState.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state, COUNT(*) FROM outbox GROUP BY state");
             ResultSet r = s.executeQuery()) {
            while (r.next()) counts.put(OutboxState.valueOf(r.getString(1)), r.getInt(2));
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
        return counts;
    }

    public Optional<OutboxEntry> find(long id) {
        List<OutboxEntry> found = query("SELECT " + COLUMNS + " FROM outbox WHERE id = ?", 1, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Rows, optionally in one state, in id order. */
    public List<OutboxEntry> list(Optional<OutboxState> state, int limit) {
        return state.isPresent()
                ? query("SELECT " + COLUMNS + " FROM outbox WHERE state = ? ORDER BY id", limit, state.get().name())
                : query("SELECT " + COLUMNS + " FROM outbox ORDER BY id", limit);
    }

    /**
     * The post ids the platform gave the story's other rows on the entry's channel: the posts it already has when
     * the story was posted again, none of which can be this row's.
     */
    public Set<String> otherCopiesPosts(OutboxEntry entry) {
        Set<String> ids = new HashSet<>();
        for (OutboxEntry other : query("SELECT " + COLUMNS + " FROM outbox WHERE channel = ? AND story_id = ? AND id <> ? "
                + "AND remote_id IS NOT NULL", Integer.MAX_VALUE, entry.channel(), entry.storyId(), entry.id())) {
            other.remoteId().ifPresent(ids::add);
        }
        return ids;
    }

    /** One channel's rows of one mode left in SENDING since before {@code claimedBefore}: calls whose outcome was never recorded. */
    public List<OutboxEntry> stuckSending(String channel, boolean dryRun, Instant claimedBefore) {
        return query("SELECT " + COLUMNS + " FROM outbox WHERE channel = ? AND state = 'SENDING' AND dry_run = ? AND claimed_at < ? ORDER BY id",
                Integer.MAX_VALUE, channel, dryRun, time(claimedBefore));
    }

    // --- the newsroom console and the row commands: editing, rescheduling, pausing, paging ---

    /** Replaces the text of a row not yet sent, only if it still holds {@code expected}; false if it moved on or changed. */
    public boolean edit(long id, String expected, String text, Instant now) {
        return update("UPDATE outbox SET text = ?, updated_at = ? WHERE id = ? AND text = ? AND state IN ('SCHEDULED', 'FAILED', 'EXPIRED')",
                text, time(now), id, expected) == 1;
    }

    /** Puts a row not yet sent (SCHEDULED, FAILED, EXPIRED or CANCELLED) in line for {@code at}; false otherwise. */
    public boolean rescheduleTo(long id, Instant at, Instant now) {
        return update("UPDATE outbox SET state = 'SCHEDULED', due_at = ?, next_attempt_at = ?, updated_at = ? "
                + "WHERE id = ? AND state IN ('SCHEDULED', 'FAILED', 'EXPIRED', 'CANCELLED')", time(at), time(at), time(now), id) == 1;
    }

    /** Whether an admin paused the channel: its rows wait in line until it is resumed. */
    public boolean isChannelPaused(String channel) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM paused_target WHERE kind = 'channel' AND name = ?")) {
            s.setString(1, channel);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /** What a page of the outbox shows: optional filters, and where the previous page stopped (newest due first). */
    public record PageQuery(Optional<OutboxState> state, Optional<String> channel, Optional<String> feed, Optional<String> text,
                            Optional<Cursor> after, int limit) {
    }

    /** A position in the newest-due-first order: the last row of the previous page. */
    public record Cursor(Instant due, long id) {
    }

    /** A page of rows; with free text, also where the search stopped when it read its window without filling the page. */
    public record Page(List<OutboxEntry> rows, Optional<Cursor> searchedTo) {
    }

    /** Free text reads at most this many rows per page, newest due first, so a rare word never means a scan of everything. */
    public static final int SEARCH_WINDOW = 4000;

    /**
     * One page of rows, newest due first. Paging resumes after the cursor instead of skipping rows, so every
     * page costs the same however deep it is, and the (state|channel, due_at, id) indexes serve it. Free text
     * is matched within the next {@link #SEARCH_WINDOW} rows only; {@code searchedTo} then says where to go on.
     */
    public Page page(PageQuery q) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String column : COLUMNS.split(",\\s*")) sql.append(sql.length() > 7 ? ", " : "").append("o.").append(column);
        sql.append(" FROM outbox o");
        List<Object> params = new ArrayList<>();
        if (q.feed().isPresent()) {
            sql.append(" JOIN seen_story st ON st.id = o.story_id AND st.feed = ?");
            params.add(q.feed().get());
        }
        sql.append(" WHERE 1 = 1");
        q.state().ifPresent(state -> { sql.append(" AND o.state = ?"); params.add(state.name()); });
        q.channel().ifPresent(channel -> { sql.append(" AND o.channel = ?"); params.add(channel); });
        q.after().ifPresent(cursor -> {
            sql.append(" AND (o.due_at < ? OR (o.due_at = ? AND o.id < ?))");
            params.add(time(cursor.due()));
            params.add(time(cursor.due()));
            params.add(cursor.id());
        });
        sql.append(" ORDER BY o.due_at DESC, o.id DESC");
        int limit = Math.max(1, q.limit());
        if (q.text().isEmpty()) {
            return new Page(query(sql + " FETCH FIRST " + limit + " ROWS ONLY", limit, params.toArray()), Optional.empty());
        }
        String pattern = "%" + q.text().get().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        List<Object> searchParams = new ArrayList<>(params);
        searchParams.add(pattern);
        searchParams.add(pattern);
        List<OutboxEntry> rows = query("SELECT * FROM (" + sql + " FETCH FIRST " + SEARCH_WINDOW + " ROWS ONLY) w "
                + "WHERE LOWER(w.text) LIKE ? ESCAPE '!' OR LOWER(w.link) LIKE ? ESCAPE '!' ORDER BY w.due_at DESC, w.id DESC FETCH FIRST "
                + limit + " ROWS ONLY", limit, searchParams.toArray());
        if (rows.size() >= limit) return new Page(rows, Optional.empty());
        // the window's last row, if the window was full: the search goes on from there
        List<OutboxEntry> last = query(sql + " OFFSET " + (SEARCH_WINDOW - 1) + " ROWS FETCH FIRST 1 ROWS ONLY", 1, params.toArray());
        return new Page(rows, last.stream().findFirst().map(e -> new Cursor(e.due(), e.id())));
    }

    /** Each feed's name for the stories behind these rows (rows scheduled by hand have none). */
    public java.util.Map<Long, String> feedsOf(List<OutboxEntry> rows) {
        java.util.Map<Long, String> feeds = new java.util.HashMap<>();
        if (rows.isEmpty()) return feeds;
        StringBuilder sql = new StringBuilder("SELECT id, feed FROM seen_story WHERE feed IS NOT NULL AND id IN (");
        List<Long> ids = rows.stream().map(OutboxEntry::storyId).distinct().toList();
        for (int i = 0; i < ids.size(); i++) sql.append(i == 0 ? "?" : ", ?");
        sql.append(")");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < ids.size(); i++) s.setLong(i + 1, ids.get(i));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) feeds.put(r.getLong(1), r.getString(2));
            }
            return feeds;
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    // --- calendar: the rows of a time range, each at the moment it went, goes or was meant to go ---

    /** A row placed in time for the calendar: when it went out (SENT), will go (SCHEDULED, SENDING) or was meant to. */
    public record Placed(OutboxEntry row, Instant at, String headline) {
    }

    /** Which time places a row of each state the calendar shows (CANCELLED rows are not shown). */
    private static final String[][] PLACED_BY = {
            {"SCHEDULED", "next_attempt_at"}, {"SENDING", "next_attempt_at"}, {"SENT", "sent_at"},
            {"PENDING_REVIEW", "due_at"}, {"FAILED", "due_at"}, {"EXPIRED", "due_at"}};

    /** Where {@link #placedBetween} places this row, by the same rule. */
    public static Instant placedAt(OutboxEntry e) {
        return switch (e.state()) {
            case SCHEDULED, SENDING -> e.nextAttempt();
            case SENT -> e.sentAt().orElse(e.due());
            default -> e.due();
        };
    }

    /**
     * Every row placed in {@code [from, to)}, in time order, at most {@code limit}. One statement: one arm per
     * state, each an equality on the state and a range on that state's time, so each arm reads only its own rows
     * through an index ((state, next_attempt_at), (state, sent_at) of V9, (state, due_at, id)), however large the
     * outbox is outside the range.
     */
    public List<Placed> placedBetween(Instant from, Instant to, int limit) {
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < PLACED_BY.length; i++) {
            params.add(time(from));
            params.add(time(to));
        }
        String sql = placedSql(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) s.setObject(i + 1, params.get(i));
            List<Placed> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(new Placed(entry(r), instant(r, "placed_at"), r.getString("story_headline")));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /** The statement of {@link #placedBetween}: its arms, with a (from, to) pair of parameters each, in time order. */
    static String placedSql(int limit) {
        return "SELECT * FROM (" + String.join(" UNION ALL ", placedArms()) + ") w ORDER BY w.placed_at, w.id FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY";
    }

    /** One SELECT per state: the state's rows whose placing time is in [?, ?). */
    static List<String> placedArms() {
        StringBuilder columns = new StringBuilder();
        for (String column : COLUMNS.split(",\\s*")) columns.append("o.").append(column).append(", ");
        List<String> arms = new ArrayList<>();
        for (String[] by : PLACED_BY) {
            String at = "o." + by[1];
            arms.add("SELECT " + columns + "st.headline AS story_headline, " + at + " AS placed_at FROM outbox o JOIN seen_story st ON st.id = o.story_id "
                    + "WHERE o.state = '" + by[0] + "' AND " + at + " >= ? AND " + at + " < ?");
        }
        return arms;
    }

    // --- review before posting: rows held in PENDING_REVIEW until a person approves or rejects them ---

    /**
     * As {@link #enqueueAll}, but the rows wait in PENDING_REVIEW (never sent in that state) and the story's
     * summary is kept for the reviewer.
     */
    public Enqueued enqueueForReview(Story story, Origin origin, List<Queued> posts, Instant due, Instant now) {
        return enqueue(story, origin, posts, due, now, true);
    }

    /** The summary a reviewer reads beside a held story's posts. */
    private static void keepSummary(Connection c, long storyId, Story story) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE seen_story SET summary = ? WHERE id = ?")) {
            String summary = story.summary();
            s.setString(1, summary.length() > 4000 ? summary.substring(0, 3999) + "…" : summary);
            s.setLong(2, storyId);
            s.executeUpdate();
        }
    }

    /** The story behind held rows, as a reviewer reads it. */
    public record HeldStory(long id, String headline, URI link, String summary, Optional<String> feed, Instant seenAt) {
    }

    /** Rows held for review that still wait (PENDING_REVIEW) or expired unreviewed (EXPIRED), oldest first. */
    public List<OutboxEntry> held(int limit) {
        return query("SELECT " + COLUMNS + " FROM outbox WHERE held_for_review = TRUE AND state IN ('PENDING_REVIEW', 'EXPIRED') "
                + "ORDER BY created_at, id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", limit);
    }

    /** Whether the row was held for review when it was queued. */
    public boolean wasHeld(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT held_for_review FROM outbox WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    /** The stories behind these rows. */
    public java.util.Map<Long, HeldStory> storiesOf(List<OutboxEntry> rows) {
        java.util.Map<Long, HeldStory> stories = new java.util.HashMap<>();
        List<Long> ids = rows.stream().map(OutboxEntry::storyId).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            StringBuilder sql = new StringBuilder("SELECT id, headline, link, summary, feed, seen_at FROM seen_story WHERE id IN (");
            for (int i = 0; i < chunk.size(); i++) sql.append(i == 0 ? "?" : ", ?");
            sql.append(")");
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < chunk.size(); i++) s.setLong(i + 1, chunk.get(i));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        stories.put(r.getLong(1), new HeldStory(r.getLong(1), r.getString(2), URI.create(r.getString(3)),
                                Optional.ofNullable(r.getString(4)).orElse(""), Optional.ofNullable(r.getString(5)), instant(r, "seen_at")));
                    }
                }
            } catch (SQLException e) {
                throw failure("read the outbox", e);
            }
        }
        return stories;
    }

    /** A story's rows, in id order. */
    public List<OutboxEntry> rowsOfStory(long storyId) {
        return query("SELECT " + COLUMNS + " FROM outbox WHERE story_id = ? ORDER BY id", Integer.MAX_VALUE, storyId);
    }

    /**
     * A held row to SCHEDULED, due {@code at}, with {@code text} (which must still be {@code expected}); from
     * PENDING_REVIEW, or from EXPIRED when {@code anyway}. False if the row moved on or changed meanwhile.
     */
    public boolean approve(long id, String expected, String text, Instant at, boolean anyway, Instant now) {
        String states = anyway ? "('PENDING_REVIEW', 'EXPIRED')" : "('PENDING_REVIEW')";
        return update("UPDATE outbox SET state = 'SCHEDULED', text = ?, due_at = ?, next_attempt_at = ?, last_error = NULL, updated_at = ? "
                + "WHERE id = ? AND held_for_review = TRUE AND text = ? AND state IN " + states, text, time(at), time(at), time(now), id, expected) == 1;
    }

    /** A held row (waiting or expired) to CANCELLED, the reason kept; false if it moved on. */
    public boolean reject(long id, String reason, Instant now) {
        return update("UPDATE outbox SET state = 'CANCELLED', last_error = ?, updated_at = ? "
                + "WHERE id = ? AND held_for_review = TRUE AND state IN ('PENDING_REVIEW', 'EXPIRED')", clip(reason), time(now), id) == 1;
    }

    /** One channel's rows still waiting for review that were due before {@code dueBefore}: stale news, EXPIRED. */
    public int expireHeld(String channel, Instant dueBefore, String reason, Instant now) {
        return update("UPDATE outbox SET state = 'EXPIRED', last_error = ?, updated_at = ? "
                + "WHERE channel = ? AND state = 'PENDING_REVIEW' AND due_at < ?", clip(reason), time(now), channel, time(dueBefore));
    }

    // --- end console ---

    private Optional<Long> findStory(Connection c, String link, Origin origin) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM seen_story WHERE link = ? OR (feed = ? AND guid = ?)")) {
            s.setString(1, link);
            s.setString(2, origin.feed().orElse(null));
            s.setString(3, origin.guid().orElse(null));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    private List<OutboxEntry> query(String sql, int limit, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            s.setMaxRows(limit);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(entry(r));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the outbox", e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("update the outbox", e);
        }
    }

    private static OutboxEntry entry(ResultSet r) throws SQLException {
        return new OutboxEntry(r.getLong("id"), r.getLong("story_id"), r.getString("channel"), r.getString("network"),
                r.getString("text"), Optional.ofNullable(r.getString("link")).map(URI::create),
                OutboxState.valueOf(r.getString("state")), instant(r, "due_at"), instant(r, "next_attempt_at"),
                r.getInt("attempts"), Optional.ofNullable(r.getString("last_error")), Optional.ofNullable(r.getString("remote_id")),
                Optional.ofNullable(r.getString("remote_url")).map(URI::create), instant(r, "created_at"), instant(r, "updated_at"),
                Optional.ofNullable(r.getObject("sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant), r.getBoolean("dry_run"),
                Optional.ofNullable(r.getString("confidence")).map(Confidence::of), Optional.ofNullable(r.getString("confidence_reason")),
                Optional.ofNullable(r.getString("claimed_by")));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static long generatedKey(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            if (!keys.next()) throw new SQLException("no generated key");
            return keys.getLong(1);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "23001".equals(state);
    }

    private static String clip(String reason) {
        return reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason;
    }

    private static StorageException failure(String what, SQLException e) {
        return new StorageException("cannot " + what + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
    }
}
