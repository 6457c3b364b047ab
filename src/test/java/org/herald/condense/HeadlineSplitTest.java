package org.herald.condense;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splitting a title starts each separator search near the next separator character instead of at every position;
 * it must find exactly the parts that searching everywhere finds.
 */
class HeadlineSplitTest {
    /** Separator characters, the white space and quotes around them, and ASCII, Latin, Cyrillic and CJK letters. */
    private static final String ALPHABET = "||｜::：--–—»«·•‹›~//__＿―－−¦⋆★☆●◆■►▶▷<>\\      \t\n\"'“”„‘’「」()[]aZ9.éжх記事サ이";

    @Test
    void startingNearTheNextSeparatorCharacterFindsWhatSearchingEverywhereFinds() {
        Random random = new Random(20261202);
        for (int i = 0; i < 200_000; i++) {
            int length = 1 + random.nextInt(30);
            StringBuilder title = new StringBuilder(length);
            for (int k = 0; k < length; k++) title.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            String s = title.toString();
            assertThat(Headlines.split(s)).as("%s", s).isEqualTo(everywhere(s));
        }
    }

    @Test
    void realTitleShapesSplitAsBefore() {
        for (String s : List.of("Story of the day | Site", "Site » Blog Archive » Story", "記事のタイトル:サイト名",
                "« Nous ne partirons pas » : la grève continue", "Ukraine — Live : les dernières nouvelles",
                "Why “|” matters", "“Yes | No” vote splits the council | Site", "„Ja | Nein“ – Abstimmung | Site", "新闻_网站", "A  |  B  |  C", "Story -- Site", "Noticias: Título: Sitio",
                "Song - Singer (歌名 - 歌手) | Lyrics", "Story (part 1 | Site")) {
            assertThat(Headlines.split(s)).as(s).isEqualTo(everywhere(s));
        }
    }

    @Test
    void aSeparatorInsideClosedBracketsDoesNotSplit() {
        assertThat(Headlines.split("Song - Singer (歌名 - 歌手) | Lyrics")).extracting(Headlines.Part::text)
                .containsExactly("Song", "Singer (歌名 - 歌手)", "Lyrics");
        // a bracket the title never closes does not hold the rest of it together
        assertThat(Headlines.split("Story (part 1 | Site")).extracting(Headlines.Part::text).containsExactly("Story (part 1", "Site");
    }

    /** The plain loop: the separator pattern searched from each previous match's end. */
    private static List<Headlines.Part> everywhere(String title) {
        List<Headlines.Part> parts = new ArrayList<>();
        Matcher m = Headlines.SEPARATOR.matcher(title);
        int start = 0;
        String separator = "";
        while (m.find()) {
            if (m.start() == 0 || m.end() == title.length()) continue;
            String text = title.substring(start, m.start());
            if (Headlines.opensAQuotation(text) || Headlines.insideBrackets(text, title, m.end())) continue;
            if (text.isBlank()) continue;
            parts.add(new Headlines.Part(separator, text));
            separator = m.group();
            start = m.end();
        }
        parts.add(new Headlines.Part(separator, title.substring(start)));
        return parts;
    }
}
