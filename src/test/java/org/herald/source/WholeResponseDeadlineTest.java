package org.herald.source;

import org.herald.config.FetchSettings;
import org.herald.fakes.SlowHttpServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * fetch.read-timeout bounds a whole response, from the request to its last byte: a server that sends its
 * headers and then trickles or stalls gets a one-line failure, not a hang.
 */
class WholeResponseDeadlineTest {
    private static final String PAGE = "<html><head><title>A story that arrives far too slowly</title></head><body>"
            + "<p>" + "Words. ".repeat(40) + "</p></body></html>";
    private static final String FEED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Slow</title>"
            + "<link>https://news.example.org/</link><description>d</description><item><title>One</title>"
            + "<link>https://news.example.org/1</link><guid>1</guid></item></channel></rss>";

    private final FetchSettings settings = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(3), 64 * 1024, 5,
            "Herald/test (news auto-poster)");

    /** Runs the call on another thread so a hang fails the test after a generous bound instead of blocking the build. */
    private static <T> T within(java.util.function.Supplier<T> call) throws Exception {
        return CompletableFuture.supplyAsync(call).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aPageTrickledOneByteASecondFailsWithinTheTimeout() throws Exception {
        try (SlowHttpServer server = SlowHttpServer.trickling("text/html; charset=utf-8", PAGE)) {
            SourceResult result = within(() -> new FileAndWebSource(settings).read(server.url("/story")));
            assertThat(result).isEqualTo(new SourceResult.Failure(server.url("/story"), "no complete response within 3 s"));
        }
    }

    @Test
    void aFeedTrickledOneByteASecondFailsWithinTheTimeout() throws Exception {
        try (SlowHttpServer server = SlowHttpServer.trickling("application/rss+xml", FEED)) {
            FeedRead read = within(() -> new FileAndWebSource(settings).readFeed(server.url("/rss.xml"), Optional.empty(), Optional.empty()));
            assertThat(read).isEqualTo(new FeedRead.Failure("no complete response within 3 s"));
        }
    }

    @Test
    void aResponseStalledMidBodyOnAKeptAliveConnectionFailsAndTheConnectionIsDropped() throws Exception {
        try (SlowHttpServer server = SlowHttpServer.stallingAfter(1, "application/rss+xml", FEED)) {
            FileAndWebSource source = new FileAndWebSource(settings);
            FeedRead first = within(() -> source.readFeed(server.url("/rss.xml"), Optional.empty(), Optional.empty()));
            assertThat(first).isInstanceOf(FeedRead.Entries.class);
            FeedRead second = within(() -> source.readFeed(server.url("/rss.xml"), Optional.empty(), Optional.empty()));
            assertThat(second).isEqualTo(new FeedRead.Failure("no complete response within 3 s"));
            assertThat(server.requests()).isEqualTo(2);
            // the stalled exchange is abandoned for real, not left holding a socket
            await().atMost(Duration.ofSeconds(10)).until(() -> server.closedByClient() == 1);
        }
    }

    @Test
    void closingTheSourceEndsAFetchInFlightAtOnceAndRefusesNewOnes() throws Exception {
        FetchSettings patient = new FetchSettings(Duration.ofSeconds(2), Duration.ofMinutes(5), 64 * 1024, 5, "Herald/test");
        try (SlowHttpServer server = SlowHttpServer.stallingAfter(0, "application/rss+xml", FEED)) {
            FileAndWebSource source = new FileAndWebSource(patient);
            CompletableFuture<FeedRead> poll = CompletableFuture.supplyAsync(
                    () -> source.readFeed(server.url("/rss.xml"), Optional.empty(), Optional.empty()));
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requests() == 1);
            source.close();
            assertThat(poll.get(20, TimeUnit.SECONDS)).isEqualTo(new FeedRead.Stopped());
            assertThat(source.readFeed(server.url("/rss.xml"), Optional.empty(), Optional.empty())).isEqualTo(new FeedRead.Stopped());
        }
    }
}
