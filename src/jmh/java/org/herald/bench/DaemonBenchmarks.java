package org.herald.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.herald.compose.Post;
import org.herald.condense.Condenser;
import org.herald.condense.Direction;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.FeedSettings;
import org.herald.config.FetchSettings;
import org.herald.config.CondenseSettings;
import org.herald.config.Network;
import org.herald.config.StorageSettings;
import org.herald.fakes.FakeX;
import org.herald.outbox.Database;
import org.herald.outbox.FeedStates;
import org.herald.outbox.Outbox;
import org.herald.publish.TestChannels;
import org.herald.publish.x.TwitterPublisher;
import org.herald.schedule.FeedPoll;
import org.herald.schedule.SendCycle;
import org.herald.source.FileAndWebSource;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Load harness for the main job (run with {@code bench/run-daemon.sh}):
 * {@code lag}: 1,000 outbox rows due at once, pacing off, sent by the X channel's send cycle to the fake X;
 * reports due-to-recorded-as-sent lag (median, p99, max).
 * {@code poll}: 1,000 feeds on a local WireMock answering 304 to conditional GETs; reports wall time, CPU
 * time and bytes allocated for one poll cycle over all of them.
 */
public final class DaemonBenchmarks {
    private DaemonBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.http.retryPost", "false");
        Path dir = Files.createTempDirectory("herald-bench");
        String mode = args.length > 0 ? args[0] : "all";
        if (mode.equals("lag") || mode.equals("all")) lag(dir.resolve("lag"));
        if (mode.equals("poll") || mode.equals("all")) poll(dir.resolve("poll"));
    }

    private static void lag(Path dir) {
        Clock clock = Clock.systemUTC();
        try (FakeX x = FakeX.start(clock).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN,
                TestChannels.X_TOKEN_SECRET).rateLimit(1_000_000, Duration.ofMinutes(15));
             Database database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("herald").toAbsolutePath(), "sa", Optional.empty()))) {
            Outbox outbox = new Outbox(database.dataSource());
            ChannelSettings channel = TestChannels.x(x.baseUrl());
            Instant due = clock.instant().plusSeconds(2);
            for (int i = 0; i < 1000; i++) {
                String link = "https://example.com/lag/" + i;
                Story story = new Story("bench", "Lag story " + i, Optional.of(URI.create(link)), "", "en", Direction.LTR,
                        Optional.empty(), Optional.empty(), Optional.empty());
                outbox.enqueue(story, Outbox.Origin.BY_HAND, List.of(new Post(channel.name(), Network.X, "Lag story " + i + " " + link,
                        Optional.of(URI.create(link)), 0, 280, true, false)), due, clock.instant());
            }
            SendCycle cycle = new SendCycle(channel, new TwitterPublisher(channel, clock), outbox, 8, clock, "bench", new Random(1));
            // the dispatcher's trigger fires every dispatch-interval; here it fires as soon as the rows are due
            while (clock.instant().isBefore(due)) Thread.onSpinWait();
            cycle.run();
            long[] lags = outbox.list(Optional.empty(), 2000).stream().filter(e -> e.sentAt().isPresent())
                    .mapToLong(e -> Duration.between(e.due(), e.sentAt().get()).toMillis()).sorted().toArray();
            System.out.printf("lag: %d rows sent, %d tweets on the fake; due->sent median %d ms, p99 %d ms, max %d ms%n",
                    lags.length, x.tweets().size(), lags[lags.length / 2], lags[lags.length * 99 / 100], lags[lags.length - 1]);
        }
    }

    private static void poll(Path dir) throws Exception {
        WireMockServer web = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        web.start();
        String rss = NewsPages.feed(20, 7);
        for (int i = 0; i < 1000; i++) {
            web.stubFor(get("/feeds/" + i + ".xml").atPriority(1).withHeader("If-None-Match", equalTo("\"f" + i + "\""))
                    .willReturn(aResponse().withStatus(304)));
            web.stubFor(get("/feeds/" + i + ".xml").atPriority(5).willReturn(aResponse().withHeader("ETag", "\"f" + i + "\"")
                    .withHeader("Content-Type", "application/rss+xml").withBody(rss.replace("https://www.example-news.com/", "https://www.example-news.com/f" + i + "/"))));
        }
        try (Database database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("herald").toAbsolutePath(), "sa", Optional.empty()))) {
            Outbox outbox = new Outbox(database.dataSource());
            FeedStates states = new FeedStates(database.dataSource());
            FileAndWebSource source = new FileAndWebSource(FetchSettings.defaults());
            Condenser condenser = new Condenser(CondenseSettings.defaults());
            List<FeedPoll> polls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                FeedSettings feed = new FeedSettings("f" + i, "http://127.0.0.1:" + web.port() + "/feeds/" + i + ".xml",
                        Optional.of(Duration.ofMinutes(2)), Optional.empty(), List.of(), 0);
                polls.add(new FeedPoll(feed, List.of(), source, condenser, outbox, states, Clock.systemUTC()));
            }
            for (FeedPoll p : polls) p.run();   // first sight: 200, entries recorded as seen
            for (int round = 0; round < 3; round++) {
                var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long tid = Thread.currentThread().getId();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long alloc0 = threads.getThreadAllocatedBytes(tid);
                long t0 = System.nanoTime();
                int unchanged = 0;
                for (FeedPoll p : polls) if (!p.run().changed()) unchanged++;
                long wall = System.nanoTime() - t0;
                System.out.printf("poll round %d: 1000 feeds (%d answered 304) in %.2f s wall, %.2f s CPU on the polling thread, %.1f MB allocated%n",
                        round + 1, unchanged, wall / 1e9, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9,
                        (threads.getThreadAllocatedBytes(tid) - alloc0) / 1e6);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap after: %.1f MB used of %.1f MB committed%n", (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.totalMemory() / 1e6);
        } finally {
            web.stop();
        }
    }

}
