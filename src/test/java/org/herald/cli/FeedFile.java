package org.herald.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small RSS feed on disk, read through a {@code file:} URL like any configured feed. */
final class FeedFile {
    record Entry(String guid, String title, String link) {
    }

    private final Path path;

    FeedFile(Path path) {
        this.path = path;
    }

    String uri() {
        return path.toUri().toString();
    }

    void entries(Entry... entries) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Wire</title><link>https://news.example.org/</link><description>d</description>");
        for (Entry e : entries) {
            rss.append("<item><title>").append(e.title()).append("</title><link>").append(e.link()).append("</link><guid isPermaLink=\"false\">")
                    .append(e.guid()).append("</guid><description>Summary.</description></item>");
        }
        rss.append("</channel></rss>");
        try {
            Files.writeString(path, rss);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
