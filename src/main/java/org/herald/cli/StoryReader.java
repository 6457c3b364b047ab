package org.herald.cli;

import org.herald.condense.Condensed;
import org.herald.condense.Condenser;
import org.herald.condense.Story;
import org.herald.config.HeraldSettings;
import org.herald.source.Article;
import org.herald.source.FileAndWebSource;
import org.herald.source.SourceResult;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one input and condenses each of its articles; what fails comes back as one line per article. */
final class StoryReader {
    /** A story, or why an input or one of its articles gave none. */
    sealed interface Read {
        record Ok(Story story) implements Read {
        }

        record Failed(String source, String reason) implements Read {
        }
    }

    private final FileAndWebSource source;
    private final Condenser condenser;

    StoryReader(HeraldSettings settings) {
        this.source = new FileAndWebSource(settings.fetch());
        this.condenser = new Condenser(settings.condense());
    }

    List<Read> read(String input, Optional<URI> fallbackLink) {
        SourceResult result = source.read(input);
        if (result instanceof SourceResult.Failure failure) return List.of(new Read.Failed(failure.source(), failure.reason()));
        List<Article> articles = ((SourceResult.Articles) result).articles();
        if (articles.isEmpty()) return List.of(new Read.Failed(input, "the feed has no entries"));
        List<Read> reads = new ArrayList<>(articles.size());
        for (Article article : articles) {
            Condensed condensed = condenser.condense(article, fallbackLink);
            if (condensed instanceof Condensed.Unusable unusable) reads.add(new Read.Failed(unusable.source(), unusable.reason()));
            else reads.add(new Read.Ok(((Condensed.Ok) condensed).story()));
        }
        return reads;
    }

    /**
     * For commands that publish one article: its story with a link, or empty after printing why not (an input
     * holding several articles, or none). An article without a link is a usage error: the user must pass --link.
     */
    Optional<Story> readOneWithLink(String input, Optional<URI> fallbackLink, String verb, java.io.PrintStream err,
                                    picocli.CommandLine commandLine) {
        List<Read> reads = read(input, fallbackLink);
        if (reads.size() > 1) {
            err.println("herald: " + input + ": holds " + reads.size() + " articles; " + verb + " one (give the article itself)");
            return Optional.empty();
        }
        if (reads.get(0) instanceof Read.Failed failed) {
            err.println("herald: " + failed.source() + ": " + failed.reason());
            return Optional.empty();
        }
        Story story = ((Read.Ok) reads.get(0)).story();
        if (story.link().isEmpty()) {
            throw new picocli.CommandLine.ParameterException(commandLine,
                    input + " has no link of its own: pass --link URL so the post can point to the story");
        }
        return Optional.of(story);
    }

    /** Parses --link into an absolute http(s) URL, or throws the usage error that names it. */
    static Optional<URI> linkOption(String link, picocli.CommandLine commandLine) {
        if (link == null) return Optional.empty();
        return Optional.of(parseLink(link).orElseThrow(() -> new picocli.CommandLine.ParameterException(commandLine,
                "--link must be an absolute http(s) URL, not '" + link + "'")));
    }

    /** Parses --link: an absolute http(s) URL, or empty when the reason for refusing it is returned instead. */
    static Optional<URI> parseLink(String link) {
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            // not a URL
        }
        return Optional.empty();
    }
}
