package org.herald.console.forms;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** The settings form: field {@code time-zone}, a zone id, or empty for the console's default. */
public record TimeZoneForm(Optional<ZoneId> zone) {
    /** Parsed, or the one line that says what is wrong. */
    public sealed interface Parsed {
        record Ok(TimeZoneForm form) implements Parsed {
        }

        record Invalid(String message) implements Parsed {
        }
    }

    public static Parsed parse(Map<String, String> fields) {
        String zone = fields.getOrDefault("time-zone", "").strip();
        if (zone.isEmpty()) return new Parsed.Ok(new TimeZoneForm(Optional.empty()));
        try {
            return new Parsed.Ok(new TimeZoneForm(Optional.of(ZoneId.of(zone))));
        } catch (DateTimeException e) {
            return new Parsed.Invalid("'" + (zone.length() > 60 ? zone.substring(0, 60) : zone) + "' is not a time zone such as Europe/Paris");
        }
    }
}
