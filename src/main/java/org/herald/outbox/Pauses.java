package org.herald.outbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Channels and feeds paused by hand. Kept in the database, so a pause holds across restarts and on every
 * node: a paused channel's rows wait in line, a paused feed is not polled.
 */
public final class Pauses {
    /** What can be paused. */
    public enum Kind {
        CHANNEL, FEED;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Who paused it and when. */
    public record Pause(String by, Instant at) {
    }

    private final DataSource dataSource;

    public Pauses(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** False if it was already paused. */
    public boolean pause(Kind kind, String name, String by, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO paused_target (kind, name, paused_by, paused_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, kind.id());
            s.setString(2, name);
            s.setString(3, by);
            s.setObject(4, now.atOffset(ZoneOffset.UTC));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) || "23001".equals(e.getSQLState())) return false;
            throw new StorageException("cannot pause " + kind.id() + " " + name + ": " + e.getMessage(), e);
        }
    }

    /** False if it was not paused. */
    public boolean resume(Kind kind, String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM paused_target WHERE kind = ? AND name = ?")) {
            s.setString(1, kind.id());
            s.setString(2, name);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StorageException("cannot resume " + kind.id() + " " + name + ": " + e.getMessage(), e);
        }
    }

    public boolean isPaused(Kind kind, String name) {
        return all(kind).containsKey(name);
    }

    /** Every pause of one kind, by name. */
    public Map<String, Pause> all(Kind kind) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT name, paused_by, paused_at FROM paused_target WHERE kind = ? ORDER BY name")) {
            s.setString(1, kind.id());
            Map<String, Pause> out = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.put(r.getString(1), new Pause(r.getString(2), r.getObject(3, OffsetDateTime.class).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read pauses: " + e.getMessage(), e);
        }
    }
}
