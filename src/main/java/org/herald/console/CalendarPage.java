package org.herald.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.herald.access.Session;
import org.herald.config.ChannelSettings;
import org.herald.config.Pacing;
import org.herald.console.auth.Guard;
import org.herald.console.forms.WeekChoice;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxState;
import org.herald.schedule.QuietSpans;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GET /calendar?week=2026-11-30: one week, a lane per channel and a column per day in the reader's zone, with
 * the posts that went, go or were meant to go (scheduled, held for review, sent; failed and expired set apart),
 * each channel's quiet hours shaded (worked out in the channel's own zone) and each day's count against its
 * {@code max-per-day}. One outbox query over the week; a busy hour folds into one line that opens on click.
 */
public final class CalendarPage {
    /** The most rows one week shows; a week beyond this says so. */
    static final int LIMIT = 5000;
    /** A day with more posts than this folds every hour holding two or more; a quieter day only hours of more than three. */
    static final int BUSY_DAY = 8;
    private static final Duration SEGMENT = Duration.ofMinutes(30);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** What the calendar template shows. */
    public record View(Frame frame, String zone, String title, String week, String previous, String next, boolean thisWeek,
                       List<Day> days, List<Lane> lanes, int shown, Optional<String> note) {
    }

    /** A column: one day in the reader's zone; {@code clockChange} says when that day is not 24 hours long. */
    public record Day(String date, String label, String longLabel, boolean today, Optional<String> clockChange) {
    }

    /** A channel's row of the week. */
    public record Lane(String channel, String network, boolean configured, boolean dryRun, String limit, String quiet, List<Cell> cells) {
    }

    /**
     * One channel's day: {@code count} posts that went or will go (sent, sending, scheduled) against {@code max}
     * (0: no limit), {@code held} more waiting for review, the day's half hours with quiet ones shaded, the posts.
     */
    public record Cell(String date, boolean today, int count, int max, String countLabel, String load, int held, String quietLabel,
                       List<Segment> strip, List<Group> groups) {
    }

    /** A half hour of the day's strip; {@code css} carries the shading (quiet, partly quiet) and how many posts start in it. */
    public record Segment(String css, String title) {
    }

    /** The posts of one hour: listed one by one, or folded into "12 posts 09:00–10:00" when the hour is busy. */
    public record Group(String hours, boolean folded, String summary, List<Item> items) {
    }

    /** One post on the calendar; it links to its row. {@code inQuiet}: scheduled inside quiet hours, so it will wait for their end. */
    public record Item(long id, String time, String state, String css, String tag, String headline, String title, boolean inQuiet,
                       boolean dryRun) {
    }

    private final Services services;

    public CalendarPage(Services services) {
        this.services = services;
    }

    public void show(Context ctx) {
        Session session = Guard.session(ctx);
        ZoneId zone = Pages.zone(services, session);
        Instant now = services.clock().instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        WeekChoice.Parsed parsed = WeekChoice.parse(Optional.ofNullable(ctx.queryParam("week")), today);
        if (parsed instanceof WeekChoice.Parsed.Invalid invalid) throw new Halt(400, invalid.message());
        if (parsed instanceof WeekChoice.Parsed.NotMonday other) {
            ctx.redirect(link(other.week()), HttpStatus.SEE_OTHER);
            return;
        }
        WeekChoice week = ((WeekChoice.Parsed.Ok) parsed).week();
        View view = view(Pages.frame(ctx, services, "Calendar", "calendar"), week, zone, today);
        ctx.html(services.views().render("calendar.jte", view));
    }

    static String link(WeekChoice week) {
        return "/calendar?week=" + week.monday();
    }

