package org.herald.source;

import org.herald.config.FetchSettings;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches pages and feeds with {@link HttpClient}: bounded connect and response times, redirects followed by
 * hand so they can be counted, and bodies read only up to the configured size.
 */
public final class Fetcher {
    private final FetchSettings settings;
    private final HttpClient client;

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
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(current);
            etag.ifPresent(tag -> builder.header("If-None-Match", tag));
            lastModified.ifPresent(date -> builder.header("If-Modified-Since", date));
            HttpRequest request = builder
                    .timeout(settings.readTimeout())
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                            + "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
                    .GET()
                    .build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpConnectTimeoutException e) {
                return new Fetched.Failure("could not connect within " + seconds(settings.connectTimeout().toMillis()));
            } catch (HttpTimeoutException e) {
                return new Fetched.Failure("no complete response within " + seconds(settings.readTimeout().toMillis()));
            } catch (ConnectException e) {
                return new Fetched.Failure("connection refused by " + current.getHost());
            } catch (IOException e) {
                return new Fetched.Failure("network error: " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Fetched.Failure("interrupted");
            }
            int status = response.statusCode();
            if (status == 304) {
                close(response);
                return new Fetched.NotModified();
            }
            if (status >= 300 && status < 400) {
                close(response);
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
            if (status < 200 || status >= 300) {
                close(response);
                return new Fetched.Failure("HTTP " + status + reasonPhrase(status));
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > settings.maxBytes()) {
                close(response);
                return new Fetched.Failure("larger than the " + Sizes.describe(settings.maxBytes()) + " limit");
            }
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
                if (bytes.length > settings.maxBytes()) {
                    return new Fetched.Failure("larger than the " + Sizes.describe(settings.maxBytes()) + " limit");
                }
                return new Fetched.Body(current, bytes, response.headers().firstValue("Content-Type"),
                        response.headers().firstValue("ETag"), response.headers().firstValue("Last-Modified"));
            } catch (HttpTimeoutException e) {
                return new Fetched.Failure("no complete response within " + seconds(settings.readTimeout().toMillis()));
            } catch (IOException e) {
                return new Fetched.Failure("network error while reading: " + describe(e));
            }
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing more to read from a response we are discarding
        }
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
