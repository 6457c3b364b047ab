package org.herald.outbox;

import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.Network;
import org.herald.config.StorageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar's one query: each state placed at its own time, [from, to) exactly, in time order, through indexes. */
class OutboxCalendarTest {
    static final Instant FROM = Instant.parse("2026-12-06T23:00:00Z");
    static final Instant TO = Instant.parse("2026-12-13T23:00:00Z");

    @TempDir
    Path dir;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("h").toAbsolutePath(), "sa", Optional.empty()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void placesEachStateAtItsTimeWithinTheRange() {
        checkPlacement(new Outbox(database.dataSource()));
    }

    @Test
    void everyArmReadsThroughAnIndexOnItsStateAndTime() throws Exception {
        // index, state, time column: H2 writes the index it reads and the conditions it applies to it in a comment
        String[][] expected = {{"OUTBOX_DUE", "SCHEDULED", "NEXT_ATTEMPT_AT"}, {"OUTBOX_DUE", "SENDING", "NEXT_ATTEMPT_AT"},
                {"OUTBOX_STATE_SENT", "SENT", "SENT_AT"}, {"OUTBOX_QUEUE_STATE", "PENDING_REVIEW", "DUE_AT"},
                {"OUTBOX_QUEUE_STATE", "FAILED", "DUE_AT"}, {"OUTBOX_QUEUE_STATE", "EXPIRED", "DUE_AT"}};
        List<String> arms = Outbox.placedArms();
        assertThat(arms).hasSize(expected.length);
        try (Connection c = database.dataSource().getConnection()) {
            for (int i = 0; i < arms.size(); i++) {
                try (PreparedStatement s = c.prepareStatement("EXPLAIN " + arms.get(i))) {
                    s.setObject(1, FROM.atOffset(ZoneOffset.UTC));
                    s.setObject(2, TO.atOffset(ZoneOffset.UTC));
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        String plan = r.getString(1).replace("\n", " ").replaceAll("\\s+", " ");
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("FROM \"PUBLIC\".\"OUTBOX\" \"O\" /\\* PUBLIC\\."
                                + expected[i][0] + ": ([^*]*)\\*/").matcher(plan);
                        assertThat(m.find()).as(plan).isTrue();
                        assertThat(m.group(1)).as(plan).contains("STATE = '" + expected[i][1] + "'").contains(expected[i][2] + " >= ?1")
                                .contains(expected[i][2] + " < ?2");
                    }
                }
            }
        }
    }

    /** Shared with the PostgreSQL test: the same rows, the same answers. */
    static void checkPlacement(Outbox outbox) {
        Instant now = FROM.minus(Duration.ofDays(30));
        long scheduled = add(outbox, "scheduled", FROM.plusSeconds(3600), now);
        long retried = add(outbox, "retried", FROM.minus(Duration.ofDays(2)), now);   // due before the week, next attempt inside it
        outbox.claim(retried, "t", FROM.minus(Duration.ofDays(2)));
        outbox.reschedule(retried, FROM.plusSeconds(7200), "429", FROM.minus(Duration.ofDays(2)));
        long sentLate = add(outbox, "sent late", FROM.minus(Duration.ofDays(1)), now);  // due before, sent inside
        outbox.claim(sentLate, "t", FROM.plusSeconds(60));
        outbox.markSent(sentLate, "1", URI.create("https://x.com/i/web/status/1"), FROM.plusSeconds(60));
        long sentBefore = add(outbox, "sent before", FROM.plusSeconds(100), now);        // due inside, but was sent before the week
        outbox.claim(sentBefore, "t", FROM.minusSeconds(1));
        outbox.markSent(sentBefore, "2", URI.create("https://x.com/i/web/status/2"), FROM.minusSeconds(1));
        long failed = add(outbox, "failed", TO.minusSeconds(1), now);
        outbox.claim(failed, "t", TO.minusSeconds(1));
        outbox.markFailed(failed, "no", TO.minusSeconds(1));
        long expired = add(outbox, "expired", FROM, now);
        outbox.expire(expired, "late", now);
        long cancelled = add(outbox, "cancelled", FROM.plusSeconds(500), now);
        outbox.cancel(cancelled, now);
        long atTheEnd = add(outbox, "at the end", TO, now);
        long held = ((Outbox.Enqueued.New) outbox.enqueueForReview(story("held"), new Outbox.Origin(Optional.of("wire"), Optional.of("held")),
                List.of(new Outbox.Queued(post("held"), false)), FROM.plusSeconds(30), now)).entryIds().get(0);

        List<Outbox.Placed> placed = outbox.placedBetween(FROM, TO, 100);
        Map<Long, Instant> at = new java.util.LinkedHashMap<>();
        placed.forEach(p -> at.put(p.row().id(), p.at()));
        assertThat(at).containsExactly(Map.entry(expired, FROM), Map.entry(held, FROM.plusSeconds(30)), Map.entry(sentLate, FROM.plusSeconds(60)),
                Map.entry(scheduled, FROM.plusSeconds(3600)), Map.entry(retried, FROM.plusSeconds(7200)), Map.entry(failed, TO.minusSeconds(1)));
        assertThat(at).doesNotContainKeys(cancelled, atTheEnd, sentBefore);
        assertThat(placed.get(1).headline()).isEqualTo("held");
        assertThat(placed.get(1).row().state()).isEqualTo(OutboxState.PENDING_REVIEW);
        placed.forEach(p -> assertThat(Outbox.placedAt(p.row())).isEqualTo(p.at()));
        assertThat(outbox.placedBetween(FROM, TO, 2)).extracting(p -> p.row().id()).containsExactly(expired, held);
    }

    private static long add(Outbox outbox, String headline, Instant due, Instant now) {
        return ((Outbox.Enqueued.New) outbox.enqueue(story(headline), Outbox.Origin.BY_HAND, List.of(post(headline)), due, now)).entryIds().get(0);
    }

    private static Story story(String headline) {
        return new Story("t", headline, Optional.of(URI.create("https://example.com/" + headline.replace(' ', '-'))), "", "en", Direction.LTR,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Post post(String headline) {
        String link = "https://example.com/" + headline.replace(' ', '-');
        return new Post("x-main", Network.X, headline + " " + link, Optional.of(URI.create(link)), 0, 280, true, false);
    }
}
