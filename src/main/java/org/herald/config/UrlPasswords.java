package org.herald.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords written into a URL (JDBC or http). Drivers accept them in several forms (a {@code password=} query
 * or H2 setting, {@code user:password@host} in the authority), and a URL is printed in errors, logs and
 * settings, so every form is masked wherever a URL is shown: the password need not be a loaded secret.
 */
public final class UrlPasswords {
    // password=…, PASSWORD=…, sslpassword=…: up to the next & or ; (query and H2-style settings)
    private static final Pattern SETTING = Pattern.compile("(?i)((?:ssl)?password=)([^&;\\s]*)");
    // //user:password@host — the authority form PostgreSQL's driver also reads
    private static final Pattern AUTHORITY = Pattern.compile("(//[^/:@\\s]*:)([^@/\\s]*)(@)");

    private UrlPasswords() {
    }

    /** The URL with every password it holds replaced by {@code ****}. */
    public static String masked(String url) {
        String out = AUTHORITY.matcher(url).replaceAll("$1****$3");
        return SETTING.matcher(out).replaceAll("$1****");
    }

    /** Every password written into the URL, so that logs can mask them wherever a library prints them. */
    static List<String> passwords(String url) {
        List<String> found = new ArrayList<>();
        Matcher authority = AUTHORITY.matcher(url);
        while (authority.find()) if (!authority.group(2).isEmpty()) found.add(authority.group(2));
        Matcher setting = SETTING.matcher(url);
        while (setting.find()) if (!setting.group(2).isEmpty()) found.add(setting.group(2));
        return found;
    }
}
