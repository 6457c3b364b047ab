package org.herald.access;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.Network;
import org.herald.config.StorageSettings;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxState;
import org.herald.outbox.Pauses;
import org.herald.publish.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's tables (V4) on PostgreSQL: users, sessions, throttle, activity, pauses and the queue's keyset paging. */
class PostgresAccessTest {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) postgres.close();
    }

    @Test
    void theConsoleStoresWorkOnPostgres() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
        try (Database database = Database.open(new StorageSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres",
                Optional.empty()))) {
            Users users = new Users(database.dataSource(), clock);
            assertThat(users.isEmpty()).isTrue();
            assertThat(users.add("ana", Role.EDITOR, "a long password".toCharArray())).isInstanceOf(Users.Change.Done.class);
            assertThat(users.add("ana", Role.ADMIN, "a long password".toCharArray())).isEqualTo(new Users.Change.Refused("there is already a user ana"));
            User ana = users.authenticate("ana", "a long password".toCharArray()).orElseThrow();
            assertThat(users.authenticate("ana", "wrong password".toCharArray())).isEmpty();

            Sessions sessions = new Sessions(database.dataSource(), users, clock);
            Sessions.Created created = sessions.create(ana, "127.0.0.1");
            assertThat(sessions.find(created.id(), Duration.ofHours(12))).hasValueSatisfying(s -> assertThat(s.user().name()).isEqualTo("ana"));
            sessions.flash(created.session(), "row 5 cancelled");
            assertThat(sessions.takeFlash(created.session())).contains("row 5 cancelled");
            assertThat(sessions.takeFlash(created.session())).isEmpty();
            clock.advance(Duration.ofHours(13));
            assertThat(sessions.find(created.id(), Duration.ofHours(12))).isEmpty();

            SignInThrottle throttle = new SignInThrottle(database.dataSource(), clock);
            for (int i = 0; i < 5; i++) throttle.recordFailure("ana", "10.0.0." + i);
            assertThat(throttle.retryAfter("ANA", "10.0.0.9")).hasValueSatisfying(d -> assertThat(d).isPositive());

            ActivityLog log = new ActivityLog(database.dataSource(), clock);
            log.record("ana", "cancel", Optional.of(5L), Optional.of("x-main"), "was SCHEDULED");
            assertThat(log.recent(Optional.of(5L), Optional.empty(), 10)).singleElement().satisfies(a -> assertThat(a.action()).isEqualTo("cancel"));

            Pauses pauses = new Pauses(database.dataSource());
            assertThat(pauses.pause(Pauses.Kind.CHANNEL, "x-main", "ana", clock.instant())).isTrue();
            assertThat(pauses.pause(Pauses.Kind.CHANNEL, "x-main", "ana", clock.instant())).isFalse();
            Outbox outbox = new Outbox(database.dataSource());
            assertThat(outbox.isChannelPaused("x-main")).isTrue();

            for (int i = 0; i < 5; i++) {
                Story story = new Story("pg", "Story " + i, Optional.of(URI.create("https://example.com/" + i)), "", "en", Direction.LTR,
                        Optional.empty(), Optional.empty(), Optional.empty());
                outbox.enqueue(story, Outbox.Origin.BY_HAND, List.of(new Post("x-main", Network.X, "Story " + i + " 100% https://example.com/" + i,
                        Optional.of(URI.create("https://example.com/" + i)), 0, 280, true, false)), clock.instant().plusSeconds(i), clock.instant());
            }
            List<Long> first = outbox.page(new Outbox.PageQuery(Optional.of(OutboxState.SCHEDULED), Optional.of("x-main"), Optional.empty(),
                    Optional.of("100%"), Optional.empty(), 3)).rows().stream().map(e -> e.id()).toList();
            assertThat(first).hasSize(3);
            var last = outbox.find(first.get(2)).orElseThrow();
            List<Long> second = outbox.page(new Outbox.PageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(new Outbox.Cursor(last.due(), last.id())), 3)).rows().stream().map(e -> e.id()).toList();
            assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        }
    }
}
