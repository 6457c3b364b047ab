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

/** The last credential check of each channel: the account or Page name it found, or why it failed. */
public final class ChannelChecks {
    /** One check's outcome; {@code detail} is the account name when {@code ok}, the reason otherwise. */
    public record Check(boolean ok, String detail, Instant at) {
    }

    private final DataSource dataSource;

    public ChannelChecks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(String channel, boolean ok, String detail, Instant now) {
        String clipped = detail.length() > 2000 ? detail.substring(0, 1999) + "…" : detail;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE channel_check SET ok = ?, detail = ?, checked_at = ? WHERE channel = ?")) {
                s.setBoolean(1, ok);
                s.setString(2, clipped);
                s.setObject(3, now.atOffset(ZoneOffset.UTC));
                s.setString(4, channel);
                if (s.executeUpdate() == 1) return;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO channel_check (channel, ok, detail, checked_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, channel);
                s.setBoolean(2, ok);
                s.setString(3, clipped);
                s.setObject(4, now.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot record the check of channel " + channel + ": " + e.getMessage(), e);
        }
    }

    public Map<String, Check> all() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT channel, ok, detail, checked_at FROM channel_check")) {
            Map<String, Check> out = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.put(r.getString(1), new Check(r.getBoolean(2), r.getString(3), r.getObject(4, OffsetDateTime.class).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read channel checks: " + e.getMessage(), e);
        }
    }
}
