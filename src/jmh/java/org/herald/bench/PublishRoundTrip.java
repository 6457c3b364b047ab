package org.herald.bench;

import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.publish.Posts;
import org.herald.publish.PublishOutcome;
import org.herald.publish.Publisher;
import org.herald.publish.TestChannels;
import org.herald.publish.facebook.FacebookPagePublisher;
import org.herald.publish.x.TwitterPublisher;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Publish round-trip time per post against the local fakes, per client, next to a bare
 * {@code HttpURLConnection} POST of the same body to the same fake. The difference is what Herald and the
 * client library add on top of the network and the fake itself. Run with {@code bench/run-publish.sh}.
 */
public final class PublishRoundTrip {
    private static final int WARM_UP = 500;
    private static final int MEASURED = 1000;

    private PublishRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.http.retryPost", "false");
        Clock clock = Clock.systemUTC();
        try (FakeX x = FakeX.start(clock).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET,
                TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET).rateLimit(1_000_000, java.time.Duration.ofMinutes(15))) {
            Publisher publisher = new TwitterPublisher(TestChannels.x(x.baseUrl()), clock);
            URI endpoint = URI.create(x.baseUrl() + "tweets");
            timePublish(publisher, Posts.tweet("First https://example.com/first"));
            // The OAuth signature covers method, URL and oauth_* parameters, not the JSON body, so the client's
            // own header stays valid for bare requests: the fake then does the same work for both.
            String authorization = x.requests().get(0).headers().get("authorization");
            report("X (Twitter4J v2)", i -> timePublish(publisher, Posts.tweet("Round trip " + i + " https://example.com/" + i)),
                    i -> timeBare(endpoint, "application/json", "{\"text\":\"Bare " + i + " https://example.com/" + i + "\"}",
                            authorization));
        }
        try (FakeGraph graph = FakeGraph.start(clock).page(TestChannels.FB_PAGE, "Bench Page")
                .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true)) {
            Publisher publisher = new FacebookPagePublisher(TestChannels.facebook(graph.baseUrl(), TestChannels.FB_TOKEN,
                    java.util.Optional.empty()), clock);
            URI endpoint = URI.create(graph.baseUrl() + "/v24.0/" + TestChannels.FB_PAGE + "/feed");
            report("Facebook (RestFB)", i -> timePublish(publisher, Posts.pagePost("Round trip " + i, "https://example.com/" + i)),
                    i -> timeBare(endpoint, "application/x-www-form-urlencoded", "message=" + enc("Bare " + i)
                            + "&link=" + enc("https://example.com/b" + i) + "&access_token=" + enc(TestChannels.FB_TOKEN) + "&format=json", null));
        }
    }

    private static void report(String name, IntFunction<Long> publish, IntFunction<Long> bare) {
        for (int i = 0; i < WARM_UP; i++) {
            publish.apply(-1 - i);
            bare.apply(-1 - i);
        }
        long[] p = new long[MEASURED];
        long[] b = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            p[i] = publish.apply(i);
            b[i] = bare.apply(i);
        }
        Arrays.sort(p);
        Arrays.sort(b);
        System.out.printf("%-20s publish median %6.3f ms  p99 %6.3f ms | bare POST median %6.3f ms  p99 %6.3f ms | overhead median %6.3f ms  p99 %6.3f ms%n",
                name, ms(p[MEASURED / 2]), ms(p[MEASURED * 99 / 100]), ms(b[MEASURED / 2]), ms(b[MEASURED * 99 / 100]),
                ms(p[MEASURED / 2] - b[MEASURED / 2]), ms(p[MEASURED * 99 / 100] - b[MEASURED * 99 / 100]));
    }

    private static long timePublish(Publisher publisher, org.herald.compose.Post post) {
        long start = System.nanoTime();
        PublishOutcome outcome = publisher.publish(post);
        long elapsed = System.nanoTime() - start;
        if (!(outcome instanceof PublishOutcome.Published)) throw new IllegalStateException("benchmark post failed: " + outcome);
        return elapsed;
    }

    private static long timeBare(URI endpoint, String type, String body, String authorization) {
        try {
            long start = System.nanoTime();
            HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", type);
            if (authorization != null) c.setRequestProperty("Authorization", authorization);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            if (status >= 300) throw new IllegalStateException("bare POST answered " + status);
            c.getInputStream().readAllBytes();
            return System.nanoTime() - start;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
