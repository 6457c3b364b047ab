package org.herald.access;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The append-only log of who did what: rows are added, never changed or deleted. Never holds a secret. */
public final class ActivityLog {
    private final Jdbc jdbc;
    private final Clock clock;

    public ActivityLog(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** Records one action; {@code outboxId} ties it to a row, {@code target} names a user, channel or feed. */
    public void record(String actor, String action, Optional<Long> outboxId, Optional<String> target, String detail) {
        String clipped = detail.length() > 20000 ? detail.substring(0, 19999) + "…" : detail;
        jdbc.update("INSERT INTO activity (at, actor, action, outbox_id, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
                Jdbc.time(clock.instant()), clip(actor, 100), clip(action, 40), outboxId.orElse(null), target.map(t -> clip(t, 200)).orElse(null),
                clipped);
    }

    /** The newest entries first, optionally for one outbox row, starting below {@code beforeId}. */
    public List<Activity> recent(Optional<Long> outboxId, Optional<Long> beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, outbox_id, target, detail FROM activity WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        outboxId.ifPresent(id -> { sql.append(" AND outbox_id = ?"); params.add(id); });
        beforeId.ifPresent(id -> { sql.append(" AND id < ?"); params.add(id); });
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), r -> new Activity(r.getLong("id"), Jdbc.instant(r, "at"), r.getString("actor"), r.getString("action"),
                Optional.ofNullable((Number) r.getObject("outbox_id")).map(Number::longValue), Optional.ofNullable(r.getString("target")),
                Optional.ofNullable(r.getString("detail")).orElse("")), params.toArray());
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
