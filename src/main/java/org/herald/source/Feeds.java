package org.herald.source;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses RSS and Atom with Rome. Rome refuses DOCTYPE declarations, which is what keeps external entities
 * (XXE) and entity expansion out; a bare public DOCTYPE of old RSS 0.91 feeds is removed first so those still read.
 */
final class Feeds {
    private static final Pattern PLAIN_DOCTYPE = Pattern.compile("(?is)<!DOCTYPE\\s+rss[^\\[>]*>");

    private Feeds() {
    }

    static SourceResult parse(String source, String xml, Optional<URI> fetchedFrom) {
        String cleaned = PLAIN_DOCTYPE.matcher(xml).replaceFirst("");
        if (cleaned.contains("<!DOCTYPE") || cleaned.contains("<!doctype")) {
            return new SourceResult.Failure(source, "malformed feed: it declares a DOCTYPE, which Herald refuses "
                    + "(external entities are a security risk)");
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new StringReader(cleaned));
        } catch (FeedException | IllegalArgumentException e) {
            return new SourceResult.Failure(source, "malformed feed: " + oneLine(e.getMessage()));
        }
        Optional<URI> feedLink = uri(feed.getLink(), fetchedFrom);
        Optional<URI> base = feedLink.or(() -> fetchedFrom);
        String feedTitle = feed.getTitle() == null ? "" : feed.getTitle();
        Optional<String> language = Optional.ofNullable(feed.getLanguage()).filter(l -> !l.isBlank());
        List<Article> articles = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String title = entry.getTitle() == null ? "" : entry.getTitle();
            Optional<URI> link = uri(entry.getLink(), base);
            if (link.isEmpty() && entry.getUri() != null && entry.getUri().startsWith("http")) {
                link = uri(entry.getUri(), base);
            }
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            articles.add(new FeedEntry(source, title, link, description(entry),
                    Optional.ofNullable(date).map(Date::toInstant),
                    Optional.ofNullable(entry.getUri()).filter(g -> !g.isBlank()),
                    language, feedTitle, feedLink));
        }
        return new SourceResult.Articles(source, articles);
    }

    private static String description(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue();
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) return content.getValue();
        }
        return "";
    }

    private static Optional<URI> uri(String value, Optional<URI> base) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            URI uri = new URI(value.strip().replace(" ", "%20"));
            if (!uri.isAbsolute()) {
                if (base.isEmpty()) return Optional.empty();
                uri = base.get().resolve(uri);
            }
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) return "not RSS or Atom";
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
