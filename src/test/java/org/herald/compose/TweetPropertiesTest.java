package org.herald.compose;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import org.herald.condense.TextCuts;
import org.herald.config.ChannelSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Property-style checks over thousands of generated headlines and links (seeded, so a failure names a
 * case that can be replayed): every tweet is valid, at most 280 weighted, ends with the whole link, and
 * keeps the headline's start intact up to a grapheme boundary.
 */
class TweetPropertiesTest {
    private static final int CASES_PER_SCRIPT = 400;
    private static final ChannelSettings CHANNEL = TestChannels.x("{headline} {link}");

    enum Script {
        LATIN(r -> words(r, new String[]{"council", "approves", "Café", "naïve", "São", "Zürich", "e\u0301lan", "über",
                "Łódź", "déjà", "vu", "Ærø", "fjord", "O'Brien", "co-operate", "\"quoted\"", "“curly”", "‘single’", "—", "2026",
                "3.5%", "$12bn", "Q&A:", "won't"})),
        ARABIC(r -> words(r, new String[]{"عاجل:", "البنك", "المركزي", "يرفع", "أسعار", "الفائدة", "٣٫٢٪", "\u200Fتقرير",
                "نوفمبر", "الحكومة", "ـــ", "«الأمن»", "مصر", "دبي\u200E", "؟"})),
        HEBREW(r -> words(r, new String[]{"שלום", "ממשלה", "בחירות", "ירושלים", "\"חדשות\"", "2026"})),
        CJK(r -> glued(r, "東京で震度5弱の地震北京上海新闻发布会经济增长率「速報」。、！？", 1, 200)),
        KANA_AND_KANJI(r -> glued(r, "ひらがなカタカナ漢字日本経済新聞首相会見ー・", 1, 200)),
        HANGUL(r -> words(r, new String[]{"서울", "대통령", "국회", "경제", "성장률", "발표", "속보:", "“합의”"})),
        THAI(r -> glued(r, "ประเทศไทยนายกรัฐมนตรีแถลงข่าวเศรษฐกิจ่้๊๋ั", 1, 400)),
        DEVANAGARI(r -> words(r, new String[]{"भारत", "सरकार", "चुनाव", "क्षेत्र", "प्रधानमंत्री", "नई", "दिल्ली"})),
        CYRILLIC_GREEK(r -> words(r, new String[]{"Москва", "правительство", "«новости»", "Київ", "Αθήνα", "κυβέρνηση", "ελληνικά"})),
        EMOJI(r -> words(r, new String[]{"🔴", "🌊🌀", "👨‍👩‍👧‍👦", "🇺🇦", "🇯🇵", "👍🏽", "1️⃣", "#️⃣", "❤️", "❤", "©", "™",
                "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F", "👩🏾‍💻", "🧑‍🤝‍🧑", "⚽", "☀️", "Breaking:", "news"})),
        MIXED(r -> {
            StringBuilder b = new StringBuilder();
            Script[] plain = {LATIN, ARABIC, CJK, HANGUL, THAI, EMOJI, DEVANAGARI, CYRILLIC_GREEK};
            int parts = 1 + r.nextInt(5);
            for (int i = 0; i < parts; i++) b.append(plain[r.nextInt(plain.length)].generate(r)).append(' ');
            return b.toString().strip();
        }),
        HOSTILE(r -> words(r, new String[]{"\uFFFE", "\uFEFF", "\uFFFF", "\u0007bell", "tab\tbed", "see", "bbc.co.uk",
                "example.com/path", "@someone", "#hashtag", "$TSLA", "&amp;", "<b>", "a".repeat(40), "x", "…", "--",
                "\u202Eevil", "\u00AD", "word"}));

        private final Function<Random, String> generator;

        Script(Function<Random, String> generator) {
            this.generator = generator;
        }

