package org.herald.fakes;

import java.util.Map;

/**
 * One request as a fake received it, recorded before the fake decided how to answer (so dropped and stalled
 * requests are in the log too).
 *
 * @param method  HTTP method, upper case
 * @param path    raw path without the query string, e.g. {@code /2/tweets} or {@code /v24.0/123/feed}
 * @param query   raw query string without {@code ?}, empty when there is none
 * @param headers request headers with lower-cased names; repeated headers are joined with {@code ", "}
 * @param body    request body decoded as UTF-8, empty when there is none
 * @param form    query parameters plus, for a form-encoded body, the body parameters (body wins), URL-decoded
 * @param json    top-level string fields of a JSON object body; empty for any other body
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body,
                              Map<String, String> form, Map<String, String> json) {

    /** The header value, looked up case-insensitively, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
