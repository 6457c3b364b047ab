package org.herald.source;

import java.net.URI;
import java.util.Optional;

/** The outcome of fetching a URL: its body, or why there is none. */
public sealed interface Fetched {
    /** A 2xx response; {@code url} is the address after redirects; the validators serve the next conditional GET. */
    record Body(URI url, byte[] bytes, Optional<String> contentType, Optional<String> etag, Optional<String> lastModified)
            implements Fetched {
    }

    /** 304: nothing changed since the validators given. */
    record NotModified() implements Fetched {
    }

    record Failure(String reason) implements Fetched {
    }

    /** The fetcher was closed (Herald is stopping) before the response was complete. */
    record Stopped() implements Fetched {
    }
}
