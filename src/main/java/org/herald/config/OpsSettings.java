package org.herald.config;

import java.util.Objects;

/**
 * Where {@code herald run} serves its operations endpoints ({@code /healthz}, {@code /readyz}, {@code /metrics}):
 * the console's listener, {@code console.listen}, whether or not the console itself is enabled. Port 0 picks a
 * free port (the chosen address is logged).
 */
public record OpsSettings(String host, int port) {
    public OpsSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) throw new IllegalArgumentException("console.listen needs a host");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("console.listen port must be 0..65535");
    }

    /** {@code 127.0.0.1:8080}, the shipped default. */
    public static OpsSettings loopback(int port) {
        return new OpsSettings("127.0.0.1", port);
    }
}
