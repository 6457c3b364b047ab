package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.source.FileAndWebSource;
import org.herald.source.SourceResult;
import org.herald.source.WebPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages written to mimic real publishers' markup (WordPress, Arc, Drupal, AMP, title-only pages, site
 * prefixes and suffixes, Arabic, CJK, Thai and European languages), each labelled with the headline an
 * editor would post and its clean canonical link in each set's {@code expected.tsv}.
 */
class HeadlineFixturesTest {
    /** Two labelled sets: {@code pages} (written alongside the extractor) and {@code holdout} (written blind, later). */
    private static final List<Path> SETS = List.of(Path.of("src/test/resources/pages"), Path.of("src/test/resources/holdout"));

    static Stream<Arguments> pages() throws IOException {
        Stream<Arguments> all = Stream.empty();
        for (Path set : SETS) {
            List<String> lines = Files.readAllLines(set.resolve("expected.tsv"), StandardCharsets.UTF_8);
            all = Stream.concat(all, lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
                String[] cols = l.split("\t", -1);
                return Arguments.of(set.resolve(cols[0]).toString(), cols[1], cols[2]);
            }));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void findsTheHeadlineAndLinkAnEditorWouldPost(String file, String headline, String link) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        SourceResult read = FileAndWebSource.parse(file, bytes, Optional.empty(), Optional.empty());
        assertThat(read).isInstanceOf(SourceResult.Articles.class);
        assertThat(((SourceResult.Articles) read).articles().get(0)).isInstanceOf(WebPage.class);

        Condensed condensed = new Condenser(CondenseSettings.defaults())
                .condense(((SourceResult.Articles) read).articles().get(0), Optional.empty());

        assertThat(condensed).isInstanceOf(Condensed.Ok.class);
        Story story = ((Condensed.Ok) condensed).story();
        assertThat(story.headline()).isEqualTo(headline);
        if (link.equals("-")) assertThat(story.link()).isEmpty();
        else assertThat(story.link()).contains(URI.create(link));
        assertThat(story.headline()).doesNotContainPattern("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    }
}
