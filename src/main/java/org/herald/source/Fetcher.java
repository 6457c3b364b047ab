package org.herald.source;

import org.herald.config.FetchSettings;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches pages and feeds with {@link HttpClient}: bounded connect time, one deadline for the whole response
 * (from the request to its last byte, redirects included), redirects followed by hand so they can be counted,
 * and bodies read only up to the configured size.
 *
 * <p>The client's own request time-out only covers the wait for the response headers; a server that then
 * trickles the body or stalls half-way would hold a blocking read for ever. So the body is collected
 * asynchronously and the caller waits on it with the time left, abandoning the exchange when it runs out.
 */
public final class Fetcher implements AutoCloseable {
    /** Bodies of redirects and errors are read only this far, enough to keep a kept-alive connection usable. */
    private static final long DISCARDED_BODY_LIMIT = 64 * 1024;

    private final FetchSettings settings;
    private final HttpClient client;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public Fetcher(FetchSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Fetched fetch(URI url) {
        return fetch(url, Optional.empty(), Optional.empty());
    }

    /** A conditional GET: with an ETag or Last-Modified from the previous fetch, an unchanged resource is a 304. */
    public Fetched fetch(URI url, Optional<String> etag, Optional<String> lastModified) {
        long deadline = System.nanoTime() + settings.readTimeout().toNanos();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) return timedOut();
            HttpRequest.Builder builder = HttpRequest.newBuilder(current);
            etag.ifPresent(tag -> builder.header("If-None-Match", tag));
            lastModified.ifPresent(date -> builder.header("If-Modified-Since", date));
            HttpRequest request = builder
                    .timeout(Duration.ofNanos(remaining))
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                            + "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
                    .header("Accept-Encoding", "gzip, deflate")
                    .GET()
                    .build();
            Exchange exchange = exchange(request, deadline);
            if (exchange instanceof Exchange.Failed failed) return failed.outcome();
            HttpResponse<LimitedBody.Bytes> response = ((Exchange.Answered) exchange).response();
            int status = response.statusCode();
            if (status == 304) return new Fetched.NotModified();
            if (status >= 300 && status < 400) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) return new Fetched.Failure("HTTP " + status + " redirect without a Location");
                if (redirects >= settings.maxRedirects()) {
                    return new Fetched.Failure("more than " + settings.maxRedirects() + " redirects");
                }
                try {
                    current = current.resolve(location.get().trim());
                } catch (IllegalArgumentException e) {
                    return new Fetched.Failure("HTTP " + status + " redirect to an invalid address");
                }
                String scheme = String.valueOf(current.getScheme()).toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    return new Fetched.Failure("redirect to a non-http address: " + current);
                }
                continue;
            }
            if (status < 200 || status >= 300) return new Fetched.Failure("HTTP " + status + reasonPhrase(status));
            if (response.body().overflowed()) return tooLarge();
            ContentEncoding.Decoded decoded = ContentEncoding.decode(response.body().bytes(),
                    response.headers().firstValue("Content-Encoding"), settings.maxBytes());
            if (decoded instanceof ContentEncoding.Decoded.Refused refused) return new Fetched.Failure(refused.reason());
            return new Fetched.Body(current, ((ContentEncoding.Decoded.Bytes) decoded).bytes(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("ETag"), response.headers().firstValue("Last-Modified"));
        }
    }

    /**
     * Ends every fetch in flight at once (they return {@link Fetched.Stopped}) and refuses new ones: a stopping
     * daemon must not wait out a slow server.
     */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<?> call : inFlight) call.cancel(true);
    }

    /** One request and its whole body, or the outcome that replaces them. */
    private sealed interface Exchange {
        record Answered(HttpResponse<LimitedBody.Bytes> response) implements Exchange {
        }

        record Failed(Fetched outcome) implements Exchange {
        }
    }

    private Exchange exchange(HttpRequest request, long deadline) {
        if (closed) return new Exchange.Failed(new Fetched.Stopped());
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<LimitedBody.Bytes>> call = client.sendAsync(request, info -> {
            LimitedBody subscriber = bodyFor(info);
            body.set(subscriber);
            return subscriber;
        });
        inFlight.add(call);
        try {
            if (closed) call.cancel(true);
            return new Exchange.Answered(call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Exchange.Failed(timedOut());
        } catch (CancellationException e) {
            return new Exchange.Failed(new Fetched.Stopped());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Exchange.Failed(new Fetched.Stopped());
        } catch (ExecutionException e) {
            if (closed) return new Exchange.Failed(new Fetched.Stopped());
            // cancelling an over-long body can make the client report the exchange as failed
            if (body.get() != null && body.get().overflowed()) return new Exchange.Failed(tooLarge());
            return new Exchange.Failed(failure(e.getCause(), request.uri()));
        } finally {
            inFlight.remove(call);
        }
    }

    private LimitedBody bodyFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() < 200 || info.statusCode() >= 300) return new LimitedBody(DISCARDED_BODY_LIMIT);
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return declared > settings.maxBytes() ? LimitedBody.refused() : new LimitedBody(settings.maxBytes());
    }

    private Fetched failure(Throwable cause, URI uri) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new Fetched.Failure("could not connect within " + seconds(settings.connectTimeout().toMillis()));
        }
        if (cause instanceof HttpTimeoutException) return timedOut();
        if (cause instanceof ConnectException) return new Fetched.Failure("connection refused by " + uri.getHost());
        if (cause instanceof IOException io) return new Fetched.Failure("network error: " + describe(io));
        return new Fetched.Failure("network error: " + cause);
    }

    private Fetched timedOut() {
        return new Fetched.Failure("no complete response within " + seconds(settings.readTimeout().toMillis()));
    }

    private Fetched tooLarge() {
        return new Fetched.Failure("larger than the " + Sizes.describe(settings.maxBytes()) + " limit");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }
}
