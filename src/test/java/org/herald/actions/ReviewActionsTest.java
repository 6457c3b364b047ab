package org.herald.actions;

import org.herald.access.Activity;
import org.herald.access.ActivityLog;
import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.Network;
import org.herald.config.StorageSettings;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.publish.MutableClock;
import org.herald.publish.TestChannels;
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

/** Review rules on a real H2 outbox: held rows are never due, approve (with an edit), reject, stale rows expire. */
class ReviewActionsTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private Database database;
    private Outbox outbox;
    private ActivityLog activity;
    private ReviewActions review;

    @BeforeEach
    void open() {
        database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("h").toAbsolutePath(), "sa", Optional.empty()));
        outbox = new Outbox(database.dataSource());
        activity = new ActivityLog(database.dataSource(), clock);
        // both channels with the default max-lateness of Pacing.none(): 6 h
        review = new ReviewActions(outbox, clock, List.of(TestChannels.x("http://127.0.0.1:9"), TestChannels.facebook("http://127.0.0.1:9")),
                activity);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<Long> held(String slug) {
        String link = "https://news.example.org/" + slug;
        Story story = new Story("feed", "Headline of " + slug, Optional.of(URI.create(link)), "Summary of " + slug + ".", "en",
                Direction.LTR, Optional.empty(), Optional.empty(), Optional.empty());
        var enqueued = outbox.enqueueForReview(story, new Outbox.Origin(Optional.of("newsroom"), Optional.of(slug)), List.of(
                new Outbox.Queued(new Post("x-main", Network.X, "Headline of " + slug + " " + link, Optional.of(URI.create(link)), 40, 280, true, false), false),
                new Outbox.Queued(new Post("fb-main", Network.FACEBOOK, "Headline of " + slug, Optional.of(URI.create(link)), 20, 63206, true, false), false)),
                clock.instant(), clock.instant());
        return ((Outbox.Enqueued.New) enqueued).entryIds();
    }

    private OutboxEntry row(long id) {
        return outbox.find(id).orElseThrow();
    }

    @Test
    void heldRowsAreNeverDueAndAreListedByStoryOldestFirst() {
        List<Long> first = held("first");
        clock.advance(Duration.ofMinutes(1));
        held("second");
        assertThat(row(first.get(0)).state()).isEqualTo(OutboxState.PENDING_REVIEW);
        assertThat(outbox.due("x-main", false, clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
        List<ReviewActions.Held> pending = review.pending(100);
        assertThat(pending).extracting(h -> h.story().headline()).containsExactly("Headline of first", "Headline of second");
        assertThat(pending.get(0).story().summary()).isEqualTo("Summary of first.");
        assertThat(pending.get(0).story().feed()).contains("newsroom");
        assertThat(pending.get(0).rows()).extracting(OutboxEntry::channel).containsExactly("x-main", "fb-main");
    }

    @Test
    void approvingWithAnEditSchedulesTheEditedTextAndLogsBothWithTheName() {
        long x = held("budget").get(0);
        String edited = "Budget passes 7-2 https://news.example.org/budget";
        RowAction result = review.approve("maya", x, Optional.of(edited), Optional.empty(), false, UTC);
        assertThat(result).isInstanceOf(RowAction.Done.class);
        assertThat(result.message()).isEqualTo("row " + x + " (x-main): approved with the edited text, due now");
        assertThat(row(x).state()).isEqualTo(OutboxState.SCHEDULED);
        assertThat(row(x).text()).isEqualTo(edited);
        assertThat(outbox.due("x-main", false, clock.instant(), 10)).extracting(OutboxEntry::id).containsExactly(x);
        List<Activity> log = activity.recent(Optional.of(x), Optional.empty(), 10);
        assertThat(log).extracting(Activity::action).containsExactly("approve", "edit");
        assertThat(log).extracting(Activity::actor).containsOnly("maya");
        assertThat(review.approve("maya", x, Optional.empty(), Optional.empty(), false, UTC).message())
                .isEqualTo("row " + x + " is SCHEDULED; only rows waiting for review can be approved");
    }

    @Test
    void anEditOverXsLimitIsRefusedAndTheRowStaysHeld() {
        long x = held("long").get(0);
        RowAction result = review.approve("maya", x, Optional.of("長".repeat(130) + " https://news.example.org/long"), Optional.empty(), false, UTC);
        assertThat(result.message()).isEqualTo("row " + x + ": the tweet is 284/280 as X counts it (links count 23, CJK and emoji 2); shorten it by 4");
        assertThat(row(x).state()).isEqualTo(OutboxState.PENDING_REVIEW);
        assertThat(activity.recent(Optional.of(x), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void approvingAtALaterTimeSchedulesItThen() {
        long fb = held("later").get(1);
        Instant at = clock.instant().plus(Duration.ofHours(2));
        assertThat(review.approve("maya", fb, Optional.empty(), Optional.of(at), false, UTC).message())
                .isEqualTo("row " + fb + " (fb-main): approved, due 2026-11-25 11:00 UTC");
        assertThat(row(fb).due()).isEqualTo(at);
        assertThat(review.approve("maya", held("past").get(1), Optional.empty(), Optional.of(clock.instant().minus(Duration.ofHours(1))), false, UTC)
                .message()).endsWith("is in the past; pick a later time");
    }

    @Test
    void rejectingCancelsWithTheReviewersNameAndReason() {
        List<Long> ids = held("rumour");
        RowAction result = review.reject("ali", ids.get(0), Optional.of("not confirmed"));
        assertThat(result.message()).isEqualTo("row " + ids.get(0) + " (x-main): rejected by ali: not confirmed");
        assertThat(row(ids.get(0)).state()).isEqualTo(OutboxState.CANCELLED);
        assertThat(row(ids.get(0)).lastError()).contains("rejected by ali: not confirmed");
        assertThat(activity.recent(Optional.of(ids.get(0)), Optional.empty(), 10)).singleElement()
                .satisfies(a -> assertThat(a.actor() + " " + a.action() + " " + a.detail()).isEqualTo("ali reject was PENDING_REVIEW; reason: not confirmed"));
        assertThat(review.reject("ali", ids.get(0), Optional.empty()).message()).contains("is CANCELLED");
    }

    @Test
    void aWholeStoryIsApprovedOrRejectedOnAllItsChannels() {
        List<Long> a = held("a");
        List<Long> b = held("b");
        assertThat(ReviewActions.combined(a.get(1), review.approveStory("maya", a.get(1), Optional.empty(), false, UTC)))
                .isInstanceOf(RowAction.Done.class);
        assertThat(a).allSatisfy(id -> assertThat(row(id).state()).isEqualTo(OutboxState.SCHEDULED));
        assertThat(ReviewActions.combined(b.get(0), review.rejectStory("maya", b.get(0), Optional.empty()))).isInstanceOf(RowAction.Done.class);
        assertThat(b).allSatisfy(id -> assertThat(row(id).state()).isEqualTo(OutboxState.CANCELLED));
        assertThat(review.pending(100)).isEmpty();
    }

    @Test
    void aRowLeftPastMaxLatenessExpiresAndIsPostedOnlyAnyway() {
        long x = held("stale").get(0);
        clock.advance(Duration.ofHours(6).plusSeconds(1));
        List<ReviewActions.Held> pending = review.pending(100);
        assertThat(pending.get(0).rows()).extracting(OutboxEntry::state).containsOnly(OutboxState.EXPIRED);
        assertThat(row(x).lastError()).contains("not reviewed within max-lateness 6 h");
        assertThat(review.approve("maya", x, Optional.empty(), Optional.empty(), false, UTC).message())
                .startsWith("row " + x + " (x-main) expired unreviewed (not reviewed within max-lateness 6 h); approve it with \"post anyway\"");
        assertThat(row(x).state()).isEqualTo(OutboxState.EXPIRED);
        assertThat(review.approve("maya", x, Optional.empty(), Optional.empty(), true, UTC)).isInstanceOf(RowAction.Done.class);
        assertThat(row(x).state()).isEqualTo(OutboxState.SCHEDULED);
        assertThat(row(x).due()).isEqualTo(clock.instant());
    }

    @Test
    void rowsNotHeldForReviewCannotBeApprovedOrRejected() {
        Story story = new Story("hand", "By hand", Optional.of(URI.create("https://news.example.org/hand")), "", "en", Direction.LTR,
                Optional.empty(), Optional.empty(), Optional.empty());
        long id = ((Outbox.Enqueued.New) outbox.enqueue(story, Outbox.Origin.BY_HAND, List.of(new Post("x-main", Network.X,
                "By hand https://news.example.org/hand", Optional.of(URI.create("https://news.example.org/hand")), 30, 280, true, false)),
                clock.instant(), clock.instant())).entryIds().get(0);
        assertThat(review.approve("maya", id, Optional.empty(), Optional.empty(), true, UTC).message()).isEqualTo("there is no row " + id + " held for review");
        assertThat(review.reject("maya", id, Optional.empty()).message()).isEqualTo("there is no row " + id + " held for review");
        assertThat(row(id).state()).isEqualTo(OutboxState.SCHEDULED);
    }
}
