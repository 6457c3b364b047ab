package org.herald.outbox;

import org.herald.compose.Post;
import org.herald.condense.Confidence;
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
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox on a real embedded H2 file, migrated by Flyway like Herald's own. */
class OutboxTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    private Database database;
    private Outbox outbox;

    @BeforeEach
    void open() {
        database = Database.open(settings());
        outbox = new Outbox(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private StorageSettings settings() {
        return new StorageSettings("jdbc:h2:file:" + dir.resolve("herald").toAbsolutePath(), "sa", Optional.empty());
    }

    private static Story story(String link) {
        return new Story("feed.xml", "Headline for " + link, Optional.of(URI.create(link)), "Summary.", "en", Direction.LTR,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static List<Post> posts(String link) {
        return List.of(new Post("x-main", Network.X, "Headline " + link, Optional.of(URI.create(link)), 40, 280, true, false),
                new Post("fb-main", Network.FACEBOOK, "Headline", Optional.of(URI.create(link)), 8, 63206, true, false));
    }

    @Test
    void migrationCreatesQuartzTablesFromItsJarAndHeraldsTables() throws Exception {
        try (Connection c = database.dataSource().getConnection();
             ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) names.add(tables.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
            assertThat(names).contains("QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_LOCKS", "QRTZ_FIRED_TRIGGERS",
                    "FEED_STATE", "SEEN_STORY", "OUTBOX");
        }
    }

    @Test
    void aStoryIsRecordedOnceByLinkOrByFeedGuidAcrossRestarts() {
        Outbox.Origin origin = new Outbox.Origin(Optional.of("newsroom"), Optional.of("guid-1"));
        Outbox.Enqueued first = outbox.enqueue(story("https://example.com/a"), origin, posts("https://example.com/a"), NOW, NOW);
        assertThat(first).isInstanceOf(Outbox.Enqueued.New.class);
        assertThat(((Outbox.Enqueued.New) first).entryIds()).hasSize(2);

        assertThat(outbox.enqueue(story("https://example.com/a"), new Outbox.Origin(Optional.of("newsroom"), Optional.of("guid-2")),
                posts("https://example.com/a"), NOW, NOW)).isInstanceOf(Outbox.Enqueued.AlreadySeen.class);
        assertThat(outbox.enqueue(story("https://example.com/b"), origin, posts("https://example.com/b"), NOW, NOW))
                .isInstanceOf(Outbox.Enqueued.AlreadySeen.class);

        database.close();
        database = Database.open(settings());
        outbox = new Outbox(database.dataSource());
        assertThat(outbox.hasSeen(URI.create("https://example.com/a"), Outbox.Origin.BY_HAND)).isTrue();
        assertThat(outbox.list(Optional.empty(), 100)).hasSize(2);
    }

    @Test
    void everyRowKeepsHowSureCondensingWasOfTheHeadline() {
        Story doubtful = new Story("page.html", "Market Insider", Optional.of(URI.create("https://example.com/c")), "Summary.", "en",
                Direction.LTR, Optional.empty(), Optional.empty(), Optional.empty(), Confidence.LOW, "the og:title shares no words with the h1");
        outbox.enqueue(doubtful, Outbox.Origin.BY_HAND, posts("https://example.com/c"), NOW, NOW);
        assertThat(outbox.list(Optional.empty(), 10)).hasSize(2).allSatisfy(row -> {
            assertThat(row.confidence()).contains(Confidence.LOW);
            assertThat(row.confidenceReason()).contains("the og:title shares no words with the h1");
        });
    }

    @Test
    void onlyOneWorkerCanClaimARowAndEveryTransitionIsRecorded() {
        long id = ((Outbox.Enqueued.New) outbox.enqueue(story("https://example.com/c"), Outbox.Origin.BY_HAND,
                posts("https://example.com/c"), NOW, NOW)).entryIds().get(0);
        assertThat(outbox.due("x-main", false, NOW, 10)).extracting(OutboxEntry::id).contains(id);
        assertThat(outbox.due("x-main", false, NOW.minusSeconds(1), 10)).isEmpty();

        assertThat(outbox.claim(id, "node-a", NOW)).isTrue();
        assertThat(outbox.claim(id, "node-b", NOW)).isFalse();
        outbox.reschedule(id, NOW.plusSeconds(60), "X answered 503", NOW);
        OutboxEntry retrying = outbox.find(id).orElseThrow();
        assertThat(retrying.state()).isEqualTo(OutboxState.SCHEDULED);
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(retrying.lastError()).contains("X answered 503");
        assertThat(retrying.nextAttempt()).isEqualTo(NOW.plusSeconds(60));

        assertThat(outbox.claim(id, "node-a", NOW.plusSeconds(60))).isTrue();
        outbox.markSent(id, "1850000000000000001", URI.create("https://x.com/i/web/status/1850000000000000001"), NOW.plusSeconds(61));
        OutboxEntry sent = outbox.find(id).orElseThrow();
        assertThat(sent.state()).isEqualTo(OutboxState.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.remoteId()).contains("1850000000000000001");
        assertThat(sent.sentAt()).contains(NOW.plusSeconds(61));
        assertThat(outbox.cancel(id, NOW)).isFalse();
        assertThat(outbox.retry(id, NOW)).isFalse();
    }

    @Test
    void failedRowsCanBeRetriedAndScheduledRowsCancelledOrExpired() {
        List<Long> ids = ((Outbox.Enqueued.New) outbox.enqueue(story("https://example.com/d"), Outbox.Origin.BY_HAND,
                posts("https://example.com/d"), NOW.plus(Duration.ofHours(1)), NOW)).entryIds();
        long x = ids.get(0);
        long fb = ids.get(1);
        assertThat(outbox.claim(x, "n", NOW)).isTrue();
        outbox.markFailed(x, "X refused the post (400 bad)", NOW);
        assertThat(outbox.list(Optional.of(OutboxState.FAILED), 10)).extracting(OutboxEntry::id).containsExactly(x);
        assertThat(outbox.retry(x, NOW)).isTrue();
        assertThat(outbox.find(x).orElseThrow().state()).isEqualTo(OutboxState.SCHEDULED);

        assertThat(outbox.cancel(fb, NOW)).isTrue();
        assertThat(outbox.find(fb).orElseThrow().state()).isEqualTo(OutboxState.CANCELLED);
        assertThat(outbox.expire(x, "6 h late", NOW)).isTrue();
        assertThat(outbox.find(x).orElseThrow().state()).isEqualTo(OutboxState.EXPIRED);
    }

    @Test
    void rowsLeftSendingAreFoundForReconciliation() {
        long id = ((Outbox.Enqueued.New) outbox.enqueue(story("https://example.com/e"), Outbox.Origin.BY_HAND,
                posts("https://example.com/e"), NOW, NOW)).entryIds().get(0);
        outbox.claim(id, "n", NOW);
        assertThat(outbox.stuckSending("x-main", false, NOW.plusSeconds(1))).extracting(OutboxEntry::id).containsExactly(id);
        assertThat(outbox.stuckSending("x-main", false, NOW)).isEmpty();
    }

    @Test
    void byHandAStoryAChannelHasIsRefusedNamingTheRowUnlessPostedAgainAsANewCopy() {
        String link = "https://example.com/again";
        List<Outbox.Queued> both = Outbox.Queued.live(posts(link));
        List<Outbox.ByHand> first = outbox.addByHand(story(link), both, NOW, NOW, Optional.empty());
        long x = ((Outbox.ByHand.Added) first.get(0)).id();
        outbox.claim(x, "test", NOW);
        outbox.markSent(x, "1", URI.create("https://x.com/i/web/status/1"), NOW);
        assertThat(outbox.alreadyThere(URI.create(link), both)).extracting(OutboxEntry::id)
                .containsExactly(x, ((Outbox.ByHand.Added) first.get(1)).id());

        List<Outbox.ByHand> refused = outbox.addByHand(story(link), both.subList(0, 1), NOW, NOW, Optional.empty(), false, false);
        assertThat(refused).singleElement().isInstanceOfSatisfying(Outbox.ByHand.AlreadyThere.class,
                there -> assertThat(there.existing().id()).isEqualTo(x));

        List<Outbox.ByHand> again = outbox.addByHand(story(link), both.subList(0, 1), NOW.plusSeconds(60), NOW, Optional.empty(), false, true);
        long second = ((Outbox.ByHand.Added) again.get(0)).id();
        assertThat(second).isNotEqualTo(x);
        assertThat(outbox.find(second).orElseThrow()).satisfies(row -> {
            assertThat(row.state()).isEqualTo(OutboxState.SCHEDULED);
            assertThat(row.storyId()).isEqualTo(outbox.find(x).orElseThrow().storyId());
            assertThat(row.due()).isEqualTo(NOW.plusSeconds(60));
        });
        long third = ((Outbox.ByHand.Added) outbox.addByHand(story(link), both.subList(0, 1), NOW, NOW, Optional.empty(), false, true).get(0)).id();
        // the latest copy is what a person is told about next time
        assertThat(outbox.alreadyThere(URI.create(link), both.subList(0, 1))).extracting(OutboxEntry::id).containsExactly(third);
        assertThat(outbox.rowsOfStory(outbox.find(x).orElseThrow().storyId())).hasSize(4);
        // what the platform gave the other copies on this channel, which a cut-off call of this one must not take
        assertThat(outbox.otherCopiesPosts(outbox.find(second).orElseThrow())).containsExactly("1");
        assertThat(outbox.otherCopiesPosts(outbox.find(x).orElseThrow())).isEmpty();
        // a feed bringing the same link still adds nothing
        assertThat(outbox.enqueue(story(link), new Outbox.Origin(Optional.of("f"), Optional.of("g")), posts(link), NOW, NOW))
                .isInstanceOf(Outbox.Enqueued.AlreadySeen.class);
    }
}
