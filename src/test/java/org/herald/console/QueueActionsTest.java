package org.herald.console;

import org.herald.access.ActivityLog;
import org.herald.access.Role;
import org.herald.access.User;
import org.herald.actions.RowAction;
import org.herald.actions.RowActions;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.publish.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The console's row actions call the outbox once and log once; a refused action changes and logs nothing. */
class QueueActionsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final User MAYA = new User(7, "maya", Role.EDITOR, Optional.empty(), NOW);

    private final MutableClock clock = new MutableClock(NOW);
    private final Outbox outbox = mock(Outbox.class);
    private final ActivityLog activity = mock(ActivityLog.class);
    private final QueueActions actions = new QueueActions(null, new RowActions(outbox, clock), activity, outbox);

    private static OutboxEntry row(OutboxState state) {
        return new OutboxEntry(5, 1, "x-main", "x", "Council approves budget https://news.example.org/a",
                Optional.of(URI.create("https://news.example.org/a")), state, NOW.plusSeconds(3600), NOW.plusSeconds(3600), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), NOW, NOW, Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void cancellingCallsTheOutboxOnceAndLogsOnce() {
        when(outbox.find(5)).thenReturn(Optional.of(row(OutboxState.SCHEDULED)));
        when(outbox.cancel(5, NOW)).thenReturn(true);
        RowAction result = actions.apply(MAYA, 5, QueueActions.Kind.CANCEL, Map.of(), ZoneId.of("UTC"));
        assertThat(result).isInstanceOf(RowAction.Done.class);
        assertThat(result.message()).isEqualTo("row 5 (x-main): cancelled");
        verify(outbox, times(1)).cancel(5, NOW);
        verify(activity, times(1)).record(eq("maya"), eq("cancel"), eq(Optional.of(5L)), eq(Optional.of("x-main")), eq("was SCHEDULED"));
    }

    @Test
    void editingCallsTheOutboxOnceWithTheOldTextAsItsGuard() {
        when(outbox.find(5)).thenReturn(Optional.of(row(OutboxState.SCHEDULED)));
        when(outbox.edit(eq(5L), anyString(), anyString(), eq(NOW))).thenReturn(true);
        RowAction result = actions.apply(MAYA, 5, QueueActions.Kind.EDIT, Map.of("text", "Budget passes 7-2 https://news.example.org/a"), ZoneId.of("UTC"));
        assertThat(result).isInstanceOf(RowAction.Done.class);
        verify(outbox, times(1)).edit(5, "Council approves budget https://news.example.org/a", "Budget passes 7-2 https://news.example.org/a", NOW);
        verify(activity, times(1)).record(eq("maya"), eq("edit"), eq(Optional.of(5L)), any(), anyString());
    }

    @Test
    void aRefusedActionChangesNothingAndLogsNothing() {
        when(outbox.find(5)).thenReturn(Optional.of(row(OutboxState.SENT)));
        RowAction edit = actions.apply(MAYA, 5, QueueActions.Kind.EDIT, Map.of("text", "new words https://news.example.org/a"), ZoneId.of("UTC"));
        assertThat(edit.message()).isEqualTo("row 5 is SENT; it can be edited only while SCHEDULED, FAILED or EXPIRED");
        RowAction tooLong = actions.apply(MAYA, 5, QueueActions.Kind.RESCHEDULE, Map.of("at", "not a time"), ZoneId.of("UTC"));
        assertThat(tooLong).isInstanceOf(RowAction.Refused.class);
        verify(outbox, never()).edit(anyLong(), anyString(), anyString(), any());
        verify(outbox, never()).rescheduleTo(anyLong(), any(), any());
        verify(outbox, never()).cancel(anyLong(), any());
        verifyNoInteractions(activity);
    }

    @Test
    void aRowThatMovedOnMeanwhileIsRefusedWithItsNewState() {
        when(outbox.find(5)).thenReturn(Optional.of(row(OutboxState.SCHEDULED)), Optional.of(row(OutboxState.SENT)));
        when(outbox.cancel(5, NOW)).thenReturn(false);
        RowAction result = actions.apply(MAYA, 5, QueueActions.Kind.CANCEL, Map.of(), ZoneId.of("UTC"));
        assertThat(result.message()).isEqualTo("row 5 is SENT; it can be cancelled only while SCHEDULED, PENDING_REVIEW, FAILED or EXPIRED");
        verify(outbox, times(1)).cancel(5, NOW);
        verifyNoInteractions(activity);
    }
}
