package org.herald.cli;

import org.herald.compose.TweetLength;
import org.herald.condense.Condenser;
import org.herald.config.CondenseSettings;
import org.herald.source.Article;
import org.herald.source.FileAndWebSource;
import org.herald.source.SourceResult;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads, condenses and counts one small built-in page on a second thread while the command line is still being
 * parsed, for the commands that read articles. The first article otherwise waits for the condensing and counting
 * classes to load and compile their patterns (about a tenth of a second), on one thread while the other cores idle;
 * done here, that work overlaps picocli's start-up. Nothing it computes is kept.
 */
final class Warmup {
    private static final Set<String> READING_COMMANDS = Set.of("preview", "post", "schedule");
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <title>Council approves the new bridge – Example News</title>
            <meta property="og:title" content="Council approves the new bridge">
            <meta property="og:site_name" content="Example News">
            <link rel="canonical" href="https://news.example.com/2026/12/bridge">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the new bridge"}</script>
            </head><body><nav><a href="/">Home</a></nav><h1>Council approves the new bridge</h1>
            <p>The city council voted on Tuesday to build a new bridge across the river, ending years of debate.</p>
            </body></html>
            """;

    private Warmup() {
    }

    /** Starts the warm-up once per process, if the command named reads articles. */
    static void startFor(String command) {
        if (command == null || !READING_COMMANDS.contains(command) || !STARTED.compareAndSet(false, true)) return;
        Thread thread = new Thread(Warmup::run, "herald-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            SourceResult read = FileAndWebSource.parse("warm-up", PAGE.getBytes(StandardCharsets.UTF_8),
                    Optional.empty(), Optional.of(URI.create("https://news.example.com/2026/12/bridge")));
            if (read instanceof SourceResult.Articles articles) {
                Condenser condenser = new Condenser(CondenseSettings.defaults());
                for (Article article : articles.articles()) condenser.condense(article, Optional.empty());
            }
            TweetLength.count("Council approves the new bridge 🌉 https://news.example.com/2026/12/bridge");
        } catch (RuntimeException ignored) {
            // Only ever a head start: the command itself runs the same code and reports what goes wrong.
        }
    }
}
