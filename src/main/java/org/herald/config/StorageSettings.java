package org.herald.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where Herald keeps its state: an embedded H2 file by default, or PostgreSQL by JDBC URL, and how many
 * pooled connections a process may hold.
 */
public record StorageSettings(String jdbcUrl, String user, Optional<Secret> password, int poolSize) {
    /** reference.conf's {@code storage.pool-size}. */
    public static final int DEFAULT_POOL_SIZE = 10;

    public StorageSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        if (poolSize < 2) throw new IllegalArgumentException("storage.pool-size must be at least 2");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("storage.jdbc-url must start with jdbc:h2: or jdbc:postgresql:");
        }
        UrlPasswords.passwords(jdbcUrl).forEach(SecretRedaction::remember);
    }

    public StorageSettings(String jdbcUrl, String user, Optional<Secret> password) {
        this(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /** A password written into the JDBC URL (every form {@link UrlPasswords} knows) is masked too. */
    @Override
    public String toString() {
        return "StorageSettings[jdbcUrl=" + maskedUrl() + ", user=" + user
                + ", password=" + password.map(p -> "****").orElse("(none)") + ", poolSize=" + poolSize + "]";
    }

    /** The URL as it may be shown: passwords masked. */
    public String maskedUrl() {
        return UrlPasswords.masked(jdbcUrl);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
