package org.herald.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every secret Herald has loaded, so that log output can mask it even where a library logs a request
 * with its token in it. Used by the log pattern's {@code %redactedMessage}.
 */
public final class SecretRedaction {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    /** {@code //user:password@host}: the user stays, the password goes. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:?#;]*):[^/@?#]*@");
    /** {@code ?password=}, {@code &password=}, H2's {@code ;PASSWORD=}, and relatives such as {@code sslpassword=}. */
    private static final Pattern PARAMETER_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private SecretRedaction() {
    }

    static void remember(String value) {
        // very short values would mask ordinary words; real credentials are far longer
        if (value.length() >= 6) SECRETS.add(value);
    }

    /**
     * A URL (JDBC or http) with every password written into it masked: {@code user:****@host},
     * {@code password=****}. Used wherever such a URL is shown, as the password need not be a loaded secret.
     */
    public static String maskUrlPasswords(String url) {
        String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:****@");
        return PARAMETER_PASSWORD.matcher(masked).replaceAll("$1****");
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
