package org.herald.schedule;

import org.herald.config.Pacing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A channel's quiet hours as real moments within a range, by the rule {@link Pacer} applies: a moment is quiet
 * when its wall-clock time in the channel's zone is inside the window. Across a clock change the window is as
 * long as the wall clock says (a night of 22:00-06:00 lasts 7 or 9 hours), and a window edge that falls in a
 * skipped hour starts at the change itself.
 */
public final class QuietSpans {
    /** One quiet stretch, {@code [start, end)}. */
    public record Span(Instant start, Instant end) {
        public boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }

        /** How many seconds of {@code [from, to)} are inside this span. */
        public long overlapSeconds(Instant from, Instant to) {
            Instant a = from.isAfter(start) ? from : start;
            Instant b = to.isBefore(end) ? to : end;
            return b.isAfter(a) ? b.getEpochSecond() - a.getEpochSecond() : 0;
        }
    }

    private QuietSpans() {
    }

    /** The quiet stretches overlapping {@code [from, to)}, clipped to it, in time order; none without quiet hours. */
    public static List<Span> between(Pacing pacing, Instant from, Instant to) {
        if (pacing.quietHours().isEmpty() || !from.isBefore(to)) return List.of();
        Pacing.QuietHours quiet = pacing.quietHours().get();
        ZoneId zone = pacing.timeZone();
        ZoneRules rules = zone.getRules();
        // the quiet rule can only change where the wall clock reaches an edge of the window, or jumps
        TreeSet<Instant> edges = new TreeSet<>();
        edges.add(from);
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (LocalTime t : new LocalTime[]{quiet.start(), quiet.end()}) {
                LocalDateTime local = LocalDateTime.of(d, t);
                for (ZoneOffset offset : rules.getValidOffsets(local)) edges.add(local.toInstant(offset));
            }
        }
        for (ZoneOffsetTransition change = rules.nextTransition(from.minusSeconds(1)); change != null && change.getInstant().isBefore(to);
             change = rules.nextTransition(change.getInstant())) {
            edges.add(change.getInstant());
        }
        List<Span> spans = new ArrayList<>();
        Instant start = null;
        for (Instant edge : edges.subSet(from, true, to, false)) {
            boolean isQuiet = quiet.contains(edge.atZone(zone).toLocalTime());
            if (isQuiet && start == null) start = edge;
            if (!isQuiet && start != null) {
                spans.add(new Span(start, edge));
                start = null;
            }
        }
        if (start != null) spans.add(new Span(start, to));
        return spans;
    }

    /** Whether {@code t} falls in one of {@code spans}. */
    public static boolean isQuiet(List<Span> spans, Instant t) {
        for (Span span : spans) if (span.contains(t)) return true;
        return false;
    }
}
