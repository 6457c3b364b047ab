package org.herald.actions;

import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.SettingsLoader;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.publish.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Queueing the posts a person looked at: the edit rule's checks, DueTimes, and the outbox ledger, all or nothing. */
class StoryIntakeByHandTest {
    private static final String LINK = "https://news.example.org/harbour";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private HeraldSettings settings;
    private Database database;
    private Outbox outbox;
    private StoryIntake intake;

    @BeforeEach
    void open() throws Exception {
        Path file = dir.resolve("herald.conf");
        Files.writeString(file, """
                storage.jdbc-url = "jdbc:h2:file:%s"
                feeds {}
                channels {
                  x-main { network = x, dry-run = true, max-lateness = 1h }
                  fb-main { network = facebook, dry-run = true }
                }
                """.formatted(dir.resolve("data/h").toAbsolutePath()));
        settings = SettingsLoader.load(file);
        database = Database.open(settings.storage());
        outbox = new Outbox(database.dataSource());
        intake = new StoryIntake(settings, outbox, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ChannelSettings channel(String name) {
        return settings.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Story story() {
        return new Story("test", "Harbour reopens", Optional.of(URI.create(LINK)), "Ships sail again.", "en", Direction.LTR,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Post x(String text) {
        return StoryIntake.handWritten(story(), channel("x-main"), text);
    }

    private Post fb(String text) {
        return StoryIntake.handWritten(story(), channel("fb-main"), text);
    }

    private StoryIntake.ByHandResult queue(List<Post> posts, Optional<Instant> at, boolean again) {
        return intake.queueByHand(story(), posts, at, again);
    }

    @Test
    void eachRefusalNamesTheFieldAndQueuesNothing() {
        String over = "字".repeat(140) + " " + LINK;
        assertThat(queue(List.of(fb("Harbour reopens"), x(over)), Optional.empty(), false))
                .isEqualTo(new StoryIntake.ByHandResult.Invalid("text.x-main", "the post for x-main does not fit (304/280 as X counts it; shorten it by 24)"));
        assertThat(queue(List.of(x("Harbour reopens, no link")), Optional.empty(), false))
                .isEqualTo(new StoryIntake.ByHandResult.Invalid("text.x-main", "the tweet for x-main must keep the story's link " + LINK));
        assertThat(queue(List.of(fb("   ")), Optional.empty(), false))
                .isEqualTo(new StoryIntake.ByHandResult.Invalid("text.fb-main", "the post for fb-main is empty"));
        assertThat(queue(List.of(), Optional.empty(), false)).isEqualTo(new StoryIntake.ByHandResult.Invalid("channel", "pick at least one channel"));
        StoryIntake.ByHandResult stale = queue(List.of(x("Harbour reopens " + LINK)), Optional.of(clock.instant().minus(Duration.ofHours(2))), false);
        assertThat(stale).isInstanceOfSatisfying(StoryIntake.ByHandResult.Invalid.class, invalid -> {
            assertThat(invalid.field()).isEqualTo("at");
            assertThat(invalid.message()).contains("more than channel x-main's max-lateness (1 h)").contains("use Post now");
        });
        StoryIntake.ByHandResult ahead = queue(List.of(x("Harbour reopens " + LINK)), Optional.of(clock.instant().plus(Duration.ofDays(400))), false);
        assertThat(ahead).isInstanceOfSatisfying(StoryIntake.ByHandResult.Invalid.class, invalid -> assertThat(invalid.message()).contains("at most a year ahead"));
        assertThat(outbox.list(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aLittleInThePastPostsNowAndAStoryAChannelHasRefusesTheWholeRequestUnlessAgain() {
        StoryIntake.ByHandResult first = queue(List.of(x("Harbour reopens " + LINK)), Optional.of(clock.instant().minus(Duration.ofMinutes(5))), false);
        assertThat(first).isInstanceOfSatisfying(StoryIntake.ByHandResult.Queued.class, q -> {
            assertThat(q.due()).isEqualTo(clock.instant());
            assertThat(q.note()).hasValueSatisfying(n -> assertThat(n).contains("in the past: posted now"));
        });
        long xRow = ((StoryIntake.ByHandResult.Queued) first).rows().get(0).id();
        assertThat(outbox.find(xRow).orElseThrow()).satisfies(r -> {
            assertThat(r.state()).isEqualTo(OutboxState.SCHEDULED);
            assertThat(r.dryRun()).isTrue();
            assertThat(r.text()).isEqualTo("Harbour reopens " + LINK);
        });

        StoryIntake.ByHandResult both = queue(List.of(x("Harbour open again " + LINK), fb("Harbour open again")), Optional.empty(), false);
        assertThat(both).isInstanceOfSatisfying(StoryIntake.ByHandResult.AlreadyThere.class,
                there -> assertThat(there.existing()).extracting(OutboxEntry::id).containsExactly(xRow));
        assertThat(outbox.list(Optional.empty(), 10)).as("not even fb-main, which lacked it").hasSize(1);

        StoryIntake.ByHandResult again = queue(List.of(x("Harbour open again " + LINK), fb("Harbour open again")), Optional.empty(), true);
        assertThat(again).isInstanceOfSatisfying(StoryIntake.ByHandResult.Queued.class, q -> assertThat(q.rows()).hasSize(2));
        assertThat(outbox.list(Optional.empty(), 10)).extracting(OutboxEntry::text)
                .containsExactly("Harbour reopens " + LINK, "Harbour open again " + LINK, "Harbour open again");
    }
}
