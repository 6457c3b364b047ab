package org.herald.access;

import org.herald.outbox.StorageException;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The first answer to each API request sent with an {@code Idempotency-Key}, per token, kept in the database
 * so that a CMS hook retrying after a timeout (even across a restart) gets the same answer and posts nothing twice.
 */
public final class IdempotentResponses {
    /** A stored answer, and a hash of the request it answered (a key reused for another body is refused). */
    public record Stored(String requestHash, int status, String body) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public IdempotentResponses(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    public Optional<Stored> find(String token, String key) {
        List<Stored> found = jdbc.query("SELECT request_hash, status, body FROM api_idempotency WHERE token_name = ? AND idem_key = ?",
                r -> new Stored(r.getString(1), r.getInt(2), r.getString(3)), token, key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Keeps the answer; false if another request with the same key got there first (its answer stands). */
    public boolean keep(String token, String key, String request, int status, String body) {
        try {
            jdbc.update("INSERT INTO api_idempotency (token_name, idem_key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    token, key, hash(request), status, body, Jdbc.time(clock.instant()));
            return true;
        } catch (StorageException e) {
            if (Jdbc.isUniqueViolation(e)) return false;
            throw e;
        }
    }

    public static String hash(String request) {
        return Sessions.hash(request);
    }
}
