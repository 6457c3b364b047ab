package org.herald.outbox;

/** Where an outbox row stands. Every change of state is its own committed transaction. */
public enum OutboxState {
    /** Waiting for its due time (or its next attempt). */
    SCHEDULED,
    /** Claimed: a publish call is, or was when Herald stopped, in flight. */
    SENDING,
    SENT,
    /** Refused for good, or out of attempts; {@code retry ID} puts it back. */
    FAILED,
    CANCELLED,
    /** Herald was down past the row's due time plus max-lateness: stale news is not posted. */
    EXPIRED,
    /** Held for a person to approve or reject (feed setting {@code review}); never sent in this state. */
    PENDING_REVIEW
}
