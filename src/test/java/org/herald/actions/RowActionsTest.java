package org.herald.actions;

import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.Network;
import org.herald.config.StorageSettings;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxState;
import org.herald.publish.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Edit and reschedule rules on a real H2 outbox: X's count, the link kept, moved-on rows refused. */
class RowActionsTest {
    private static final String LINK = "https://news.example.org/2026/11/25/budget";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private Database database;
    private Outbox outbox;
    private RowActions actions;
    private long x;
    private long facebook;

    @BeforeEach
    void open() {
        database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("h").toAbsolutePath(), "sa", Optional.empty()));
        outbox = new Outbox(database.dataSource());
        actions = new RowActions(outbox, clock);
        Story story = new Story("test", "Council approves budget", Optional.of(URI.create(LINK)), "", "en", Direction.LTR,
                Optional.empty(), Optional.empty(), Optional.empty());
        var ids = ((Outbox.Enqueued.New) outbox.enqueue(story, Outbox.Origin.BY_HAND, List.of(
                new Post("x-main", Network.X, "Council approves budget " + LINK, Optional.of(URI.create(LINK)), 47, 280, true, false),
                new Post("fb-main", Network.FACEBOOK, "Council approves budget", Optional.of(URI.create(LINK)), 23, 63206, true, false)),
                clock.instant().plus(Duration.ofHours(1)), clock.instant())).entryIds();
        x = ids.get(0);
        facebook = ids.get(1);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anXEditOverTheLimitIsRefusedWithItsWeightedLength() {
        String tooLong = "長".repeat(130) + " " + LINK;     // CJK counts 2: 260 + 1 + 23 = 284
        RowAction result = actions.edit(x, tooLong);
        assertThat(result.message()).isEqualTo("row " + x + ": the tweet is 284/280 as X counts it (links count 23, CJK and emoji 2); shorten it by 4");
        assertThat(outbox.find(x).orElseThrow().text()).isEqualTo("Council approves budget " + LINK);
        assertThat(actions.edit(x, "長".repeat(128) + " " + LINK)).isInstanceOf(RowAction.Done.class);
    }

    @Test
    void anXEditMustKeepTheLinkAndTheLinkColumnNeverChanges() {
        assertThat(actions.edit(x, "Budget passes").message()).isEqualTo("row " + x + ": the tweet must keep the story's link " + LINK);
        assertThat(actions.edit(facebook, "Budget passes 7-2")).isInstanceOf(RowAction.Done.class);
        assertThat(outbox.find(facebook).orElseThrow().link()).contains(URI.create(LINK));
        assertThat(outbox.find(facebook).orElseThrow().text()).isEqualTo("Budget passes 7-2");
    }

    @Test
    void aRowHeldForReviewCanBeCancelledAndIsThenNeverDue() {
        Story held = new Story("test", "Unconfirmed merger report", Optional.of(URI.create("https://news.example.org/merger")), "", "en",
                Direction.LTR, Optional.empty(), Optional.empty(), Optional.empty());
        long id = ((Outbox.Enqueued.New) outbox.enqueueForReview(held, Outbox.Origin.BY_HAND, List.of(new Outbox.Queued(
                new Post("x-main", Network.X, "Unconfirmed merger report https://news.example.org/merger",
                        Optional.of(URI.create("https://news.example.org/merger")), 50, 280, true, false), false)),
                clock.instant(), clock.instant())).entryIds().get(0);
        assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.PENDING_REVIEW);
        assertThat(RowActions.cancellable(OutboxState.PENDING_REVIEW)).isTrue();
        assertThat(actions.cancel(id)).isInstanceOf(RowAction.Done.class);
        assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.CANCELLED);
        assertThat(outbox.due("x-main", false, clock.instant().plus(Duration.ofDays(1)), 10)).extracting(e -> e.id()).doesNotContain(id);
    }

    @Test
    void actionsOnRowsThatMovedOnAreRefusedAndNeverAppliedTwice() {
        assertThat(actions.cancel(x)).isInstanceOf(RowAction.Done.class);
        assertThat(actions.cancel(x).message()).isEqualTo("row " + x + " is CANCELLED; it can be cancelled only while SCHEDULED, PENDING_REVIEW, FAILED or EXPIRED");
        assertThat(actions.edit(x, "new " + LINK).message()).contains("is CANCELLED; it can be edited only while");
        assertThat(outbox.claim(facebook, "test", clock.instant())).isTrue();
        outbox.markSent(facebook, "99", URI.create("https://www.facebook.com/99"), clock.instant());
        assertThat(actions.reschedule(facebook, clock.instant().plusSeconds(60), ZoneId.of("UTC")).message())
                .isEqualTo("row " + facebook + " is SENT; it can be rescheduled only while SCHEDULED, FAILED, EXPIRED or CANCELLED");
        assertThat(actions.retry(facebook).message()).isEqualTo("row " + facebook + " is SENT; it can be retried only when FAILED, EXPIRED or CANCELLED");
        assertThat(actions.cancel(424242).message()).isEqualTo("there is no outbox row 424242");
    }

    @Test
    void rescheduleMovesTheRowAndRefusesThePast() {
        Instant at = Instant.parse("2026-11-25T18:30:00Z");
        RowAction done = actions.reschedule(x, at, ZoneId.of("Asia/Tokyo"));
        assertThat(done.message()).isEqualTo("row " + x + " (x-main): scheduled for 2026-11-26 03:30 JST");
        assertThat(outbox.find(x).orElseThrow().nextAttempt()).isEqualTo(at);
        assertThat(outbox.find(x).orElseThrow().state()).isEqualTo(OutboxState.SCHEDULED);
        assertThat(actions.reschedule(x, clock.instant().minus(Duration.ofHours(2)), ZoneId.of("UTC")).message()).contains("is in the past");
    }
}
