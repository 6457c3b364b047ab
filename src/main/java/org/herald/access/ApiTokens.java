package org.herald.access;

import org.herald.outbox.StorageException;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens for the HTTP API: a random 256-bit token is shown once when created; the table holds only its
 * SHA-256, so reading the database does not let anyone call the API. A revoked token is kept (for the list)
 * but never accepted again.
 */
public final class ApiTokens {
    /** Tokens start with this, so a leaked one is recognisable in a log or a repository scan. */
    static final String PREFIX = "hrld_";

    /** One token as listed: never its value. */
    public record ApiToken(String name, Role role, Instant createdAt, Optional<Instant> revokedAt, Optional<Instant> lastUsedAt) {
    }

    /** Created (with the value to show once), or refused with the reason. */
    public sealed interface Created {
        record Ok(ApiToken token, String value) implements Created {
        }

        record Refused(String reason) implements Created {
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    public Created create(String name, Role role) {
        String clean = name.strip();
        if (!clean.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            return new Created.Refused("a token name is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (role != Role.VIEWER && role != Role.EDITOR) return new Created.Refused("an API token's role is viewer or editor");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO api_token (name, token_hash, role, created_at) VALUES (?, ?, ?, ?)", clean, Sessions.hash(value),
                    role.id(), Jdbc.time(now));
        } catch (StorageException e) {
            if (Jdbc.isUniqueViolation(e)) return new Created.Refused("there is already a token named " + clean + " (revoked ones keep their name)");
            throw e;
        }
        return new Created.Ok(new ApiToken(clean, role, now, Optional.empty(), Optional.empty()), value);
    }

    public List<ApiToken> list() {
        return jdbc.query("SELECT name, role, created_at, revoked_at, last_used_at FROM api_token ORDER BY name", r -> new ApiToken(
                r.getString(1), Role.byId(r.getString(2)).orElse(Role.VIEWER), Jdbc.instant(r, "created_at"),
                Optional.ofNullable(r.getObject(4, java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant),
                Optional.ofNullable(r.getObject(5, java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant)));
    }

    /** False if there is no such token or it was already revoked. */
    public boolean revoke(String name) {
        return jdbc.update("UPDATE api_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", Jdbc.time(clock.instant()), name.strip()) == 1;
    }

    /** The live token with this value, if there is one. */
    public Optional<ApiToken> find(String value) {
        if (value.length() > 200) return Optional.empty();
        String hash = Sessions.hash(value);
        List<ApiToken> found = jdbc.query("SELECT name, role, created_at FROM api_token WHERE token_hash = ? AND revoked_at IS NULL",
                r -> new ApiToken(r.getString(1), Role.byId(r.getString(2)).orElse(Role.VIEWER), Jdbc.instant(r, "created_at"),
                        Optional.empty(), Optional.empty()), hash);
        if (found.isEmpty()) return Optional.empty();
        jdbc.update("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?", Jdbc.time(clock.instant()), hash);
        return Optional.of(found.get(0));
    }
}
