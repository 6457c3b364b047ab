package org.herald.actions;

import org.herald.outbox.OutboxEntry;

/** The outcome of an action on an outbox row: done (with the row as it was before), or refused with the reason. */
public sealed interface RowAction {
    String message();

    record Done(OutboxEntry before, String message) implements RowAction {
    }

    record Refused(String message) implements RowAction {
    }
}
