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
    }

    /** A password written into the JDBC URL (user:…@host, …?password=…, ;PASSWORD=…) is masked too. */
    @Override
    public String toString() {
        return "StorageSettings[jdbcUrl=" + SecretRedaction.maskUrlPasswords(jdbcUrl) + ", user=" + user
                + ", password=" + password.map(p -> "****").orElse("(none)") + "]";
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
