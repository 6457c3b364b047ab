package org.herald.console.auth;

import io.javalin.http.Context;
import org.herald.config.ConsoleSettings;

/**
 * Who is asking, and over what: the client address and whether the browser sees https. X-Forwarded-For and
 * X-Forwarded-Proto are believed only with {@code console.trust-proxy}; anyone can send them otherwise.
 */
public final class Clients {
    private Clients() {
    }

    public static String address(Context ctx, ConsoleSettings settings) {
        if (settings.trustProxy()) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                // the right-most entry is the one our own proxy added; those before it are the client's say-so
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 64) return last;
            }
        }
        return ctx.req().getRemoteAddr();
    }

    public static boolean https(Context ctx, ConsoleSettings settings) {
        if (settings.secureCookies() || ctx.req().isSecure()) return true;
        return settings.trustProxy() && "https".equalsIgnoreCase(String.valueOf(ctx.header("X-Forwarded-Proto")).strip());
    }
}
