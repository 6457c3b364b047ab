package org.herald.console;

import org.herald.access.Role;
import org.herald.access.Users;
import org.herald.compose.Composer;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.SettingsLoader;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.publish.MutableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console as {@code herald console} serves it (no daemon, so rows stay exactly where a test puts them) on an
 * H2 file and a free port, with a clock the test sets. Two dry-run channels with quiet hours and daily limits in
 * zones other than the readers'. Rows are written through the outbox's own methods, as feeds and senders write them.
 */
final class CalendarConsole implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    static final String CHANNELS = """
            channels {
              x-main { network = x, dry-run = true, max-per-day = 3, quiet-hours = "22:00-06:00", time-zone = "Europe/London" }
              fb-main { network = facebook, dry-run = true, max-per-day = 10, quiet-hours = "00:00-07:00", time-zone = "America/New_York" }
            }
            """;

    final MutableClock clock;
    final HeraldSettings settings;
    private final Database database;
    private final ConsoleServer server;
    private final Outbox outbox;
    private final AtomicInteger stories = new AtomicInteger();

    private CalendarConsole(MutableClock clock, HeraldSettings settings, Database database, ConsoleServer server) {
        this.clock = clock;
        this.settings = settings;
        this.database = database;
        this.server = server;
        this.outbox = new Outbox(database.dataSource());
    }

    static CalendarConsole start(Path dir, Instant now) {
        try {
            Path file = dir.resolve("herald.conf");
            Files.writeString(file, """
                    storage.jdbc-url = "jdbc:h2:file:%s"
                    console { listen = "127.0.0.1:0", time-zone = "UTC" }
                    %s
                    """.formatted(dir.resolve("data/herald").toAbsolutePath(), CHANNELS));
            HeraldSettings settings = SettingsLoader.load(file);
            MutableClock clock = new MutableClock(now);
            Database database = Database.open(settings.storage());
            ConsoleServer.Started started = ConsoleServer.start(Services.over(settings, database.dataSource(), clock, Engine.NONE));
            if (!(started instanceof ConsoleServer.Started.Running running)) throw new IllegalStateException(started.toString());
            return new CalendarConsole(clock, settings, database, running.server());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    Outbox outbox() {
        return outbox;
    }

    javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    /** A user with their own zone (empty: the console's default, UTC). */
    void addUser(String name, Role role, Optional<ZoneId> zone) {
        Users users = new Users(database.dataSource(), clock);
        users.add(name, role, PASSWORD.toCharArray());
        users.setTimeZone(users.find(name).orElseThrow().id(), zone);
    }

    Browserless signIn(String name) {
        Browserless browser = new Browserless(url(""));
        if (browser.signIn(name, PASSWORD).statusCode() != 303) throw new IllegalStateException("sign-in failed for " + name);
        return browser;
    }

    long scheduled(String channel, String headline, Instant at) {
        return add(channel, headline, at, false);
    }

    long sent(String channel, String headline, Instant at) {
        long id = add(channel, headline, at.minusSeconds(60), false);
        outbox.claim(id, "test", at);
        outbox.markSent(id, "1" + id, URI.create("https://x.com/i/web/status/1" + id), at);
        return id;
    }

    long held(String channel, String headline, Instant at) {
        return add(channel, headline, at, true);
    }

    long failed(String channel, String headline, Instant at) {
        long id = add(channel, headline, at, false);
        outbox.claim(id, "test", at);
        outbox.markFailed(id, "refused for good", at);
        return id;
    }

    long expired(String channel, String headline, Instant at) {
        long id = add(channel, headline, at, false);
        outbox.expire(id, "too late", at);
        return id;
    }

    private long add(String channel, String headline, Instant at, boolean held) {
        ChannelSettings c = settings.channel(channel).orElseThrow();
        int n = stories.incrementAndGet();
        Story story = new Story("test", headline, Optional.of(URI.create("https://news.example.org/calendar/" + n)), "A summary.", "en",
                Direction.LTR, Optional.empty(), Optional.empty(), Optional.empty());
        List<Outbox.Queued> posts = List.of(new Outbox.Queued(Composer.forChannel(c).compose(story, c), c.dryRun()));
        Outbox.Enqueued enqueued = held
                ? outbox.enqueueForReview(story, new Outbox.Origin(Optional.of("wire"), Optional.of("g" + n)), posts, at, at)
                : outbox.enqueueAll(story, Outbox.Origin.BY_HAND, posts, at, at);
        return ((Outbox.Enqueued.New) enqueued).entryIds().get(0);
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