    View view(Frame frame, WeekChoice week, ZoneId zone, LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < 7; i++) dates.add(week.monday().plusDays(i));
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i <= 7; i++) starts.add(week.monday().plusDays(i).atStartOfDay(zone).toInstant());
        Instant from = starts.get(0);
        Instant to = starts.get(7);
        List<Outbox.Placed> placed = services.outbox().placedBetween(from, to, LIMIT + 1);
        boolean more = placed.size() > LIMIT;
        if (more) placed = placed.subList(0, LIMIT);

        // lanes: the configured channels in their order, then any channel only the outbox still knows
        Map<String, List<Outbox.Placed>> byChannel = new LinkedHashMap<>();
        for (ChannelSettings c : services.settings().channels()) byChannel.put(c.name(), new ArrayList<>());
        for (Outbox.Placed p : placed) byChannel.computeIfAbsent(p.row().channel(), k -> new ArrayList<>()).add(p);

        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long minutes = Duration.between(starts.get(i), starts.get(i + 1)).toMinutes();
            Optional<String> change = minutes == 24 * 60 ? Optional.empty()
                    : Optional.of("clocks " + (minutes > 24 * 60 ? "go back" : "go forward") + ": a day of " + hoursText(minutes));
            days.add(new Day(dates.get(i).toString(), DAY.format(dates.get(i)), LONG_DAY.format(dates.get(i)), dates.get(i).equals(today), change));
        }
        List<Lane> lanes = new ArrayList<>();
        for (Map.Entry<String, List<Outbox.Placed>> e : byChannel.entrySet()) {
            Optional<ChannelSettings> settings = services.settings().channel(e.getKey());
            lanes.add(lane(e.getKey(), settings, e.getValue(), starts, dates, zone, today));
        }
        String title = DAY.format(dates.get(0)) + " – " + DAY.format(dates.get(6)) + " " + dates.get(6).getYear();
        Optional<String> note = more
                ? Optional.of("This week has more than " + LIMIT + " posts; the first " + LIMIT + " by time are shown.")
                : Optional.empty();
        return new View(frame, zone.getId(), title, week.monday().toString(), link(week.previous()), link(week.next()),
                WeekChoice.of(today).equals(week), days, lanes, placed.size(), note);
    }

    private static Lane lane(String channel, Optional<ChannelSettings> settings, List<Outbox.Placed> posts, List<Instant> starts,
                             List<LocalDate> dates, ZoneId zone, LocalDate today) {
        Pacing pacing = settings.map(ChannelSettings::pacing).orElse(Pacing.none());
        List<QuietSpans.Span> quiet = QuietSpans.between(pacing, starts.get(0), starts.get(7));
        List<Cell> cells = new ArrayList<>();
        int next = 0;
        for (int d = 0; d < 7; d++) {
            Instant dayStart = starts.get(d);
            Instant dayEnd = starts.get(d + 1);
            List<Outbox.Placed> ofDay = new ArrayList<>();
            while (next < posts.size() && posts.get(next).at().isBefore(dayEnd)) ofDay.add(posts.get(next++));
            cells.add(cell(dates.get(d), dates.get(d).equals(today), ofDay, pacing.maxPerDay(), quiet, dayStart, dayEnd, zone,
                    settings.map(ChannelSettings::dryRun).orElse(false)));
        }
        String network = settings.map(c -> c.network().id()).orElseGet(() -> posts.isEmpty() ? "" : posts.get(0).row().network());
        String limit = settings.isEmpty() ? "not in the settings any more"
                : pacing.maxPerDay() > 0 ? "at most " + pacing.maxPerDay() + " a day" : "no daily limit";
        String quietHours = pacing.quietHours().map(q -> "quiet " + HM.format(q.start()) + "–" + HM.format(q.end()) + " " + pacing.timeZone().getId())
                .orElse("no quiet hours");
        return new Lane(channel, network, settings.isPresent(), settings.map(ChannelSettings::dryRun).orElse(false), limit, quietHours, cells);
    }

    private static Cell cell(LocalDate date, boolean today, List<Outbox.Placed> posts, int max, List<QuietSpans.Span> quiet, Instant dayStart, Instant dayEnd,
                             ZoneId zone, boolean dryRunLane) {
        int count = 0;
        int held = 0;
        for (Outbox.Placed p : posts) {
            OutboxState s = p.row().state();
            if (s == OutboxState.SENT || s == OutboxState.SENDING || s == OutboxState.SCHEDULED) count++;
            if (s == OutboxState.PENDING_REVIEW) held++;
        }
        String load = max <= 0 ? "" : count > max ? "over" : count == max ? "full" : "";
        String countLabel = max > 0 ? count + "/" + max : String.valueOf(count);

        // the strip: the day's half hours as they really pass (46 or 50 of them on a day the clocks change)
        List<Segment> strip = new ArrayList<>();
        List<String> quietParts = new ArrayList<>();
        int p = 0;
        for (Instant a = dayStart; a.isBefore(dayEnd); a = a.plus(SEGMENT)) {
            Instant b = a.plus(SEGMENT).isAfter(dayEnd) ? dayEnd : a.plus(SEGMENT);
            long quietSeconds = 0;
            for (QuietSpans.Span span : quiet) quietSeconds += span.overlapSeconds(a, b);
            int starting = 0;
            while (p < posts.size() && posts.get(p).at().isBefore(b)) {
                starting++;
                p++;
            }
            ZonedDateTime local = a.atZone(zone);
            StringBuilder css = new StringBuilder("seg");
            String shade = quietSeconds == 0 ? "" : quietSeconds >= Duration.between(a, b).getSeconds() ? "quiet" : "quiet-part";
            if (!shade.isEmpty()) css.append(' ').append(shade);
            if (starting > 0) css.append(starting == 1 ? " n1" : starting <= 3 ? " n2" : " n3");
            if (local.getMinute() == 0 && local.getHour() % 6 == 0 && local.getHour() > 0) css.append(" tick");
            String title = HM.format(local) + "–" + HM.format(b.atZone(zone)) + (shade.equals("quiet") ? " · quiet"
                    : shade.isEmpty() ? "" : " · partly quiet") + (starting == 0 ? "" : " · " + starting + (starting == 1 ? " post" : " posts"));
            strip.add(new Segment(css.toString(), title));
        }
        for (QuietSpans.Span span : quiet) {
            if (span.overlapSeconds(dayStart, dayEnd) == 0) continue;
            Instant a = span.start().isBefore(dayStart) ? dayStart : span.start();
            Instant b = span.end().isAfter(dayEnd) ? dayEnd : span.end();
            quietParts.add(HM.format(a.atZone(zone)) + "–" + (b.equals(dayEnd) ? "24:00" : HM.format(b.atZone(zone))));
        }
        String quietLabel = quietParts.isEmpty() ? "" : "quiet " + String.join(", ", quietParts);

        // the posts, hour by hour; a busy hour folds into one line
        TreeMap<Instant, List<Item>> hours = new TreeMap<>();
        for (Outbox.Placed placed : posts) {
            Instant hour = placed.at().atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            hours.computeIfAbsent(hour, k -> new ArrayList<>()).add(item(placed, zone,
                    placed.row().state() == OutboxState.SCHEDULED && QuietSpans.isQuiet(quiet, placed.at()), dryRunLane));
        }
        int foldAbove = posts.size() > BUSY_DAY ? 1 : 3;
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Instant, List<Item>> h : hours.entrySet()) {
            ZonedDateTime start = h.getKey().atZone(zone);
            Instant endInstant = h.getKey().plus(Duration.ofHours(1));
            String span = time(start, zone) + "–" + (endInstant.isBefore(dayEnd) ? time(endInstant.atZone(zone), zone) : "24:00");
            List<Item> items = h.getValue();
            boolean folded = items.size() > foldAbove;
            groups.add(new Group(span, folded, items.size() + " posts " + span + summary(items), items));
        }
        return new Cell(date.toString(), today, count, max, countLabel, load, held, quietLabel, strip, groups);
    }

    /** "(2 held, 1 failed)" after a folded hour's count, so a problem inside it is not hidden by the fold. */
    private static String summary(List<Item> items) {
        Map<String, Integer> tags = new TreeMap<>();
        for (Item i : items) if (!i.tag().isEmpty() && !i.tag().equals("sent")) tags.merge(i.tag(), 1, Integer::sum);
        if (tags.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        tags.forEach((tag, n) -> parts.add(n + " " + tag));
        return " (" + String.join(", ", parts) + ")";
    }

    /** {@code dryRunLane}: the lane says dry-run already, so only a row of the other mode is marked. */
    private static Item item(Outbox.Placed placed, ZoneId zone, boolean inQuiet, boolean dryRunLane) {
        OutboxState s = placed.row().state();
        String tag = switch (s) {
            case SENT -> "sent";
            case SENDING -> "sending";
            case PENDING_REVIEW -> "held";
            case FAILED -> "failed";
            case EXPIRED -> "expired";
            default -> "";
        };
        String headline = placed.headline().isBlank() ? placed.row().text() : placed.headline();
        String when = time(placed.at().atZone(zone), zone);
        String title = when + " " + s.name() + (inQuiet ? " (in quiet hours: goes when they end)" : "")
                + (placed.row().dryRun() ? " (dry-run)" : "") + "\n" + placed.row().text();
        return new Item(placed.row().id(), when, s.name(), "st-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'), tag,
                headline, title, inQuiet, placed.row().dryRun() && !dryRunLane);
    }

    /** HH:mm, with the offset when that wall-clock time happens twice that day (the hour the clocks go back). */
    private static String time(ZonedDateTime t, ZoneId zone) {
        boolean twice = zone.getRules().getValidOffsets(t.toLocalDateTime()).size() > 1;
        return HM.format(t) + (twice ? " (UTC" + t.getOffset().getId().replace("Z", "+00:00") + ")" : "");
    }

    private static String hoursText(long minutes) {
        return minutes % 60 == 0 ? (minutes / 60) + " hours" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
