package org.herald.fakes;

import com.github.tomakehurst.wiremock.http.Fault;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fake answers to one request: a status, headers and body, or a network {@link Fault}, optionally after a
 * delay. Immutable; the {@code with...} methods return copies.
 */
record Reply(int status, Map<String, String> headers, String body, Fault fault, Duration delay) {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    Reply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A JSON answer. */
    static Reply json(int status, Object body) {
        return new Reply(status, Map.of("content-type", JSON), Json.write(body), null, Duration.ZERO);
    }

    /** An answer with a raw body; no content-type header when {@code contentType} is null. */
    static Reply raw(int status, String contentType, String body) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("content-type", contentType);
        return new Reply(status, headers, body, null, Duration.ZERO);
    }

    /** No HTTP answer at all: the connection is broken the given way. */
    static Reply fault(Fault fault) {
        return new Reply(0, Map.of(), "", fault, Duration.ZERO);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, copy, body, fault, delay);
    }

    Reply withHeaders(Map<String, String> more) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.putAll(more);
        return new Reply(status, copy, body, fault, delay);
    }

    Reply delayedBy(Duration newDelay) {
        return new Reply(status, headers, body, fault, newDelay);
    }
}
