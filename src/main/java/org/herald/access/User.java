package org.herald.access;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** A person who may sign in to the console. The password hash never leaves {@link Users}. */
public record User(long id, String name, Role role, Optional<ZoneId> timeZone, Instant createdAt) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
