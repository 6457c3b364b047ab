package org.herald.config;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every secret Herald has loaded, so that log output can mask it even where a library logs a request
 * with its token in it. Used by the log pattern's {@code %redactedMessage}.
 */
public final class SecretRedaction {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    /**
     * Facebook's appsecret_proof is an HMAC of the page token with the app secret: not a configured value, but
     * as good as the token for a replay, so it is masked wherever it appears (form field, query, JSON).
     */
    private static final Pattern PROOF = Pattern.compile("(?i)(appsecret_proof[\"']?\\s*[=:]\\s*[\"']?)[0-9a-f]+");

    private SecretRedaction() {
    }

    static void remember(String value) {
        // very short values would mask ordinary words; real credentials are far longer
        if (value.length() >= 6) SECRETS.add(value);
    }

    /** The text with every known secret replaced by {@code ****}. */
    public static String redact(String text) {
        if (text == null) return text;
        String out = text.contains("appsecret_proof") ? PROOF.matcher(text).replaceAll("$1****") : text;
        if (out.contains("password") || out.contains("PASSWORD") || out.contains("@")) out = UrlPasswords.masked(out);
        for (String secret : SECRETS) {
            if (out.contains(secret)) out = out.replace(secret, "****");
        }
        return out;
    }
}
