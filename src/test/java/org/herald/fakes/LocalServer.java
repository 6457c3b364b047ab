package org.herald.fakes;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The WireMock plumbing shared by both fakes. One catch-all stub matches every request; a
 * {@link ResponseTransformerV2} then hands the request to the fake's Java {@link Handler}, which holds all the state,
 * and turns its {@link Reply} into a WireMock {@link Response}. WireMock itself still does what it is good at: the
 * socket faults ({@code Fault}) and delays (answered from a scheduler, so a stalled answer does not block a
 * server thread).
 *
 * <p>Building a fresh {@link Response} (rather than decorating the stub's) also drops WireMock's own
 * {@code Matched-Stub-Id} header, so the fakes send only the headers the real platforms send.
 */
final class LocalServer implements AutoCloseable {

    /** Decides the answer to one recorded request. Must be thread-safe. */
    @FunctionalInterface
    interface Handler {
        Reply handle(RecordedRequest request);
    }

    private final WireMockServer server;
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

    private LocalServer(Handler handler, String name) {
        server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1") // F28: loopback only
                .dynamicPort()
                .disableRequestJournal() // we keep our own log; WireMock's would grow forever
                .gzipDisabled(true)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER) // plain content-length answers
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(8)
                .extensions(new Dispatch(name, handler, requests)));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    static LocalServer start(Handler handler, String name) {
        return new LocalServer(handler, name);
    }

    int port() {
        return server.port();
    }

    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The one extension: record, ask the handler, translate. */
    private static final class Dispatch implements ResponseTransformerV2 {
        private final String name;
        private final Handler handler;
        private final List<RecordedRequest> log;

        Dispatch(String name, Handler handler, List<RecordedRequest> log) {
            this.name = name;
            this.handler = handler;
            this.log = log;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Response transform(Response stubbed, ServeEvent serveEvent) {
            RecordedRequest request = record(serveEvent.getRequest());
            log.add(request);
            Reply reply;
            try {
                reply = handler.handle(request);
            } catch (RuntimeException bug) {
                // A bug in a fake must be loud: answer 599 with the stack trace rather than a plausible error.
                StringWriter trace = new StringWriter();
                bug.printStackTrace(new PrintWriter(trace));
                reply = Reply.raw(599, "text/plain; charset=utf-8", "fake failed: " + trace);
            }
            List<HttpHeader> headers = reply.headers().entrySet().stream()
                    .map(e -> new HttpHeader(e.getKey(), e.getValue())).collect(Collectors.toList());
            return Response.response()
                    .status(reply.fault() == null ? reply.status() : 200)
                    .headers(new HttpHeaders(headers))
                    .body(reply.body().getBytes(StandardCharsets.UTF_8))
                    .fault(reply.fault())
                    .incrementInitialDelay(reply.delay().toMillis())
                    .build();
        }
    }

    /** Copies what the fakes and the tests need out of WireMock's request. */
    static RecordedRequest record(LoggedRequest request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q + 1);

        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.merge(header.key().toLowerCase(Locale.ROOT), String.join(", ", header.values()),
                    (a, b) -> a + ", " + b);
        }
        byte[] bytes = request.getBody();
        String body = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);

        Map<String, String> form = new LinkedHashMap<>(parseForm(query));
        String contentType = headers.getOrDefault("content-type", "");
        if (contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            form.putAll(parseForm(body));
        }
        return new RecordedRequest(request.getMethod().value(), path, query, Collections.unmodifiableMap(headers), body,
                Collections.unmodifiableMap(form), Collections.unmodifiableMap(topLevelStrings(body)));
    }

    /** Parses {@code a=1&b=x%20y} (also {@code +} for space); a name without {@code =} gets an empty value. */
    static Map<String, String> parseForm(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        parsePairs(encoded).forEach(p -> params.put(p.getKey(), p.getValue()));
        return params;
    }

    /** Like {@link #parseForm} but keeps repeated names, in order (OAuth signs every occurrence). */
    static List<Map.Entry<String, String>> parsePairs(String encoded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(Map.entry(decode(key), decode(value)));
        }
        return pairs;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s; // keep the raw text: the fake should still answer, the test can look at it
        }
    }

    private static Map<String, String> topLevelStrings(String body) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (!body.stripLeading().startsWith("{")) {
            return strings;
        }
        try {
            Json.parseObject(body).forEach((k, v) -> {
                if (v instanceof String s) {
                    strings.put(k, s);
                }
            });
        } catch (Json.MalformedJson ignored) {
            // a malformed body simply has no fields
        }
        return strings;
    }
}
