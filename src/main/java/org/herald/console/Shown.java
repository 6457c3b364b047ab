package org.herald.console;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How values appear on pages: times in the reader's zone with the zone named, and links only when they are http(s). */
public final class Shown {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private Shown() {
    }

    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone)) + " " + zone.getId();
    }

    public static String time(Optional<Instant> instant, ZoneId zone) {
        return instant.map(i -> time(i, zone)).orElse("—");
    }

    /** To the second, for things that change every few seconds (a node's check-ins). */
    public static String seconds(Instant instant, ZoneId zone) {
        return SECONDS.format(instant.atZone(zone)) + " " + zone.getId();
    }

    /** How long ago, as {@code herald nodes} says it: "4 s ago", "3 min ago", "5 h ago". */
    public static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        return s < 120 ? s + " s ago" : s < 7200 ? s / 60 + " min ago" : s / 3600 + " h ago";
    }

    /** The value of a datetime-local field for this instant in this zone. */
    public static String input(Instant instant, ZoneId zone) {
        return INPUT.format(instant.atZone(zone));
    }

    /** The link if it is http(s); anything else (javascript:, data:, …) is never rendered as a link. */
    public static Optional<String> safeLink(Optional<?> link) {
        return link.map(Object::toString).filter(Shown::isHttp);
    }

    public static boolean isHttp(String link) {
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
