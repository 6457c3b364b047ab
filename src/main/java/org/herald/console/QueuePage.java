package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.Role;
import org.herald.access.Session;
import org.herald.actions.RowActions;
import org.herald.config.ChannelSettings;
import org.herald.config.FeedSettings;
import org.herald.console.auth.Guard;
import org.herald.console.forms.QueueFilter;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET /queue: every outbox row, newest due first, 50 a page, filtered by state, channel, feed and free text. */
public final class QueuePage {
    static final int PAGE = 50;

    /** What the queue template shows. */
    public record View(Frame frame, Filter filter, List<Row> rows, Optional<String> older, Optional<String> searchedTo, boolean firstPage,
                       List<String> states,
                       List<String> channels, List<String> feeds) {
    }

    /** The filter form as it was submitted, for showing it again. */
    public record Filter(String state, String channel, String feed, String q, String self) {
    }

    /** One outbox row as the queue shows it, with the actions the reader may take on it. */
    public record Row(long id, String channel, String network, String state, String text, Optional<String> link, String feed,
                      String due, Optional<String> sent, int attempts, Optional<String> reason, Optional<String> live,
                      boolean canCancel, boolean canRetry, boolean canEdit, boolean canReschedule, String atInput, String csrf,
                      String back, Optional<String> notice, boolean noticeIsError, Optional<String> confidence, boolean dryRun) {
    }

    private final Services services;

    public QueuePage(Services services) {
        this.services = services;
    }

    public void show(Context ctx) {
        Session session = Guard.session(ctx);
        Map<String, String> query = new HashMap<>();
        for (String key : List.of("state", "channel", "feed", "q", "after")) {
            String v = ctx.queryParam(key);
            if (v != null) query.put(key, v);
        }
        QueueFilter filter = QueueFilter.parse(query);
        Outbox.Page found = services.outbox().page(new Outbox.PageQuery(filter.state(), filter.channel(), filter.feed(), filter.text(),
                filter.after(), PAGE + 1));
        List<OutboxEntry> entries = found.rows();
        boolean more = entries.size() > PAGE;
        if (more) entries = entries.subList(0, PAGE);
        Map<Long, String> feeds = services.outbox().feedsOf(entries);
        String self = "/queue" + Pages.query(Pages.params("state", filter.state().map(Enum::name).orElse(""),
                "channel", filter.channel().orElse(""), "feed", filter.feed().orElse(""), "q", filter.text().orElse(""),
                "after", filter.after().map(QueueFilter::cursor).orElse("")));
        List<Row> rows = new ArrayList<>();
        for (OutboxEntry e : entries) rows.add(row(services, session, e, feeds.getOrDefault(e.storyId(), ""), self, Optional.empty(), false));
        Optional<Outbox.Cursor> next = more
                ? Optional.of(new Outbox.Cursor(entries.get(entries.size() - 1).due(), entries.get(entries.size() - 1).id()))
                : found.searchedTo();
        Optional<String> older = next.map(cursor -> "/queue" + Pages.query(Pages.params("state", filter.state().map(Enum::name).orElse(""),
                "channel", filter.channel().orElse(""), "feed", filter.feed().orElse(""), "q", filter.text().orElse(""),
                "after", QueueFilter.cursor(cursor))));
        Optional<String> searchedTo = more ? Optional.empty()
                : found.searchedTo().map(cursor -> "Searched the rows due down to " + Shown.time(cursor.due(), Pages.zone(services, session))
                + "; older rows may match too.");
        Filter shown = new Filter(filter.state().map(Enum::name).orElse(""), filter.channel().orElse(""), filter.feed().orElse(""),
                filter.text().orElse(""), self);
        View view = new View(Pages.frame(ctx, services, "Queue", "queue"), shown, rows, older, searchedTo, filter.after().isEmpty(),
                Arrays.stream(OutboxState.values()).map(Enum::name).toList(),
                services.settings().channels().stream().map(ChannelSettings::name).toList(),
                services.settings().schedule().feeds().stream().map(FeedSettings::name).toList());
        ctx.html(services.views().render("queue.jte", view));
    }

    /** One row as shown, also by the actions that answer htmx with the changed row. */
    static Row row(Services services, Session session, OutboxEntry e, String feed, String back, Optional<String> notice, boolean error) {
        ZoneId zone = Pages.zone(services, session);
        boolean editor = session.user().role().allows(Role.EDITOR);
        OutboxState s = e.state();
        Optional<String> live = Optional.empty();
        if (s == OutboxState.SENT) {
            live = "x".equals(e.network()) && e.remoteId().filter(id -> id.matches("\\d{1,30}")).isPresent()
                    ? Optional.of("https://x.com/i/web/status/" + e.remoteId().get())
                    : Shown.safeLink(e.remoteUrl());
        }
        java.time.Instant due = s == OutboxState.SCHEDULED ? e.nextAttempt() : e.due();
        return new Row(e.id(), e.channel(), e.network(), s.name(), e.text(), Shown.safeLink(e.link()), feed,
                Shown.time(due, zone), e.sentAt().map(t -> Shown.time(t, zone)), e.attempts(), e.lastError(), live,
                editor && RowActions.cancellable(s), editor && RowActions.retryable(s), editor && RowActions.editable(s),
                editor && RowActions.reschedulable(s),
                Shown.input(due.isBefore(services.clock().instant()) ? services.clock().instant().plusSeconds(3600) : due, zone),
                session.csrf(), back, notice, error,
                e.confidence().map(c -> c.id() + e.confidenceReason().map(r -> " (" + r + ")").orElse("")), e.dryRun());
    }
}
