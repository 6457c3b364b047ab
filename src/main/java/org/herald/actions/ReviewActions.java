package org.herald.actions;

import org.herald.access.ActivityLog;
import org.herald.config.ChannelSettings;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.schedule.DueTimes;
import org.herald.schedule.Lateness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Review before posting: list what feeds with {@code review} hold, approve a row (optionally with new text,
 * now or at a time) or reject it, one row or a whole story. The console, the API and the command line all
 * come here, so the rules, the messages and the activity log entry (with the person's name) are the same.
 */
public final class ReviewActions {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    /** A story held for review with its rows (waiting or expired unreviewed), as a reviewer reads it. */
    public record Held(Outbox.HeldStory story, List<OutboxEntry> rows) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final List<ChannelSettings> channels;
    private final ActivityLog activity;

    public ReviewActions(Outbox outbox, Clock clock, List<ChannelSettings> channels, ActivityLog activity) {
        this.outbox = outbox;
        this.clock = clock;
        this.channels = List.copyOf(channels);
        this.activity = activity;
    }

    /**
     * Held stories, oldest first, at most {@code limit} rows. Stale rows are expired first, so what is shown is
     * what a send cycle would do with them even while no daemon runs.
     */
    public List<Held> pending(int limit) {
        expireStale();
        List<OutboxEntry> rows = outbox.held(limit);
        Map<Long, Outbox.HeldStory> stories = outbox.storiesOf(rows);
        Map<Long, List<OutboxEntry>> byStory = new LinkedHashMap<>();
        for (OutboxEntry row : rows) byStory.computeIfAbsent(row.storyId(), k -> new ArrayList<>()).add(row);
        List<Held> held = new ArrayList<>();
        byStory.forEach((id, storyRows) -> {
            Outbox.HeldStory story = stories.get(id);
            if (story != null) held.add(new Held(story, List.copyOf(storyRows)));
        });
        return held;
    }

    /** Held rows past their channel's max-lateness become EXPIRED, as the send cycle does. */
    public void expireStale() {
        Instant now = clock.instant();
        for (ChannelSettings channel : channels) {
            Duration late = channel.pacing().maxLateness();
            outbox.expireHeld(channel.name(), now.minus(late), "not reviewed within max-lateness " + Lateness.describe(late), now);
        }
    }

    /**
     * Approves one held row: SCHEDULED, due {@code at} (now if empty), with {@code text} if given (counted as
     * its network counts it). An expired row needs {@code anyway}: it is stale news.
     */
    public RowAction approve(String actor, long id, Optional<String> text, Optional<Instant> at, boolean anyway, ZoneId shownIn) {
        expireStale();
        Optional<OutboxEntry> found = outbox.find(id);
        if (found.isEmpty() || !outbox.wasHeld(id)) return new RowAction.Refused("there is no row " + id + " held for review");
        OutboxEntry row = found.get();
        if (row.state() == OutboxState.EXPIRED && !anyway) {
            return new RowAction.Refused("row " + id + " (" + row.channel() + ") expired unreviewed (" + row.lastError().orElse("stale")
                    + "); approve it with \"post anyway\" (--anyway) to post it all the same");
        }
        if (row.state() != OutboxState.PENDING_REVIEW && row.state() != OutboxState.EXPIRED) {
            return new RowAction.Refused("row " + id + " is " + row.state() + "; only rows waiting for review can be approved");
        }
        String newText = row.text();
        // a browser's form sends CRLF line ends
        Optional<String> given = text.map(t -> t.replace("\r\n", "\n"));
        if (given.isPresent() && !given.get().strip().isEmpty()) {
            RowActions.CheckedText checked = RowActions.checkText(row, given.get());
            if (checked instanceof RowActions.CheckedText.Bad bad) return new RowAction.Refused(bad.message());
            newText = ((RowActions.CheckedText.Good) checked).text();
        }
        Instant now = clock.instant();
        Instant due = at.orElse(now);
        if (due.isBefore(now.minus(Duration.ofMinutes(1)))) {
            return new RowAction.Refused("row " + id + ": " + SHOWN.format(due.atZone(shownIn)) + " is in the past; pick a later time");
        }
        if (due.isAfter(now.plus(DueTimes.MAX_AHEAD))) {
            return new RowAction.Refused("row " + id + ": " + SHOWN.format(due.atZone(shownIn)) + " is more than a year ahead; pick an earlier time");
        }
        if (due.isBefore(now)) due = now;
        if (!outbox.approve(id, row.text(), newText, due, anyway, now)) {
            String state = outbox.find(id).map(e -> e.state().name()).orElse("gone");
            return new RowAction.Refused("row " + id + " is " + state + "; it was changed meanwhile, look at it again");
        }
        boolean edited = !newText.equals(row.text());
        if (edited) activity.record(actor, "edit", Optional.of(id), Optional.of(row.channel()), "old: " + row.text() + "\nnew: " + newText);
        String when = at.isEmpty() ? "due now" : "due " + SHOWN.format(due.atZone(shownIn));
        activity.record(actor, "approve", Optional.of(id), Optional.of(row.channel()),
                "was " + row.state() + (row.state() == OutboxState.EXPIRED ? " (posted anyway)" : "") + ", " + when + (edited ? ", text edited" : ""));
        return new RowAction.Done(row, "row " + id + " (" + row.channel() + "): approved" + (edited ? " with the edited text" : "") + ", " + when);
    }

    /** Rejects one held row (waiting or expired): CANCELLED, with who rejected it and why. */
    public RowAction reject(String actor, long id, Optional<String> reason) {
        Optional<OutboxEntry> found = outbox.find(id);
        if (found.isEmpty() || !outbox.wasHeld(id)) return new RowAction.Refused("there is no row " + id + " held for review");
        OutboxEntry row = found.get();
        Optional<String> why = reason.map(String::strip).filter(r -> !r.isEmpty());
        String note = "rejected by " + actor + why.map(r -> ": " + r).orElse("");
        if (!outbox.reject(id, note, clock.instant())) {
            String state = outbox.find(id).map(e -> e.state().name()).orElse("gone");
            return new RowAction.Refused("row " + id + " is " + state + "; only rows waiting for review (or expired unreviewed) can be rejected");
        }
        activity.record(actor, "reject", Optional.of(id), Optional.of(row.channel()), "was " + row.state() + why.map(r -> "; reason: " + r).orElse(""));
        return new RowAction.Done(row, "row " + id + " (" + row.channel() + "): " + note);
    }

    /** Approves every held row of the story the row belongs to, each as {@link #approve} would, texts unchanged. */
    public List<RowAction> approveStory(String actor, long id, Optional<Instant> at, boolean anyway, ZoneId shownIn) {
        return story(id).stream().map(row -> approve(actor, row.id(), Optional.empty(), at, anyway, shownIn)).toList();
    }

    /** Rejects every held row of the story the row belongs to. */
    public List<RowAction> rejectStory(String actor, long id, Optional<String> reason) {
        return story(id).stream().map(row -> reject(actor, row.id(), reason)).toList();
    }

    private List<OutboxEntry> story(long id) {
        Optional<OutboxEntry> row = outbox.find(id);
        if (row.isEmpty()) return List.of();
        return outbox.rowsOfStory(row.get().storyId()).stream()
                .filter(e -> e.state() == OutboxState.PENDING_REVIEW || e.state() == OutboxState.EXPIRED)
                .filter(e -> outbox.wasHeld(e.id())).toList();
    }

    /** One line for several results: all done, or what was refused. */
    public static RowAction combined(long id, List<RowAction> results) {
        if (results.isEmpty()) return new RowAction.Refused("there is no row " + id + " held for review");
        String message = String.join("; ", results.stream().map(RowAction::message).toList());
        boolean anyRefused = results.stream().anyMatch(r -> r instanceof RowAction.Refused);
        if (anyRefused) return new RowAction.Refused(message);
        return new RowAction.Done(((RowAction.Done) results.get(0)).before(), message);
    }
}
