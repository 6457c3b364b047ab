package org.herald.schedule;

import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.Network;
import org.herald.config.Pacing;
import org.herald.config.StorageSettings;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    private Database database;
    private Outbox outbox;

    @BeforeEach
    void open() {
        database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("herald").toAbsolutePath(), "sa", Optional.empty()));
        outbox = new Outbox(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void sentAt(Instant when, int n) {
        String link = "https://example.com/" + n;
        Story story = new Story("t", "Story " + n, Optional.of(URI.create(link)), "", "en", Direction.LTR, Optional.empty(),
                Optional.empty(), Optional.empty());
        long id = ((Outbox.Enqueued.New) outbox.enqueue(story, Outbox.Origin.BY_HAND, List.of(new Post("x-main", Network.X, "Story " + n,
                Optional.of(URI.create(link)), 0, 280, true, false)), when, when)).entryIds().get(0);
        outbox.claim(id, "n", when);
        outbox.markSent(id, "id" + n, URI.create("https://x.com/i/web/status/" + n), when);
    }

    private Pacer pacer(Duration minGap, int perHour, int perDay, Optional<Pacing.QuietHours> quiet, String zone) {
        return new Pacer("x-main", new Pacing(minGap, perHour, perDay, quiet, ZoneId.of(zone), Duration.ofHours(6)), outbox);
    }

    @Test
    void noPacingNeverWaits() {
        sentAt(NOW.minusSeconds(1), 1);
        assertThat(pacer(Duration.ZERO, 0, 0, Optional.empty(), "UTC").notBefore(NOW)).isEmpty();
    }

    @Test
    void minimumGapCountsFromTheLastPost() {
        sentAt(NOW.minus(Duration.ofMinutes(2)), 1);
        assertThat(pacer(Duration.ofMinutes(5), 0, 0, Optional.empty(), "UTC").notBefore(NOW)).contains(NOW.plus(Duration.ofMinutes(3)));
        assertThat(pacer(Duration.ofMinutes(2), 0, 0, Optional.empty(), "UTC").notBefore(NOW)).isEmpty();
    }

    @Test
    void hourlyAndDailyMaximumsHoldPostsBack() {
        for (int i = 0; i < 3; i++) sentAt(NOW.minus(Duration.ofMinutes(10 + i)), i);
        assertThat(pacer(Duration.ZERO, 3, 0, Optional.empty(), "UTC").notBefore(NOW)).isPresent();
        assertThat(pacer(Duration.ZERO, 4, 0, Optional.empty(), "UTC").notBefore(NOW)).isEmpty();
        assertThat(pacer(Duration.ZERO, 0, 3, Optional.empty(), "UTC").notBefore(NOW)).isPresent();
    }

    @Test
    void quietHoursInTheChannelsTimeZoneCrossingMidnight() {
        // 09:00 UTC is 13:00 in Dubai: outside 00:00-06:00, inside 12:00-14:00
        Pacing.QuietHours night = new Pacing.QuietHours(LocalTime.of(0, 0), LocalTime.of(6, 0));
        assertThat(pacer(Duration.ZERO, 0, 0, Optional.of(night), "Asia/Dubai").notBefore(NOW)).isEmpty();
        Pacing.QuietHours lunch = new Pacing.QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(pacer(Duration.ZERO, 0, 0, Optional.of(lunch), "Asia/Dubai").notBefore(NOW)).contains(Instant.parse("2026-11-25T10:00:00Z"));
        Pacing.QuietHours overnight = new Pacing.QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0));
        Instant lateEvening = Instant.parse("2026-11-25T19:30:00Z"); // 23:30 in Dubai
        assertThat(pacer(Duration.ZERO, 0, 0, Optional.of(overnight), "Asia/Dubai").notBefore(lateEvening))
                .contains(Instant.parse("2026-11-26T02:00:00Z"));
    }
}
