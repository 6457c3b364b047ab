package org.herald.schedule;

import java.time.Duration;

/** Durations as a person reads them in a message: "3 d 4 h", "2 h 5 min", "40 s", never "1066581840 min". */
public final class Lateness {
    private Lateness() {
    }

    public static String describe(Duration duration) {
        long seconds = Math.abs(duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days >= 365) return days / 365 + " y " + days % 365 + " d";
        if (days > 0) return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        if (hours > 0) return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        if (minutes > 0) return minutes + " min";
        return seconds + " s";
    }
}
