package org.herald.access;

import java.time.Instant;
import java.util.Objects;

/** A signed-in browser: whose it is, its CSRF token, and when it was last used. */
public record Session(String idHash, User user, String csrf, Instant createdAt, Instant lastSeenAt) {
    public Session {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrf, "csrf");
    }

    @Override
    public String toString() {
        return "Session[user=" + user.name() + ", csrf=***]";
    }
}
