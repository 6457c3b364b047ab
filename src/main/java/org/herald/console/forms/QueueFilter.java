package org.herald.console.forms;

import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxState;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The queue's filters (state, channel, feed, free text) and where the page starts; unknown values are ignored. */
public record QueueFilter(Optional<OutboxState> state, Optional<String> channel, Optional<String> feed, Optional<String> text,
                          Optional<Outbox.Cursor> after) {
    public static QueueFilter parse(Map<String, String> query) {
        Optional<OutboxState> state = value(query, "state").flatMap(s -> {
            try {
                return Optional.of(OutboxState.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        Optional<Outbox.Cursor> after = value(query, "after").flatMap(QueueFilter::cursor);
        return new QueueFilter(state, value(query, "channel"), value(query, "feed"), value(query, "q").map(q -> q.length() > 200 ? q.substring(0, 200) : q),
                after);
    }

    /** The cursor as the next page's link carries it: due time in epoch milliseconds, then the row id. */
    public static String cursor(Outbox.Cursor cursor) {
        return cursor.due().toEpochMilli() + "_" + cursor.id();
    }

    private static Optional<Outbox.Cursor> cursor(String value) {
        String[] parts = value.split("_");
        if (parts.length != 2) return Optional.empty();
        try {
            return Optional.of(new Outbox.Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(Map<String, String> query, String key) {
        String v = query.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
