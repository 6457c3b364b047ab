package org.herald.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The newsroom console: whether {@code herald run} serves it, the address it listens on, the public https
 * address a reverse proxy gives it (which makes cookies Secure), whether that proxy's X-Forwarded-* headers
 * are believed, the time zone times are shown in, and how long an idle session lasts.
 */
public record ConsoleSettings(boolean enabled, String host, int port, Optional<URI> publicUrl, boolean trustProxy,
                              ZoneId timeZone, Duration sessionIdleTimeout) {
    public ConsoleSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("console.listen port out of range: " + port);
    }

    /** The address as the user wrote it, for messages. */
    public String listen() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Behind an https public address the browser only ever sees https, so cookies may demand it. */
    public boolean secureCookies() {
        return publicUrl.map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false);
    }

    public static ConsoleSettings defaults() {
        return new ConsoleSettings(true, "127.0.0.1", 8080, Optional.empty(), false, ZoneId.of("UTC"), Duration.ofHours(12));
    }
}
