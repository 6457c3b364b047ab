package org.herald.console.forms;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The reschedule form: field {@code at}, a date and time in the reader's zone ({@code 2026-11-25T09:00}, as a
 * datetime-local field sends it) or with an explicit offset ({@code 2026-11-25T09:00+03:00}).
 */
public record RescheduleForm(Instant at) {
    /** Parsed, or the one line that says what is wrong. */
    public sealed interface Parsed {
        record Ok(RescheduleForm form) implements Parsed {
        }

        record Invalid(String message) implements Parsed {
        }
    }

    public static Parsed parse(Map<String, String> fields, ZoneId zone) {
        String at = fields.getOrDefault("at", "").strip().replace(' ', 'T');
        if (at.isEmpty()) return new Parsed.Invalid("pick a date and time");
        try {
            return new Parsed.Ok(new RescheduleForm(OffsetDateTime.parse(at).toInstant()));
        } catch (DateTimeParseException notWithOffset) {
            try {
                return new Parsed.Ok(new RescheduleForm(LocalDateTime.parse(at).atZone(zone).toInstant()));
            } catch (DateTimeException e) {
                return new Parsed.Invalid("'" + (at.length() > 40 ? at.substring(0, 40) + "…" : at)
                        + "' is not a date and time such as 2026-11-25T09:00 (in " + zone.getId() + ")");
            }
        }
    }
}
