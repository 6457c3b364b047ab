package org.herald.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret Herald has loaded, so that log output can mask it even where a library logs a request
 * with its token in it. Used by the log pattern's {@code %redactedMessage}.
 */
public final class SecretRedaction {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private SecretRedaction() {
    }

    static void remember(String value) {
        // very short values would mask ordinary words; real credentials are far longer
        if (value.length() >= 6) SECRETS.add(value);
    }

    /** The text with every known secret replaced by {@code ****}. */
    public static String redact(String text) {
        if (text == null || SECRETS.isEmpty()) return text;
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) out = out.replace(secret, "****");
        }
        return out;
    }
}
