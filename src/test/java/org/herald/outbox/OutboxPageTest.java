package org.herald.outbox;

import org.herald.config.StorageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's pages: newest due first, keyset paging that neither skips nor repeats, free text within a bounded window. */
class OutboxPageTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final int ROWS = Outbox.SEARCH_WINDOW + 300;

    @TempDir
    Path dir;

    private Database database;
    private Outbox outbox;

    @BeforeEach
    void fill() throws Exception {
        database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("h").toAbsolutePath(), "sa", Optional.empty()));
        outbox = new Outbox(database.dataSource());
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement story = c.prepareStatement("INSERT INTO seen_story (id, feed, link, headline, source, seen_at) VALUES (?, ?, ?, ?, 's', ?)");
                 PreparedStatement row = c.prepareStatement("INSERT INTO outbox (story_id, channel, network, text, link, state, due_at, "
                         + "next_attempt_at, created_at, updated_at) VALUES (?, ?, 'x', ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    var due = T0.plusSeconds(60L * (i / 2)).atOffset(ZoneOffset.UTC);   // pairs share a due time: id breaks the tie
                    story.setLong(1, i);
                    story.setString(2, i % 2 == 0 ? "sport" : "news");
                    story.setString(3, "https://example.com/" + i);
                    story.setString(4, "h" + i);
                    story.setObject(5, due);
                    story.addBatch();
                    row.setLong(1, i);
                    row.setString(2, i % 3 == 0 ? "fb-main" : "x-main");
                    row.setString(3, (i == 1 || i == 2 ? "Zebra escapes " : "Story ") + i + " https://example.com/" + i);
                    row.setString(4, "https://example.com/" + i);
                    row.setString(5, i % 5 == 0 ? "FAILED" : "SENT");
                    row.setObject(6, due);
                    row.setObject(7, due);
                    row.setObject(8, due);
                    row.setObject(9, due);
                    row.addBatch();
                }
                story.executeBatch();
                row.executeBatch();
            }
            c.commit();
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Outbox.PageQuery query(Optional<OutboxState> state, Optional<String> text, Optional<Outbox.Cursor> after) {
        return new Outbox.PageQuery(state, Optional.empty(), Optional.empty(), text, after, 50);
    }

    @Test
    void keysetPagesCoverEveryRowOnceNewestFirst() {
        List<Long> seen = new ArrayList<>();
        Optional<Outbox.Cursor> after = Optional.empty();
        Instant previous = Instant.MAX;
        for (int page = 0; page < 100; page++) {
            List<OutboxEntry> rows = outbox.page(query(Optional.of(OutboxState.FAILED), Optional.empty(), after)).rows();
            if (rows.isEmpty()) break;
            for (OutboxEntry e : rows) {
                assertThat(e.due()).isBeforeOrEqualTo(previous);
                previous = e.due();
                seen.add(e.id());
            }
            OutboxEntry last = rows.get(rows.size() - 1);
            after = Optional.of(new Outbox.Cursor(last.due(), last.id()));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(ROWS / 5);
        assertThat(outbox.page(new Outbox.PageQuery(Optional.empty(), Optional.empty(), Optional.of("sport"), Optional.empty(), Optional.empty(), 50))
                .rows()).hasSize(50).allMatch(e -> e.storyId() % 2 == 0);
    }

    @Test
    void aRareWordIsSearchedWindowByWindowUntilItIsFound() {
        Outbox.Page first = outbox.page(query(Optional.empty(), Optional.of("ZEBRA"), Optional.empty()));
        assertThat(first.rows()).isEmpty();
        assertThat(first.searchedTo()).isPresent();
        Outbox.Page next = outbox.page(query(Optional.empty(), Optional.of("zebra"), first.searchedTo()));
        assertThat(next.rows()).extracting(OutboxEntry::text).containsExactly("Zebra escapes 2 https://example.com/2", "Zebra escapes 1 https://example.com/1");
        assertThat(next.searchedTo()).as("the last window was not full: nothing older").isEmpty();
        assertThat(outbox.page(query(Optional.empty(), Optional.of("100%_"), Optional.empty())).rows()).as("LIKE wildcards are literal").isEmpty();
    }
}
