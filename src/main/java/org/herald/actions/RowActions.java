package org.herald.actions;

import org.herald.compose.TweetLength;
import org.herald.config.Network;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Cancel, retry, edit and reschedule one outbox row. Every change is one guarded update, so an action on a
 * row that has moved on (sent, sending, already cancelled) is refused and never applied twice.
 */
public final class RowActions {
    /** Facebook refuses messages longer than this. */
    static final int FACEBOOK_MAX = 63_206;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final Outbox outbox;
    private final Clock clock;

    public RowActions(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public RowAction cancel(long id) {
        Optional<OutboxEntry> row = outbox.find(id);
        if (row.isEmpty()) return noRow(id);
        if (!outbox.cancel(id, clock.instant())) return refused(id, "can be cancelled only while SCHEDULED, PENDING_REVIEW, FAILED or EXPIRED");
        return done(row.get(), "cancelled");
    }

    public RowAction retry(long id) {
        Optional<OutboxEntry> row = outbox.find(id);
        if (row.isEmpty()) return noRow(id);
        if (!outbox.retry(id, clock.instant())) return refused(id, "can be retried only when FAILED, EXPIRED or CANCELLED");
        return done(row.get(), "scheduled again, due now");
    }

    /** New text for a row not yet sent; an X post is counted as X counts it, and the link stays as it is. */
    public RowAction edit(long id, String text) {
        Optional<OutboxEntry> found = outbox.find(id);
        if (found.isEmpty()) return noRow(id);
        OutboxEntry row = found.get();
        if (!editable(row.state())) return new RowAction.Refused("row " + id + " is " + row.state() + "; it can be edited only while SCHEDULED, FAILED or EXPIRED");
        CheckedText checked = checkText(row, text);
        if (checked instanceof CheckedText.Bad bad) return new RowAction.Refused(bad.message());
        String clean = ((CheckedText.Good) checked).text();
        if (clean.equals(row.text())) return new RowAction.Refused("row " + id + ": the text is unchanged");
        if (!outbox.edit(id, row.text(), clean, clock.instant())) {
            return refused(id, "was changed meanwhile; look at it again before editing");
        }
        return new RowAction.Done(row, "row " + id + " (" + row.channel() + "): text changed");
    }

    /** New text for a row, checked as its network counts it: the clean text, or why it cannot be used. */
    sealed interface CheckedText {
        record Good(String text) implements CheckedText {
        }

        record Bad(String message) implements CheckedText {
        }
    }

    static CheckedText checkText(OutboxEntry row, String text) {
        long id = row.id();
        String clean;
        if (Network.byId(row.network()).orElse(Network.X) == Network.X) {
            TweetLength.Counted counted = TweetLength.count(text);
            clean = counted.text();
            if (clean.isEmpty()) return new CheckedText.Bad("row " + id + ": the text is empty");
            if (!counted.valid()) {
                return new CheckedText.Bad("row " + id + ": the tweet is " + counted.weightedLength() + "/" + counted.maxLength()
                        + " as X counts it (links count 23, CJK and emoji 2); shorten it"
                        + (counted.weightedLength() > counted.maxLength() ? " by " + (counted.weightedLength() - counted.maxLength()) : ""));
            }
            Optional<String> link = row.link().map(URI::toString);
            if (link.isPresent() && row.text().contains(link.get()) && !clean.contains(link.get())) {
                return new CheckedText.Bad("row " + id + ": the tweet must keep the story's link " + link.get());
            }
        } else {
            clean = text.strip();
            if (clean.isEmpty()) return new CheckedText.Bad("row " + id + ": the text is empty");
            if (clean.length() > FACEBOOK_MAX) return new CheckedText.Bad("row " + id + ": the message is " + clean.length() + "/" + FACEBOOK_MAX + " characters");
        }
        return new CheckedText.Good(clean);
    }

    /** Puts a row not yet sent in line for {@code at}, which must not be in the past. */
    public RowAction reschedule(long id, Instant at, ZoneId shownIn) {
        Optional<OutboxEntry> row = outbox.find(id);
        if (row.isEmpty()) return noRow(id);
        Instant now = clock.instant();
        if (at.isBefore(now.minus(Duration.ofMinutes(1)))) {
            return new RowAction.Refused("row " + id + ": " + SHOWN.format(at.atZone(shownIn)) + " is in the past; pick a later time");
        }
        if (at.isAfter(now.plus(org.herald.schedule.DueTimes.MAX_AHEAD))) {
            return new RowAction.Refused("row " + id + ": " + SHOWN.format(at.atZone(shownIn)) + " is more than a year ahead; pick an earlier time");
        }
        if (!outbox.rescheduleTo(id, at, now)) return refused(id, "can be rescheduled only while SCHEDULED, FAILED, EXPIRED or CANCELLED");
        return done(row.get(), "scheduled for " + SHOWN.format(at.atZone(shownIn)));
    }

    /** The states each action accepts (the outbox's guarded updates enforce the same), so pages offer only what works. */
    public static boolean editable(OutboxState state) {
        return state == OutboxState.SCHEDULED || state == OutboxState.FAILED || state == OutboxState.EXPIRED;
    }

    /** A row held for review can be cancelled too (a CMS taking a story back), besides being rejected. */
    public static boolean cancellable(OutboxState state) {
        return editable(state) || state == OutboxState.PENDING_REVIEW;
    }

    public static boolean retryable(OutboxState state) {
        return state == OutboxState.FAILED || state == OutboxState.EXPIRED || state == OutboxState.CANCELLED;
    }

    public static boolean reschedulable(OutboxState state) {
        return editable(state) || state == OutboxState.CANCELLED;
    }

    private RowAction refused(long id, String rule) {
        // read again: the state that refused the change, not the one seen before it
        String state = outbox.find(id).map(e -> e.state().name()).orElse("gone");
        return new RowAction.Refused("row " + id + " is " + state + "; it " + rule);
    }

    private static RowAction noRow(long id) {
        return new RowAction.Refused("there is no outbox row " + id);
    }

    private static RowAction done(OutboxEntry before, String what) {
        return new RowAction.Done(before, "row " + before.id() + " (" + before.channel() + "): " + what);
    }
}
