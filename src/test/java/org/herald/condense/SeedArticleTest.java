package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.config.FetchSettings;
import org.herald.source.Article;
import org.herald.source.FileAndWebSource;
import org.herald.source.SourceResult;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire story Herald started from, read from the shared seed beside the repository. */
class SeedArticleTest {
    static final Path SEED = Path.of("../shared/seed/article.txt");

    @Test
    void condensesToItsOwnHeadlineAndTheGivenLinkWithoutTheFooter() throws Exception {
        assertThat(Files.exists(SEED)).as("shared seed article present").isTrue();
        SourceResult read = new FileAndWebSource(FetchSettings.defaults()).read(SEED.toString());
        assertThat(read).isInstanceOf(SourceResult.Articles.class);
        Article article = ((SourceResult.Articles) read).articles().get(0);

        Condensed condensed = new Condenser(CondenseSettings.defaults())
                .condense(article, Optional.of(URI.create("https://example.com/x")));

        Story story = ((Condensed.Ok) condensed).story();
        assertThat(story.headline()).isEqualTo("New Syrian-Israeli talks to discuss the “security agreement”");
        assertThat(story.link()).contains(URI.create("https://example.com/x"));
        assertThat(story.summary()).startsWith("High-ranking Syrian and Israeli officials will meet in Paris")
                .doesNotContain("Follow").doesNotContain("Khaleejion").doesNotContain("For more");
        assertThat(story.lang()).isEqualTo("en");
        assertThat(story.dir()).isEqualTo(Direction.LTR);
    }
}
