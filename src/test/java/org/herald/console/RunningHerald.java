package org.herald.console;

import org.herald.access.Role;
import org.herald.access.Users;
import org.herald.compose.Composer;
import org.herald.compose.Post;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.SettingsLoader;
import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.outbox.Outbox;
import org.herald.publish.TestChannels;
import org.herald.schedule.Daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Herald as {@code herald run} starts it: the daemon (Quartz jobs on the H2 file outbox, live channels pointed
 * at the local fakes of X and Facebook) and the console it serves, on a free port of 127.0.0.1.
 */
final class RunningHerald implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";

    final Path dir;
    final FakeX x;
    final FakeGraph graph;
    final HeraldSettings settings;
    private final Clock consoleClock;
    private Clock daemonClock = Clock.systemUTC();
    private Daemon daemon;
    private ConsoleServer server;

    private RunningHerald(Path dir, FakeX x, FakeGraph graph, HeraldSettings settings, Clock consoleClock) {
        this.consoleClock = consoleClock;
        this.dir = dir;
        this.x = x;
        this.graph = graph;
        this.settings = settings;
    }

    static RunningHerald start(Path dir, String extra) {
        return start(dir, extra, Clock.systemUTC());
    }

    /** With {@code consoleClock} for the console's own time (sign-in throttle, session idle time). */
    static RunningHerald start(Path dir, String extra, Clock consoleClock) {
        return start(dir, extra, consoleClock, Clock.systemUTC());
    }

    /** With {@code daemonClock} too, for when rows fall due and are sent (a test moves it instead of waiting). */
    static RunningHerald start(Path dir, String extra, Clock consoleClock, Clock daemonClock) {
        FakeX x = FakeX.start(Clock.systemUTC()).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN,
                TestChannels.X_TOKEN_SECRET);
        FakeGraph graph = FakeGraph.start(Clock.systemUTC()).page(TestChannels.FB_PAGE, "Herald Test Page")
                .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true);
        try {
            Path feed = dir.resolve("feed.xml");
            Files.writeString(feed, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Test</title><link>https://news.example.org/</link><description>t</description>
                    </channel></rss>
                    """);
            Path file = dir.resolve("herald.conf");
            Files.writeString(file, """
                    storage.jdbc-url = "jdbc:h2:file:%s"
                    schedule { dispatch-interval = 500ms }
                    console { listen = "127.0.0.1:0", time-zone = "Europe/Paris" }
                    feeds { newsroom { url = "%s", every = 10m } }
                    channels {
                      x-main { network = x, api-key = "%s", api-key-secret = "%s", access-token = "%s", access-token-secret = "%s",
                               api-base-url = "%s", read-timeout = 2s }
                      fb-main { network = facebook, page-id = "%s", page-access-token = "%s", graph-base-url = "%s", read-timeout = 2s }
                    }
                    %s
                    """.formatted(dir.resolve("data/herald").toAbsolutePath(), feed.toUri(), TestChannels.X_KEY, TestChannels.X_KEY_SECRET,
                    TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET, x.baseUrl(), TestChannels.FB_PAGE, TestChannels.FB_TOKEN,
                    graph.baseUrl(), extra));
            RunningHerald herald = new RunningHerald(dir, x, graph, SettingsLoader.load(file), consoleClock);
            herald.daemonClock = daemonClock;
            herald.up(0);
            return herald;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void up(int port) {
        daemon = Daemon.open(settings, daemonClock, new PrintStream(PrintStream.nullOutputStream()));
        HeraldSettings onPort = port == 0 ? settings : withPort(port);
        ConsoleServer.Started started = ConsoleServer.start(Services.over(onPort, daemon.database().dataSource(), consoleClock,
                new DaemonEngine(daemon)));
        if (!(started instanceof ConsoleServer.Started.Running running)) throw new IllegalStateException(started.toString());
        server = running.server();
        try {
            daemon.start();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private HeraldSettings withPort(int port) {
        var c = settings.console();
        return new HeraldSettings(settings.file(), settings.fetch(), settings.condense(), settings.post(), settings.storage(),
                settings.schedule(), settings.channels(), new org.herald.config.ConsoleSettings(c.enabled(), c.host(), port, c.publicUrl(),
                c.trustProxy(), c.timeZone(), c.sessionIdleTimeout()));
    }

    /** Stops everything and starts it again on the same database and port, as a restarted daemon would. */
    void restart() {
        int port = server.port();
        stopServing();
        up(port);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    int port() {
        return server.port();
    }

    Users users() {
        return new Users(daemon.database().dataSource(), Clock.systemUTC());
    }

    Outbox outbox() {
        return daemon.outbox();
    }

    javax.sql.DataSource dataSource() {
        return daemon.database().dataSource();
    }

    int activityCount() {
        return new org.herald.access.ActivityLog(dataSource(), Clock.systemUTC()).recent(Optional.empty(), Optional.empty(), 100_000).size();
    }

    void addUser(String name, Role role) {
        users().add(name, role, PASSWORD.toCharArray());
    }

    /** A story with one row per channel, due at {@code due}; returns the row ids (x-main first). */
    List<Long> enqueue(String headline, String link, Instant due) {
        Story story = new Story("test", headline, Optional.of(URI.create(link)), "A summary of the story.", "en", Direction.LTR,
                Optional.empty(), Optional.empty(), Optional.empty());
        List<Post> posts = new ArrayList<>();
        for (ChannelSettings channel : settings.channels().stream().sorted((a, b) -> b.name().compareTo(a.name())).toList()) {
            posts.add(Composer.forChannel(channel).compose(story, channel));
        }
        Outbox.Enqueued enqueued = outbox().enqueue(story, Outbox.Origin.BY_HAND, posts, due, Instant.now());
        return ((Outbox.Enqueued.New) enqueued).entryIds();
    }

    /** A story held for review (as a feed with review = always brings it), one row per channel; x-main first. */
    List<Long> hold(String headline, String link, String summary) {
        Story story = new Story("test", headline, Optional.of(URI.create(link)), summary, "en", Direction.LTR,
                Optional.empty(), Optional.empty(), Optional.empty());
        List<Outbox.Queued> posts = new ArrayList<>();
        for (ChannelSettings channel : settings.channels().stream().sorted((a, b) -> b.name().compareTo(a.name())).toList()) {
            posts.add(new Outbox.Queued(Composer.forChannel(channel).compose(story, channel), false));
        }
        Outbox.Enqueued enqueued = outbox().enqueueForReview(story, new Outbox.Origin(Optional.of("newsroom"), Optional.of(link)), posts,
                Instant.now(), Instant.now());
        return ((Outbox.Enqueued.New) enqueued).entryIds();
    }

    private void stopServing() {
        if (server != null) server.close();
        if (daemon != null) daemon.close();
        server = null;
        daemon = null;
    }

    @Override
    public void close() {
        stopServing();
        x.close();
        graph.close();
    }
}
