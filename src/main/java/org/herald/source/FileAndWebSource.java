package org.herald.source;

import org.herald.config.FetchSettings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an input named on the command line or in a feed setting: a local path, a {@code file:} URL or an
 * http(s) URL holding plain text, HTML or an RSS/Atom feed. The kind is judged from the content itself.
 */
public final class FileAndWebSource implements ArticleSource, AutoCloseable {
    private static final Pattern OTHER_SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://.*");
    private final FetchSettings settings;
    private Fetcher fetcher;
    private boolean closed;

    public FileAndWebSource(FetchSettings settings) {
        this.settings = settings;
    }

    @Override
    public SourceResult read(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) return readUrl(input);
        if (lower.startsWith("file:")) {
            // "file:samples/feed.xml" is a path relative to the working directory; "file:/..." an absolute one
            if (!lower.startsWith("file:/")) return readFile(input, Path.of(input.substring(5)));
            try {
                return readFile(input, Paths.get(new URI(input)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return new SourceResult.Failure(input, "not a valid file: URL");
            }
        }
        if (OTHER_SCHEME.matcher(lower).matches()) {
            return new SourceResult.Failure(input, "unsupported address: only files and http(s) URLs can be read");
        }
        return readFile(input, Path.of(input));
    }

    /**
     * Polls a feed: a conditional GET over http(s) (ETag / Last-Modified from the previous poll), or a read
     * of a local file. Anything that is not an RSS or Atom feed is a failure.
     */
    public FeedRead readFeed(String url, Optional<String> etag, Optional<String> lastModified) {
        SourceResult result;
        Optional<String> newEtag = Optional.empty();
        Optional<String> newLastModified = Optional.empty();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                return new FeedRead.Failure("not a valid URL: " + e.getReason());
            }
            Fetched fetched = fetcher().fetch(uri, etag, lastModified);
            if (fetched instanceof Fetched.Stopped) return new FeedRead.Stopped();
            if (fetched instanceof Fetched.NotModified) return new FeedRead.Unchanged();
            if (fetched instanceof Fetched.Failure failure) return new FeedRead.Failure(failure.reason());
            Fetched.Body body = (Fetched.Body) fetched;
            newEtag = body.etag();
            newLastModified = body.lastModified();
            result = parse(url, body.bytes(), body.contentType(), Optional.of(body.url()));
        } else {
            result = read(url);
        }
        if (result instanceof SourceResult.Failure failure) return new FeedRead.Failure(failure.reason());
        List<FeedEntry> entries = new java.util.ArrayList<>();
        for (Article article : ((SourceResult.Articles) result).articles()) {
            if (!(article instanceof FeedEntry entry)) {
                return new FeedRead.Failure("not an RSS or Atom feed (" + (article instanceof WebPage ? "an HTML page" : "plain text") + ")");
            }
            entries.add(entry);
        }
        return new FeedRead.Entries(entries, newEtag, newLastModified);
    }

    /** Ends the HTTP fetches in flight at once and refuses new ones (Herald is stopping). */
    @Override
    public void close() {
        Fetcher open;
        synchronized (this) {
            closed = true;
            open = fetcher;
        }
        if (open != null) open.close();
    }

    /** Made on first use, so reading only local files never starts an HTTP client; shared by the poll threads. */
    private synchronized Fetcher fetcher() {
        if (fetcher == null) {
            fetcher = new Fetcher(settings);
            if (closed) fetcher.close();
        }
        return fetcher;
    }

    private SourceResult readUrl(String input) {
        URI uri;
        try {
            uri = new URI(input.strip());
            if (uri.getHost() == null) return new SourceResult.Failure(input, "not a valid URL: no host");
        } catch (URISyntaxException e) {
            return new SourceResult.Failure(input, "not a valid URL: " + e.getReason());
        }
        Fetched fetched = fetcher().fetch(uri);
        if (fetched instanceof Fetched.Failure failure) return new SourceResult.Failure(input, failure.reason());
        if (fetched instanceof Fetched.Stopped) return new SourceResult.Failure(input, "stopped before the response was complete");
        if (fetched instanceof Fetched.NotModified) return new SourceResult.Failure(input, "HTTP 304 Not Modified without a conditional request");
        Fetched.Body body = (Fetched.Body) fetched;
        return parse(input, body.bytes(), body.contentType(), Optional.of(body.url()));
    }

    private SourceResult readFile(String input, Path path) {
        byte[] bytes;
        try {
            // one stat for both questions
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isDirectory()) return new SourceResult.Failure(input, "is a directory, not a file");
            long size = attributes.size();
            if (size > settings.maxBytes()) {
                return tooLarge(input);
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = readUpTo(in, size, Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
            }
            if (bytes.length > settings.maxBytes()) {
                return tooLarge(input);
            }
        } catch (NoSuchFileException e) {
            return new SourceResult.Failure(input, "no such file");
        } catch (AccessDeniedException e) {
            return new SourceResult.Failure(input, "permission denied");
        } catch (IOException e) {
            return new SourceResult.Failure(input, "cannot read: " + e.getMessage());
        }
        return parse(input, bytes, Optional.empty(), Optional.empty());
    }

    /**
     * Reads a stream of {@code expected} bytes into an array of that size, with no copy, and goes on (up to
     * {@code limit} bytes) if the file has grown since its size was read. ({@code readNBytes(limit)} reads in
     * 8 KB pieces and copies them all once more.)
     */
    private static byte[] readUpTo(InputStream in, long expected, long limit) throws IOException {
        byte[] buf = new byte[(int) Math.min(expected, limit)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                int next = n < limit ? in.read() : -1;
                if (next < 0) return buf;
                buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(16, buf.length * 2L)));
                buf[n++] = (byte) next;
                continue;
            }
            int read = in.read(buf, n, buf.length - n);
            if (read < 0) return Arrays.copyOf(buf, n);
            n += read;
        }
    }

    private SourceResult tooLarge(String input) {
        return new SourceResult.Failure(input, "larger than the " + Sizes.describe(settings.maxBytes()) + " limit");
    }

    /**
     * The start of the page, as much as {@link ContentKind} reads (8,192 characters, and 2,048 after leading white
     * space), a byte per character ({@link PageBytes#head}).
     */
    private static String sniffed(PageBytes page) {
        for (int bytes = 12 * 1024; bytes <= 48 * 1024; bytes *= 2) {
            if (page.isWhole(bytes)) return page.head(bytes);
            String head = page.head(bytes);
            // more than the leading white space and the 2,048 characters after it
            if (head.length() > 8192 && leadingSpace(head) + 2048 < head.length() - 1) return head;
        }
        return page.wholeText();
    }

    /** Decodes and parses bytes already read; public so callers holding bytes (tests, benchmarks) share the path. */
    public static SourceResult parse(String source, byte[] bytes, Optional<String> contentType, Optional<URI> url) {
        if (isBlank(bytes)) return new SourceResult.Failure(source, "empty: there is no article in it");
        PageBytes page = PageBytes.read(bytes, contentType);
        // what the input is shows in its first characters; an HTML page is then left as bytes for condensing
        String head = sniffed(page);
        ContentKind kind = ContentKind.of(bytes, head, contentType);
        // markup that opens with a long injected script before its own <html> is judged on more than the start
        if (kind == ContentKind.TEXT && head.stripLeading().startsWith("<")) kind = ContentKind.of(bytes, page.wholeText(), contentType);
        return switch (kind) {
            case BINARY -> new SourceResult.Failure(source, "binary data, not text, HTML or a feed");
            case FEED -> Feeds.parse(source, Decoding.decode(bytes, contentType), url);
            case HTML -> new SourceResult.Articles(source, List.of(new WebPage(source, url, page)));
            case TEXT -> TextArticles.parse(source, Decoding.decode(bytes, contentType))
                    .<SourceResult>map(a -> new SourceResult.Articles(source, List.of(a)))
                    .orElseGet(() -> new SourceResult.Failure(source, "empty: there is no article in it"));
        };
    }

    private static int leadingSpace(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) i++;
        return i;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != '\f') return false;
        }
        return true;
    }
}
