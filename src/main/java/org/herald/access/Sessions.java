package org.herald.access;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Sessions in the database, so a restart keeps people signed in and any node can serve any request. The
 * browser holds a random 256-bit id; the table holds only its SHA-256.
 */
public final class Sessions {
    /** Last-seen times are written at most this often, so reading pages does not mean writing rows. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A session just made: the id for the cookie (shown once, never stored) and the session. */
    public record Created(String id, Session session) {
        @Override
        public String toString() {
            return "Created[id=***, " + session + "]";
        }
    }

    private final Jdbc jdbc;
    private final Users users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(DataSource dataSource, Users users, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.users = users;
        this.clock = clock;
    }

    public Created create(User user, String client) {
        String id = token();
        String csrf = token();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO console_session (id_hash, user_id, csrf, created_at, last_seen_at, client) VALUES (?, ?, ?, ?, ?, ?)",
                hash(id), user.id(), csrf, Jdbc.time(now), Jdbc.time(now), clip(client));
        return new Created(id, new Session(hash(id), user, csrf, now, now));
    }

    /** The live session for a cookie's id; one idle longer than {@code idleTimeout} is ended and not returned. */
    public Optional<Session> find(String id, Duration idleTimeout) {
        if (id.isEmpty() || id.length() > 100) return Optional.empty();
        String idHash = hash(id);
        List<Object[]> rows = jdbc.query("SELECT user_id, csrf, created_at, last_seen_at FROM console_session WHERE id_hash = ?",
                r -> new Object[]{r.getLong(1), r.getString(2), Jdbc.instant(r, "created_at"), Jdbc.instant(r, "last_seen_at")}, idHash);
        if (rows.isEmpty()) return Optional.empty();
        Object[] row = rows.get(0);
        Instant now = clock.instant();
        Instant lastSeen = (Instant) row[3];
        if (now.isAfter(lastSeen.plus(idleTimeout))) {
            end(idHash);
            return Optional.empty();
        }
        Optional<User> user = users.byId((Long) row[0]);
        if (user.isEmpty()) return Optional.empty();
        if (now.isAfter(lastSeen.plus(TOUCH_EVERY))) {
            jdbc.update("UPDATE console_session SET last_seen_at = ? WHERE id_hash = ?", Jdbc.time(now), idHash);
            lastSeen = now;
        }
        return Optional.of(new Session(idHash, user.get(), (String) row[1], (Instant) row[2], lastSeen));
    }

    public void end(String idHash) {
        jdbc.update("DELETE FROM console_session WHERE id_hash = ?", idHash);
    }

    /** Ends the session a cookie's id names, if it still exists. */
    public void endCookie(String id) {
        if (!id.isEmpty() && id.length() <= 100) end(hash(id));
    }

    /** Ends every session of the user; returns how many there were. */
    public int revokeAll(User user) {
        return jdbc.update("DELETE FROM console_session WHERE user_id = ?", user.id());
    }

    public int count(User user) {
        return jdbc.query("SELECT COUNT(*) FROM console_session WHERE user_id = ?", r -> r.getInt(1), user.id()).get(0);
    }

    /** A one-line message shown on the next page the session loads (after a form post and its redirect). */
    public void flash(Session session, String message) {
        jdbc.update("UPDATE console_session SET flash = ? WHERE id_hash = ?", clip2000(message), session.idHash());
    }

    public Optional<String> takeFlash(Session session) {
        List<String> found = jdbc.query("SELECT flash FROM console_session WHERE id_hash = ? AND flash IS NOT NULL",
                r -> r.getString(1), session.idHash());
        if (found.isEmpty()) return Optional.empty();
        jdbc.update("UPDATE console_session SET flash = NULL WHERE id_hash = ?", session.idHash());
        return Optional.of(found.get(0));
    }

    /** A random token for cookies and forms: 256 bits, URL-safe. */
    public String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String clip(String client) {
        return client.length() > 100 ? client.substring(0, 100) : client;
    }

    private static String clip2000(String text) {
        return text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
    }
}
