package org.herald.outbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.Network;
import org.herald.config.ScheduleSettings;
import org.herald.config.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The same schema and outbox on PostgreSQL (embedded binaries from Maven): migrations, dedup, guarded claims. */
class PostgresOutboxTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) postgres.close();
    }

    private static StorageSettings settings() {
        return new StorageSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", Optional.empty());
    }

    @Test
    void migratesAndKeepsTheOutboxRulesOnPostgres() throws Exception {
        try (Database database = Database.open(settings())) {
            assertThat(database.isPostgres()).isTrue();
            try (Connection c = database.dataSource().getConnection();
                 ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                         + "('qrtz_triggers', 'qrtz_locks', 'outbox', 'seen_story', 'feed_state')")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(5);
            }
            Outbox outbox = new Outbox(database.dataSource());
            Story story = new Story("pg", "Postgres story", Optional.of(URI.create("https://example.com/pg")), "", "en", Direction.LTR,
                    Optional.empty(), Optional.empty(), Optional.empty());
            List<Post> posts = List.of(new Post("x-main", Network.X, "Postgres story https://example.com/pg",
                    Optional.of(URI.create("https://example.com/pg")), 0, 280, true, false));
            long id = ((Outbox.Enqueued.New) outbox.enqueue(story, new Outbox.Origin(Optional.of("f"), Optional.of("g")), posts, NOW, NOW))
                    .entryIds().get(0);
            assertThat(outbox.enqueue(story, Outbox.Origin.BY_HAND, posts, NOW, NOW)).isInstanceOf(Outbox.Enqueued.AlreadySeen.class);
            // "post again" (V8): a second copy of the (story, channel) row on PostgreSQL too
            List<Outbox.ByHand> again = outbox.addByHand(story, Outbox.Queued.live(posts), NOW, NOW, Optional.empty(), false, true);
            long copy = ((Outbox.ByHand.Added) again.get(0)).id();
            assertThat(copy).isNotEqualTo(id);
            assertThat(outbox.addByHand(story, Outbox.Queued.live(posts), NOW, NOW, Optional.empty(), false, false).get(0))
                    .isInstanceOfSatisfying(Outbox.ByHand.AlreadyThere.class, t -> assertThat(t.existing().id()).isEqualTo(copy));
            assertThat(outbox.cancel(copy, NOW)).isTrue();
            assertThat(outbox.claim(id, "a", NOW)).isTrue();
            assertThat(outbox.claim(id, "b", NOW)).isFalse();
            outbox.markSent(id, "1", URI.create("https://x.com/i/web/status/1"), NOW.plusSeconds(1));
            assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
            assertThat(outbox.lastSent("x-main")).contains(NOW.plusSeconds(1));
        }
        // a second open finds the schema current
        try (Database again = Database.open(settings())) {
            assertThat(new Outbox(again.dataSource()).list(Optional.empty(), 10)).hasSize(2);   // the row and its copy posted again
        }
    }

    @Test
    void theCalendarsWeekQueryPlacesRowsAsOnH2() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE calendar");
        }
        try (Database database = Database.open(new StorageSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/calendar", "postgres",
                Optional.empty()))) {
            OutboxCalendarTest.checkPlacement(new Outbox(database.dataSource()));
        }
    }

    @Test
    void concurrentClaimsFromManyWorkersTakeEachRowOnce() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE race");
        }
        try (Database database = Database.open(new StorageSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/race", "postgres",
                Optional.empty()))) {
            Outbox outbox = new Outbox(database.dataSource());
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                URI link = URI.create("https://example.com/race/" + i);
                Story story = new Story("pg", "Race " + i, Optional.of(link), "", "en", Direction.LTR, Optional.empty(), Optional.empty(),
                        Optional.empty());
                ids.addAll(((Outbox.Enqueued.New) outbox.enqueue(story, Outbox.Origin.BY_HAND, List.of(new Post("x-race", Network.X,
                        "Race " + i, Optional.of(link), 0, 280, true, false)), NOW, NOW)).entryIds());
            }
            java.util.concurrent.ConcurrentHashMap<Long, String> winners = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicInteger wins = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
            List<Thread> workers = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String node = "node-" + w;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (long id : ids) {
                        if (outbox.claim(id, node, NOW)) {
                            wins.incrementAndGet();
                            winners.put(id, node);
                        }
                    }
                });
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) t.join();
            assertThat(wins.get()).as("each row claimed exactly once").isEqualTo(ids.size());
            assertThat(winners).hasSize(ids.size());
        }
    }

    @Test
    void quartzStartsClusteredOnPostgres() throws Exception {
        try (Database database = Database.open(settings())) {
            var scheduler = org.herald.schedule.HeraldScheduler.start(database.dataSource(), true,
                    new ScheduleSettings(List.of(), 3, Duration.ofSeconds(1), Duration.ofMinutes(2)), java.util.Map.of(), java.util.Map.of(), 2);
            try (Connection c = database.dataSource().getConnection();
                 ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM qrtz_scheduler_state")) {
                r.next();
                assertThat(r.getInt(1)).as("a clustered scheduler checks in").isEqualTo(1);
            }
            scheduler.close();
        }
    }
}
