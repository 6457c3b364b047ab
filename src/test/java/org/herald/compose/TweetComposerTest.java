package org.herald.compose;

import com.twitter.twittertext.TwitterTextParser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TweetComposerTest {
    private static final String LINK = "https://example.com/news/2026/11/24/a-rather-long-slug-that-twitter-counts-as-23";

    private static Post tweet(String headline) {
        return TweetComposer.INSTANCE.compose(Stories.story(headline, LINK), TestChannels.x("{headline} {link}"));
    }

    @Test
    void headlineAndLinkFitUnchanged() {
        Post post = tweet("Storm closes schools across the region");
        assertThat(post.text()).isEqualTo("Storm closes schools across the region " + LINK);
        assertThat(post.weightedLength()).isEqualTo(38 + 1 + 23);
        assertThat(post.valid()).isTrue();
        assertThat(post.shortened()).isFalse();
    }

    @Test
    void longEnglishHeadlineLosesWholeWordsAndEndsWithAnEllipsisBeforeTheLink() {
        String headline = ("Council approves new budget after a long debate over schools, roads and the future of "
                + "the harbour, ").repeat(4) + "and sets the next vote for March";
        Post post = tweet(headline);
        assertThat(post.valid()).isTrue();
        assertThat(post.shortened()).isTrue();
        assertThat(post.weightedLength()).isLessThanOrEqualTo(280).isGreaterThan(270);
        assertThat(post.text()).endsWith("… " + LINK);
        String kept = post.text().substring(0, post.text().length() - LINK.length() - 2);
        assertThat(headline).startsWith(kept);
        // the cut falls between words, and trailing commas are dropped before the ellipsis
        assertThat(headline.charAt(kept.length())).isIn(' ', ',');
        assertThat(kept).doesNotEndWith(",");
    }

    @Test
    void arabicCountsOneAndStaysWhole() {
        String headline = "عاجل: البنك المركزي يرفع أسعار الفائدة بنصف نقطة مئوية";
        Post post = TweetComposer.INSTANCE.compose(Stories.story(headline, "https://example.com/news/2026/11/24/central-bank-rates"),
                TestChannels.x("{headline} {link}"));
        assertThat(post.text()).isEqualTo(headline + " https://example.com/news/2026/11/24/central-bank-rates");
        assertThat(post.weightedLength()).isEqualTo(78);
    }

    @Test
    void longArabicHeadlineIsCutAtAWordBoundary() {
        String word = "الحكومة";
        String headline = (word + " ").repeat(60).strip();
        Post post = tweet(headline);
        assertThat(post.valid()).isTrue();
        assertThat(post.text()).endsWith(word + "… " + LINK);
        assertThat(post.weightedLength()).isLessThanOrEqualTo(280);
    }

    @Test
    void emojiAndZwjSequencesAreNeverSplit() {
        String family = "👨‍👩‍👧‍👦";
        String headline = ("Families " + family + " and flags 🇺🇦 with skin tones 👍🏽 and keycaps 1️⃣ ").repeat(12).strip();
        Post post = tweet(headline);
        assertThat(post.valid()).isTrue();
        String kept = post.text().substring(0, post.text().length() - LINK.length() - 1);
        assertThat(kept).endsWith("…");
        String body = kept.substring(0, kept.length() - 1);
        assertThat(headline).startsWith(body);
        // every emoji sequence in the kept part is complete
        assertThat(countOf(body, family)).isEqualTo(countOf(body, "Families"));
        assertThat(Character.isHighSurrogate(body.charAt(body.length() - 1))).isFalse();
    }

    @Test
    void headlineOfExactlyTheLimitIsKeptWhole() {
        String headline = "A".repeat(256);
        Post post = tweet(headline);
        assertThat(post.weightedLength()).isEqualTo(280);
        assertThat(post.valid()).isTrue();
        assertThat(post.shortened()).isFalse();
        assertThat(post.text()).isEqualTo(headline + " " + LINK);
    }

    @Test
    void oneCharacterOverTheLimitIsShortened() {
        // a single 257-letter "word" cannot be cut between words, so it is cut between characters;
        // "…" (U+2026) is outside twitter-text's light ranges and weighs 2
        Post post = tweet("A".repeat(257));
        assertThat(post.valid()).isTrue();
        assertThat(post.weightedLength()).isEqualTo(280);
        assertThat(post.text()).isEqualTo("A".repeat(254) + "… " + LINK);
    }

    @Test
    void cjkCountsTwoPerCharacter() {
        String headline = "字".repeat(140);
        Post post = TweetComposer.INSTANCE.compose(Stories.story(headline, null, "", "zh"), TestChannels.x("{headline} {link}"));
        assertThat(post.weightedLength()).isEqualTo(280);
        assertThat(post.valid()).isTrue();
        Post withLink = TweetComposer.INSTANCE.compose(Stories.story(headline, LINK, "", "zh"), TestChannels.x("{headline} {link}"));
        assertThat(withLink.valid()).isTrue();
        assertThat(withLink.text()).isEqualTo("字".repeat(127) + "… " + LINK);
        assertThat(withLink.weightedLength()).isEqualTo(127 * 2 + 2 + 1 + 23);
    }

    @Test
    void decodedEntitiesAndTypographicQuotesArriveAsWritten() {
        Post post = tweet("Q&A: “We’re not done yet,” says coach — 3 < 4");
        assertThat(post.text()).startsWith("Q&A: “We’re not done yet,” says coach — 3 < 4 ");
        assertThat(post.valid()).isTrue();
    }

    @Test
    void charactersXRejectsAreRemoved() {
        Post post = tweet("Bad\uFFFEbytes\uFEFF here\uFFFF");
        assertThat(post.valid()).isTrue();
        assertThat(post.text()).startsWith("Badbytes here ");
    }

    @Test
    void channelUtmTagsAreAddedToTheLink() {
        Post post = TweetComposer.INSTANCE.compose(Stories.story("Headline", "https://example.com/a?id=7"),
                TestChannels.x("{headline} {link}", Map.of("utm_source", "x")));
        assertThat(post.text()).isEqualTo("Headline https://example.com/a?id=7&utm_source=x");
        assertThat(post.link()).hasValueSatisfying(l -> assertThat(l.toString()).isEqualTo("https://example.com/a?id=7&utm_source=x"));
    }

    @Test
    void noLinkMeansHeadlineOnly() {
        Post post = TweetComposer.INSTANCE.compose(Stories.story("Only a headline", null), TestChannels.x("{headline} {link}"));
        assertThat(post.text()).isEqualTo("Only a headline");
        assertThat(post.link()).isEmpty();
    }

    @Test
    void summaryInTheTemplateIsShortenedBeforeTheHeadline() {
        String summary = "A long summary sentence that goes on and on. ".repeat(10).strip();
        Post post = TweetComposer.INSTANCE.compose(Stories.story("Short headline", LINK, summary, "en"),
                TestChannels.x("{headline}\n\n{summary}\n{link}"));
        assertThat(post.valid()).isTrue();
        assertThat(post.text()).startsWith("Short headline\n\nA long summary").endsWith("…\n" + LINK);
        assertThat(TwitterTextParser.parseTweet(post.text()).weightedLength).isLessThanOrEqualTo(280);
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) count++;
        return count;
    }
}
