package org.herald.config;

import java.util.Objects;
import java.util.Optional;

/** Where Herald keeps its state: an embedded H2 file by default, or PostgreSQL by JDBC URL. */
public record StorageSettings(String jdbcUrl, String user, Optional<Secret> password) {
    public StorageSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("storage.jdbc-url must start with jdbc:h2: or jdbc:postgresql:");
        }
        UrlPasswords.passwords(jdbcUrl).forEach(SecretRedaction::remember);
    }

    /** A password written into the JDBC URL (every form {@link UrlPasswords} knows) is masked too. */
    @Override
    public String toString() {
        return "StorageSettings[jdbcUrl=" + maskedUrl() + ", user=" + user
                + ", password=" + password.map(p -> "****").orElse("(none)") + "]";
    }

    /** The URL as it may be shown: passwords masked. */
    public String maskedUrl() {
        return UrlPasswords.masked(jdbcUrl);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
