package org.herald.console.forms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The calendar's {@code week} parameter: the Monday a week starts on ({@code 2026-11-30}), in the reader's zone.
 * Absent means the week of today; another day of a week stands for its Monday, so a link to any date still works.
 */
public record WeekChoice(LocalDate monday) {
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2999;

    public WeekChoice {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) throw new IllegalArgumentException(monday + " is not a Monday");
    }

    /** The week, the week of another day given (shown under its Monday's address), or what is wrong in one line. */
    public sealed interface Parsed {
        record Ok(WeekChoice week) implements Parsed {
        }

        record NotMonday(WeekChoice week) implements Parsed {
        }

        record Invalid(String message) implements Parsed {
        }
    }

    public static Parsed parse(Optional<String> value, LocalDate today) {
        String v = value.map(String::strip).orElse("");
        if (v.isEmpty()) return new Parsed.Ok(of(today));
        LocalDate date;
        try {
            date = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return new Parsed.Invalid("The week must be given as the date of its Monday, such as 2026-11-30; '"
                    + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "' is not a date.");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            return new Parsed.Invalid("The calendar shows weeks from " + FIRST_YEAR + " to " + LAST_YEAR + "; " + date + " is outside them.");
        }
        WeekChoice week = of(date);
        return week.monday().equals(date) ? new Parsed.Ok(week) : new Parsed.NotMonday(week);
    }

    /** The week {@code day} is in. */
    public static WeekChoice of(LocalDate day) {
        return new WeekChoice(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public WeekChoice previous() {
        return new WeekChoice(monday.minusWeeks(1));
    }

    public WeekChoice next() {
        return new WeekChoice(monday.plusWeeks(1));
    }
}
