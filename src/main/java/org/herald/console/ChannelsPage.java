package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.Role;
import org.herald.access.Session;
import org.herald.config.ChannelSettings;
import org.herald.config.SecretRedaction;
import org.herald.console.auth.Guard;
import org.herald.outbox.ChannelChecks;
import org.herald.outbox.Pauses;
import org.herald.publish.AccountCheck;
import org.herald.publish.Publishers;
import org.herald.schedule.ClusterNodes;
import org.herald.schedule.Pacer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GET /channels: each channel's account, mode, pauses, counts against its limits and next possible post; admin
 * actions; and the nodes sending them, as {@code herald nodes} lists them.
 */
public final class ChannelsPage {
    /** What the channels template shows. */
    public record View(Frame frame, List<Row> channels, boolean engineRunning, List<NodeRow> nodes, boolean clustered) {
    }

    /** One node as shown: {@code state} is alive, dead or stopped; times are in the reader's zone. */
    public record NodeRow(String instanceId, String host, String version, String state, String lastCheckIn, String started, String doing) {
    }

    /** One channel as shown. */
    public record Row(String name, String network, boolean dryRun, Optional<String> account, Optional<String> checkProblem,
                      String checkedAt, Optional<String> credentialPause, Optional<String> pausedBy, int lastHour, int maxPerHour,
                      int lastDay, int maxPerDay, String nextPost, String quietHours, String zone, String csrf) {
    }

    private final Services services;

    public ChannelsPage(Services services) {
        this.services = services;
    }

    public void show(Context ctx) {
        Session session = Guard.session(ctx);
        ZoneId zone = Pages.zone(services, session);
        Instant now = services.clock().instant();
        Map<String, ChannelChecks.Check> checks = services.checks().all();
        Map<String, Pauses.Pause> paused = services.pauses().all(Pauses.Kind.CHANNEL);
        List<Row> rows = new ArrayList<>();
        for (ChannelSettings c : services.settings().channels()) {
            Optional<ChannelChecks.Check> check = Optional.ofNullable(checks.get(c.name()));
            Optional<Instant> notBefore = new Pacer(c.name(), c.pacing(), services.outbox(), c.connectTimeout().plus(c.readTimeout())).notBefore(now);
            Optional<Pauses.Pause> pause = Optional.ofNullable(paused.get(c.name()));
            String next = pause.isPresent() ? "paused" : notBefore.map(t -> Shown.time(t, zone)).orElse("now");
            rows.add(new Row(c.name(), c.network().id(), c.dryRun(), check.filter(ChannelChecks.Check::ok).map(ChannelChecks.Check::detail),
                    check.filter(k -> !k.ok()).map(ChannelChecks.Check::detail), check.map(k -> Shown.time(k.at(), zone)).orElse("never"),
                    services.engine().credentialPause(c.name()).map(SecretRedaction::redact),
                    pause.map(p -> p.by() + " since " + Shown.time(p.at(), zone)),
                    services.outbox().sentSince(c.name(), now.minus(Duration.ofHours(1))), c.pacing().maxPerHour(),
                    services.outbox().sentSince(c.name(), now.minus(Duration.ofDays(1))), c.pacing().maxPerDay(), next,
                    c.pacing().quietHours().map(Object::toString).orElse("none"), c.pacing().timeZone().getId(), session.csrf()));
        }
        boolean clustered = services.settings().storage().isPostgres();
        List<NodeRow> nodes = new ArrayList<>();
        for (ClusterNodes.Node node : services.nodes().list(now)) nodes.add(nodeRow(node, clustered, now, zone));
        ctx.html(services.views().render("channels.jte", new View(Pages.frame(ctx, services, "Channels", "channels"), rows,
                services.engine().running(), nodes, clustered)));
    }

    private static NodeRow nodeRow(ClusterNodes.Node node, boolean clustered, Instant now, ZoneId zone) {
        String checkIn = node.lastCheckIn().map(at -> Shown.seconds(at, zone) + " (" + Shown.ago(at, now) + ")")
                .orElse(!clustered ? "none: the embedded database has one node and no check-ins"
                        : node.state() == ClusterNodes.State.DEAD ? "none (work taken over)" : "—");
        return new NodeRow(node.instanceId(), node.host() + (node.pid() > 0 ? ":" + node.pid() : ""), node.version(),
                node.state().name().toLowerCase(Locale.ROOT), checkIn, Shown.seconds(node.startedAt(), zone), node.doing());
    }

    public void pause(Context ctx) {
        Session session = Guard.require(ctx, Role.ADMIN);
        ChannelSettings channel = channel(ctx);
        boolean changed = services.pauses().pause(Pauses.Kind.CHANNEL, channel.name(), session.user().name(), services.clock().instant());
        if (changed) services.activity().record(session.user().name(), "pause", Optional.empty(), Optional.of("channel " + channel.name()), "");
        Pages.redirectWithNotice(ctx, services, "/channels", changed ? "channel " + channel.name() + " paused: its posts wait until it is resumed"
                : "channel " + channel.name() + " was already paused", !changed);
    }

    public void resume(Context ctx) {
        Session session = Guard.require(ctx, Role.ADMIN);
        ChannelSettings channel = channel(ctx);
        boolean changed = services.pauses().resume(Pauses.Kind.CHANNEL, channel.name());
        if (changed) services.activity().record(session.user().name(), "resume", Optional.empty(), Optional.of("channel " + channel.name()), "");
        Pages.redirectWithNotice(ctx, services, "/channels", changed ? "channel " + channel.name() + " resumed"
                : "channel " + channel.name() + " was not paused", !changed);
    }

    /** Checks the credentials now with a cheap read call, as {@code herald check} does, and keeps the answer. */
    public void check(Context ctx) {
        Session session = Guard.require(ctx, Role.ADMIN);
        ChannelSettings channel = channel(ctx);
        Instant now = services.clock().instant();
        String notice;
        boolean ok;
        if (channel.dryRun() && !Publishers.hasCredentials(channel)) {
            ok = true;
            notice = "channel " + channel.name() + ": dry-run, no credentials to check";
            services.checks().record(channel.name(), true, "dry-run, no credentials", now);
        } else {
            AccountCheck check = Publishers.live(channel, services.clock()).check();
            ok = check instanceof AccountCheck.Ok;
            String detail = SecretRedaction.redact(check instanceof AccountCheck.Ok good ? good.account() : ((AccountCheck.Failed) check).reason());
            services.checks().record(channel.name(), ok, detail, now);
            notice = "channel " + channel.name() + ": " + (ok ? "ok, " : "") + detail;
        }
        services.activity().record(session.user().name(), "check", Optional.empty(), Optional.of("channel " + channel.name()), notice);
        Pages.redirectWithNotice(ctx, services, "/channels", notice, !ok);
    }

    private ChannelSettings channel(Context ctx) {
        return services.settings().channel(ctx.pathParam("name")).orElseThrow(() -> new Halt(404, "There is no such channel."));
    }
}
