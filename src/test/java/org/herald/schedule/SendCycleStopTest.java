package org.herald.schedule;

import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.Network;
import org.herald.config.StorageSettings;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.publish.AccountCheck;
import org.herald.publish.PublishOutcome;
import org.herald.publish.Publisher;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A stop signal lets the platform call in flight finish, but a stopping channel claims no further row. */
class SendCycleStopTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aStoppedCycleFinishesTheCallInFlightAndClaimsNothingMore() {
        try (Database database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("herald").toAbsolutePath(), "sa",
                Optional.empty()))) {
            Outbox outbox = new Outbox(database.dataSource());
            for (int i = 1; i <= 5; i++) {
                String link = "https://news.example.org/stop/" + i;
                Story story = new Story("feed.xml", "Story " + i, Optional.of(URI.create(link)), "Summary.", "en", Direction.LTR,
                        Optional.empty(), Optional.empty(), Optional.empty());
                outbox.enqueue(story, new Outbox.Origin(Optional.empty(), Optional.empty()),
                        List.of(new Post("x-main", Network.X, "Story " + i + " " + link, Optional.of(URI.create(link)), 40, 280, true, false)),
                        NOW, NOW);
            }
            List<Post> sent = new ArrayList<>();
            SendCycle[] cycle = new SendCycle[1];
            Publisher publisher = new Publisher() {
                @Override
                public String channel() {
                    return "x-main";
                }

                @Override
                public PublishOutcome publish(Post post) {
                    sent.add(post);
                    cycle[0].stop(); // SIGTERM arrives while this call is under way
                    return new PublishOutcome.Published("id-" + sent.size(), URI.create("https://x.com/i/status/" + sent.size()));
                }

                @Override
                public AccountCheck check() {
                    return new AccountCheck.Ok("herald");
                }
            };
            cycle[0] = new SendCycle(TestChannels.x("http://127.0.0.1:9/2/"), publisher, outbox, 8, Clock.fixed(NOW, ZoneOffset.UTC),
                    "test:1", new Random(1));
            assertThat(cycle[0].run().sent()).isEqualTo(1);
            List<OutboxEntry> rows = outbox.list(Optional.empty(), 100);
            assertThat(rows).filteredOn(r -> r.state() == OutboxState.SENT).hasSize(1);
            assertThat(rows).filteredOn(r -> r.state() == OutboxState.SCHEDULED).hasSize(4);
        }
    }
}