        String generate(Random r) {
            return generator.apply(r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Script.class)
    void everyTweetIsValidFitsAndEndsWithTheWholeLink(Script script) {
        Random random = new Random(20261125L * 31 + script.ordinal());
        for (int i = 0; i < CASES_PER_SCRIPT; i++) {
            String headline = script.generate(random);
            // condensing never yields a headline without a visible character; neither does the generator
            if (TweetComposer.sanitize(headline).isBlank()) headline = "x " + headline;
            String link = randomLink(random);
            try {
                check(headline, link);
            } catch (AssertionError e) {
                fail("case " + i + " of " + script + ": headline=" + escape(headline) + " link=" + link + "\n" + e.getMessage(), e);
            }
        }
    }

    /**
     * The quick count (emoji parsing off when no emoji candidate is present, dots that cannot start a link counted as
     * commas) always equals twitter-text's default.
     */
    @org.junit.jupiter.api.Test
    void quickCountAgreesWithTwitterTextEverywhereInTheBasicPlane() {
        Random random = new Random(99);
        for (int i = 0; i < 6000; i++) {
            StringBuilder b = new StringBuilder();
            int length = 1 + random.nextInt(120);
            while (b.length() < length) {
                int cp = random.nextInt(0xFFFE);
                if (Character.isSurrogate((char) cp)) continue;
                b.appendCodePoint(random.nextInt(4) == 0 ? ' ' : cp);
                if (random.nextInt(30) == 0) b.append(" https://example.com/").append(i);
                // a dot before any character at all: the dots that cannot start a link are counted as commas
                if (random.nextInt(8) == 0) b.append('.');
            }
            String text = b.toString();
            TwitterTextParseResults quick = TweetComposer.parse(text);
            TwitterTextParseResults reference = TwitterTextParser.parseTweet(text);
            assertThat(quick.weightedLength).as(escape(text)).isEqualTo(reference.weightedLength);
            assertThat(quick.isValid).as(escape(text)).isEqualTo(reference.isValid);
        }
    }

    /**
     * The count with the post's link stood in for equals twitter-text's count of the whole text, whatever stands
     * around the link: words that are links without a protocol, dots, brackets, emoji, marks, other spaces, no
     * space at all, the link twice; and links twitter-text reads differently (t.co, no known domain, non-ASCII).
     */
    @org.junit.jupiter.api.Test
    void countWithTheLinkStoodInAgreesWithTwitterTextOnTheWholeText() {
        String[] words = {"council", "bbc.co.uk", "t.co/abc", "example.com/path(x)", "(", ")", "foo.", ".com", "a.b",
                "U.S.", "3.5%", "@user", "#tag", "$TSLA", "https://", "http://a", "x.y/", "1\uFE0F\u20E3", "#\uFE0F\u20E3", "©",
                "🇺🇦", "👨‍👩‍👧", "東京で地震", "عاجل:", "\u202Eevil", "\uFEFF", "e\u0301", "\u0301", "\u200D", "\u00A0", "\u3000",
                "\t", "–", "…", "www.example.org", "news.com.au/x", "a".repeat(30), "\uFFFE",
                "e. V.", "etc.", "...", ".»", ".é", ".рф", ".\u00A0", "。", "x.", ".x", "1990.", "example.", ".-", "._a", ".ä"};
        String[] links = {"https://news.example.com/2026/12/bridge", "https://www.bbc.co.uk/news/world-123",
                "https://t.co/AbC123", "https://t.co/" + "a".repeat(50), "http://localhost/x", "https://news.example/x",
                "https://例子.中国/x", "https://en.wikipedia.org/wiki/Primer_(film)", "https://a.com/path.",
                "https://a.com/?q=1&b=(2)", "https://xn--bcher-kva.de/", "https://a.com/x#frag", "example.com/no-scheme",
                "https://a.com/" + "p".repeat(5000), "https://a.com/x?utm_source=x&utm_medium=social",
                "https://sub_domain.example.com/x", "https://a.com/%D8%B9%D8%A7", "https://a.com/x/", "https://a.com"};
        String[] separators = {" ", "\n", "\n\n", "", "(", ")", ".", ",", "\u00A0", "\t", " (", ") ", "\u3000", "/"};
        Random random = new Random(20261202);
        for (int i = 0; i < 4000; i++) {
            String link = links[random.nextInt(links.length)];
            StringBuilder b = new StringBuilder();
            int before = random.nextInt(6);
            for (int k = 0; k < before; k++) b.append(words[random.nextInt(words.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            b.append(separators[random.nextInt(separators.length)]).append(link).append(separators[random.nextInt(separators.length)]);
            int after = random.nextInt(3);
            for (int k = 0; k < after; k++) b.append(words[random.nextInt(words.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            if (random.nextInt(20) == 0) b.append(' ').append(link);
            String text = b.toString();
            TweetComposer.Counted counted = new TweetComposer.LinkCounter(link).count(text);
            TwitterTextParseResults reference = TwitterTextParser.parseTweet(text);
            assertThat(counted.weightedLength()).as(escape(text)).isEqualTo(reference.weightedLength);
            assertThat(counted.valid()).as(escape(text)).isEqualTo(reference.isValid);
        }
    }

    private static void check(String headline, String link) {
        Post post = TweetComposer.INSTANCE.compose(Stories.story(headline, link), CHANNEL);
        TwitterTextParseResults parsed = TwitterTextParser.parseTweet(post.text());
        assertThat(parsed.isValid).as("valid").isTrue();
        assertThat(post.valid()).isTrue();
        assertThat(parsed.weightedLength).isLessThanOrEqualTo(280).isEqualTo(post.weightedLength());
        assertThat(post.text()).endsWith(" " + link);
        for (int k = 0; k < post.text().length(); k++) {
            char c = post.text().charAt(k);
            if (Character.isHighSurrogate(c)) assertThat(Character.isLowSurrogate(post.text().charAt(++k))).as("pair at " + k).isTrue();
            else assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at " + k).isFalse();
        }
        String head = post.text().substring(0, post.text().length() - link.length() - 1);
        String expected = TweetComposer.sanitize(headline).replaceAll(" {2,}", " ").strip();
        if (!post.shortened()) {
            assertThat(head).isEqualTo(expected);
            return;
        }
        assertThat(head).endsWith("…");
        String kept = head.substring(0, head.length() - 1);
        if (kept.isEmpty()) return;
        assertThat(expected).startsWith(kept);
        int[] ends = TextCuts.graphemeEnds(expected);
        int cut = kept.length();
        // the kept part may have lost trailing spaces or punctuation; the cut itself is on a grapheme boundary
        boolean onBoundary = Arrays.stream(ends).anyMatch(e -> e == cut);
        assertThat(onBoundary).as("cut at a grapheme boundary").isTrue();
    }

    private static String randomLink(Random r) {
        String[] tlds = {"com", "org", "net", "co.uk", "news", "de", "jp", "ae", "io", "com.au"};
        StringBuilder b = new StringBuilder(r.nextBoolean() ? "https://" : "http://");
        if (r.nextBoolean()) b.append("www.");
        b.append(token(r, 3 + r.nextInt(12))).append('.').append(tlds[r.nextInt(tlds.length)]);
        int segments = r.nextInt(12);
        for (int i = 0; i < segments; i++) {
            b.append('/');
            if (r.nextInt(6) == 0) b.append("%D8%B9%D8%A7%D8%AC%D9%84");
            else b.append(token(r, 1 + r.nextInt(40)));
        }
        if (r.nextInt(3) == 0) b.append("?id=").append(r.nextInt(100000)).append("&page=").append(r.nextInt(9));
        return b.toString();
    }

    private static String token(Random r, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        if (length > 3 && r.nextBoolean()) b.insert(length / 2, '-');
        return b.toString();
    }

    private static String words(Random r, String[] pool) {
        int count = 1 + r.nextInt(r.nextInt(4) == 0 ? 150 : 30);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) b.append(' ');
            b.append(pool[r.nextInt(pool.length)]);
        }
        return b.toString();
    }

    private static String glued(Random r, String alphabet, int min, int max) {
        int[] cps = alphabet.codePoints().toArray();
        int count = min + r.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.appendCodePoint(cps[r.nextInt(cps.length)]);
            if (r.nextInt(25) == 0) b.append(' ');
        }
        return b.toString().strip();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp > 0x7E) b.append(String.format("\\u{%X}", cp));
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }
}
