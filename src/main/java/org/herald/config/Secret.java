package org.herald.config;

import java.util.Objects;

/**
 * A credential. Its {@code toString()} never shows the value, so a secret printed or logged by accident
 * comes out as {@code ****}; only the publisher that needs it calls {@link #reveal()}.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
        SecretRedaction.remember(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
