package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.Role;
import org.herald.access.Session;
import org.herald.config.FeedSettings;
import org.herald.console.auth.Guard;
import org.herald.outbox.FeedPolls;
import org.herald.outbox.FeedState;
import org.herald.outbox.Pauses;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET /feeds: each feed's address, schedule, last poll and its result, next poll and health; admin actions. */
public final class FeedsPage {
    /** What the feeds template shows. */
    public record View(Frame frame, List<Row> feeds, boolean engineRunning) {
    }

    /** One feed as shown; {@code link} only when the address is http(s). */
    public record Row(String name, String url, Optional<String> link, String schedule, String lastPoll, String result, boolean resultIsError,
                      String nextPoll, boolean healthy, Optional<String> lastError, Optional<String> pausedBy, String channels, String csrf) {
    }

    private final Services services;

    public FeedsPage(Services services) {
        this.services = services;
    }

    public void show(Context ctx) {
        Session session = Guard.session(ctx);
        ZoneId zone = Pages.zone(services, session);
        Map<String, FeedPolls.LastPoll> polls = services.feedPolls().all();
        Map<String, Pauses.Pause> paused = services.pauses().all(Pauses.Kind.FEED);
        List<Row> rows = new ArrayList<>();
        for (FeedSettings f : services.settings().schedule().feeds()) {
            Optional<FeedPolls.LastPoll> poll = Optional.ofNullable(polls.get(f.name()));
            Optional<FeedState> state = services.feedStates().get(f.name());
            String result = poll.map(p -> p.error().map(e -> "error: " + e)
                    .orElse(p.changed() ? p.newStories() + " new " + (p.newStories() == 1 ? "story" : "stories") + ", " + p.rows() + " posts queued"
                            : "not modified (304)")).orElse("not polled yet");
            Optional<Pauses.Pause> pause = Optional.ofNullable(paused.get(f.name()));
            rows.add(new Row(f.name(), f.url(), Optional.of(f.url()).filter(Shown::isHttp),
                    f.every().map(d -> "every " + d.toString().substring(2).toLowerCase(java.util.Locale.ROOT)).orElse("cron " + f.cron().orElse("")),
                    poll.map(p -> Shown.time(p.at(), zone)).orElse("never"), result, poll.flatMap(FeedPolls.LastPoll::error).isPresent(),
                    pause.isPresent() ? "paused" : services.engine().nextPoll(f.name()).map(t -> Shown.time(t, zone))
                            .orElse(services.engine().running() ? "—" : "on the node that runs herald run"),
                    state.map(FeedState::healthy).orElse(true), state.filter(s -> !s.healthy()).flatMap(FeedState::lastError),
                    pause.map(p -> p.by() + " since " + Shown.time(p.at(), zone)), String.join(", ", f.channels()), session.csrf()));
        }
        ctx.html(services.views().render("feeds.jte", new View(Pages.frame(ctx, services, "Feeds", "feeds"), rows, services.engine().running())));
    }

    public void pause(Context ctx) {
        Session session = Guard.require(ctx, Role.ADMIN);
        FeedSettings feed = feed(ctx);
        boolean changed = services.pauses().pause(Pauses.Kind.FEED, feed.name(), session.user().name(), services.clock().instant());
        if (changed) services.activity().record(session.user().name(), "pause", Optional.empty(), Optional.of("feed " + feed.name()), "");
        Pages.redirectWithNotice(ctx, services, "/feeds", changed ? "feed " + feed.name() + " paused: it is not polled until it is resumed"
                : "feed " + feed.name() + " was already paused", !changed);
    }

    public void resume(Context ctx) {
        Session session = Guard.require(ctx, Role.ADMIN);
        FeedSettings feed = feed(ctx);
        boolean changed = services.pauses().resume(Pauses.Kind.FEED, feed.name());
        if (changed) services.activity().record(session.user().name(), "resume", Optional.empty(), Optional.of("feed " + feed.name()), "");
        Pages.redirectWithNotice(ctx, services, "/feeds", changed ? "feed " + feed.name() + " resumed" : "feed " + feed.name() + " was not paused", !changed);
    }

    public void pollNow(Context ctx) {
        Session session = Guard.require(ctx, Role.ADMIN);
        FeedSettings feed = feed(ctx);
        if (services.pauses().isPaused(Pauses.Kind.FEED, feed.name())) {
            Pages.redirectWithNotice(ctx, services, "/feeds", "feed " + feed.name() + " is paused; resume it first", true);
            return;
        }
        boolean started = services.engine().pollNow(feed.name());
        if (started) services.activity().record(session.user().name(), "poll", Optional.empty(), Optional.of("feed " + feed.name()), "");
        Pages.redirectWithNotice(ctx, services, "/feeds", started ? "feed " + feed.name() + ": poll started; reload in a moment to see its result"
                : "this Herald only shows the console; polls run where herald run runs", !started);
    }

    private FeedSettings feed(Context ctx) {
        String name = ctx.pathParam("name");
        return services.settings().schedule().feeds().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new Halt(404, "There is no such feed."));
    }
}
