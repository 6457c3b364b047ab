package org.herald.access;

import java.util.Locale;
import java.util.Optional;

/** What a person may do: viewers read, editors also act on posts, admins also pause, resume and manage users. */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes everything {@code needed} may do. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public static Optional<Role> byId(String id) {
        for (Role role : values()) if (role.id().equalsIgnoreCase(id.strip())) return Optional.of(role);
        return Optional.empty();
    }
}
