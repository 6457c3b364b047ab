package org.herald.schedule;

import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.Network;
import org.herald.config.StorageSettings;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxState;
import org.herald.publish.AccountCheck;
import org.herald.publish.MutableClock;
import org.herald.publish.PublishOutcome;
import org.herald.publish.Publisher;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Where the interaction with the platform is the point: a paused channel never calls its publisher, and an
 * uncertain outcome (or a row a dead node left mid-call) is looked up on the platform before anything is re-sent.
 */
class SendCycleInteractionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final URI POST_URL = URI.create("https://www.facebook.com/1234567890_1");

    @TempDir
    Path dir;

    private Database database;
    private Outbox outbox;
    private final MutableClock clock = new MutableClock(NOW);
    private final Publisher publisher = mock(Publisher.class);
    private final ChannelSettings channel = TestChannels.facebook("http://127.0.0.1:1/");

    @BeforeEach
    void open() {
        database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("herald").toAbsolutePath(), "sa", Optional.empty()));
        outbox = new Outbox(database.dataSource());
        when(publisher.channel()).thenReturn(channel.name());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long queue(int n) {
        String link = "https://example.com/story/" + n;
        Story story = new Story("t", "Story " + n, Optional.of(URI.create(link)), "", "en", Direction.LTR, Optional.empty(),
                Optional.empty(), Optional.empty());
        Post post = new Post(channel.name(), Network.FACEBOOK, "Story " + n, Optional.of(URI.create(link)), 0, 0, true, false);
        return ((Outbox.Enqueued.New) outbox.enqueue(story, Outbox.Origin.BY_HAND, List.of(post), NOW, NOW)).entryIds().get(0);
    }

    private SendCycle cycle(SendCycle.Orphans orphans) {
        return new SendCycle(channel, publisher, outbox, 8, clock, "node-a", new Random(1), Activity.NONE, orphans);
    }

    @Test
    void aPausedChannelNeverCallsItsPublisher() {
        queue(1);
        queue(2);
        when(publisher.publish(any())).thenReturn(new PublishOutcome.AuthFailed("the Page token was revoked"));
        when(publisher.check()).thenReturn(new AccountCheck.Failed("the Page token was revoked"));
        SendCycle cycle = cycle(SendCycle.Orphans.NONE);

        cycle.run();
        assertThat(cycle.isPaused()).isTrue();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(30));
            cycle.run();
        }
        clock.advance(Duration.ofMinutes(5));   // the credentials are probed again, and still fail
        cycle.run();

        verify(publisher, times(1)).publish(any());
        verify(publisher, times(1)).check();
        assertThat(outbox.list(Optional.empty(), 10)).allMatch(r -> r.state() == OutboxState.SCHEDULED);
    }

    @Test
    void anUncertainOutcomeIsLookedUpBeforeItIsSentAgain() {
        long id = queue(1);
        when(publisher.publish(any())).thenReturn(new PublishOutcome.Uncertain(NOW, "the connection dropped after the request was sent"))
                .thenReturn(new PublishOutcome.Published("1234567890_1", POST_URL));
        when(publisher.findPublished(any(), any(), any())).thenReturn(Optional.empty());
        SendCycle cycle = cycle(SendCycle.Orphans.NONE);

        cycle.run();
        clock.advance(Duration.ofMinutes(2));   // past the first backoff
        cycle.run();

        InOrder order = inOrder(publisher);
        order.verify(publisher).publish(any());
        // only what was posted after the row was queued can be this row's post (not an original posted again)
        order.verify(publisher).findPublished(any(), eq(outbox.find(id).orElseThrow().createdAt()), eq(Set.of()));
        order.verify(publisher).publish(any());
        assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    }

    @Test
    void aRowADeadNodeLeftMidCallIsLookedUpAndNeverSentAgainWhenFound() {
        long id = queue(1);
        outbox.claim(id, "node-dead", NOW);
        when(publisher.findPublished(any(), any(), any())).thenReturn(Optional.of(new PublishOutcome.Published("1234567890_1", POST_URL)));
        SendCycle.Orphans cluster = orphans(Duration.ofSeconds(30), "node-dead", false);
        SendCycle cycle = cycle(cluster);

        clock.advance(Duration.ofSeconds(10));   // not abandoned yet: younger than the sending time-out
        cycle.run();
        verify(publisher, never()).findPublished(any(), any(), any());

        clock.advance(Duration.ofSeconds(30));
        cycle.run();
        verify(publisher, times(1)).findPublished(any(), eq(outbox.find(id).orElseThrow().createdAt()), eq(Set.of()));
        verify(publisher, never()).publish(any());
        assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    }

    @Test
    void aLiveNodesRowIsNeverTakenFromItHoweverOld() {
        long id = queue(1);
        outbox.claim(id, "node-slow", NOW);
        SendCycle cycle = cycle(orphans(Duration.ofSeconds(30), "node-slow", true));

        clock.advance(Duration.ofMinutes(10));
        cycle.run();

        verify(publisher, never()).findPublished(any(), any(), any());
        verify(publisher, never()).publish(any());
        assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.SENDING);
    }

    private static SendCycle.Orphans orphans(Duration sendingTimeout, String claimer, boolean live) {
        return new SendCycle.Orphans() {
            @Override
            public Optional<Instant> claimedBefore(Instant now) {
                return Optional.of(now.minus(sendingTimeout));
            }

            @Override
            public boolean claimerIsLive(String who, Instant now) {
                return who.equals(claimer) && live;
            }
        };
    }
}
