package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.source.Article;
import org.herald.source.FileAndWebSource;
import org.herald.source.SourceResult;
import org.herald.source.WebPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Condensing scans a page's bytes and decodes only the pieces it keeps. These tests hold it to the slower
 * path it replaced, which decodes the whole page first: the same story, on every real page and fixture.
 */
class BytePathTest {
    private static final Pattern PATH = Pattern.compile("\"path\": \"([^\"]+)\"");
    private final Condenser condenser = new Condenser(CondenseSettings.defaults());

    @Test
    void everyCorpusPageGivesTheStoryItsDecodedTextGives() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CorpusLabelsTest.CORPUS),
                "../shared/corpus is not beside the checkout: the byte path cannot be compared on real pages");
        List<Path> pages = new ArrayList<>();
        for (String line : Files.readAllLines(CorpusLabelsTest.CORPUS.resolve("manifest.jsonl"), StandardCharsets.UTF_8)) {
            Matcher m = PATH.matcher(line);
            if (m.find()) pages.add(CorpusLabelsTest.CORPUS.resolve(m.group(1)));
        }
        assertThat(pages).hasSizeGreaterThan(300);
        assertSameStories(pages);
    }

    @Test
    void everyFixturePageGivesTheStoryItsDecodedTextGives() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThan(100);
        assertSameStories(pages);
    }

    private void assertSameStories(List<Path> pages) throws Exception {
        int compared = 0;
        for (Path page : pages) {
            SourceResult read = FileAndWebSource.parse(page.toString(), Files.readAllBytes(page), Optional.empty(), Optional.empty());
            if (!(read instanceof SourceResult.Articles articles) || !(articles.articles().get(0) instanceof WebPage fromBytes)) continue;
            WebPage decoded = new WebPage(fromBytes.source(), fromBytes.url(), fromBytes.html());
            assertThat(condenser.condense(fromBytes, Optional.empty()))
                    .as(page.toString())
                    .isEqualTo(condenser.condense(decoded, Optional.empty()));
            compared++;
        }
        assertThat(compared).isGreaterThan(pages.size() * 9 / 10);
    }

    @Test
    void aPageInWindows1252IsReadInItsCharset() {
        String html = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 cr\u00e8me: prices rise again in Z\u00fcrich</title>"
                + "<meta name=\"description\" content=\"Na\u00efve forecasts \u2013 and what happened next.\"></head>"
                + "<body><h1>Caf\u00e9 cr\u00e8me: prices rise again in Z\u00fcrich</h1></body></html>";
        Story story = story(html.getBytes(Charset.forName("windows-1252")));
        assertThat(story.headline()).isEqualTo("Caf\u00e9 cr\u00e8me: prices rise again in Z\u00fcrich");
        assertThat(story.summary()).isEqualTo("Na\u00efve forecasts \u2013 and what happened next.");
    }

    @Test
    void aPageInShiftJisIsReadInItsCharset() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
                + "<title>\u6771\u4eac\u3067\u65b0\u3057\u3044\u56f3\u66f8\u9928\u304c\u958b\u9928</title></head>"
                + "<body><p>\u5e02\u306f\u4e00\u65e5\u3001\u65b0\u3057\u3044\u56f3\u66f8\u9928\u3092\u958b\u3044\u305f\u3002</p></body></html>";
        Story story = story(html.getBytes(Charset.forName("windows-31j")));
        assertThat(story.headline()).isEqualTo("\u6771\u4eac\u3067\u65b0\u3057\u3044\u56f3\u66f8\u9928\u304c\u958b\u9928");
    }

    @Test
    void aStrayByteOutsideTheKeptPiecesDoesNotGarbleThem() {
        // Read whole, this page is not UTF-8 (one stray byte against three good sequences), so it is read as
        // windows-1252 and every umlaut turns into two letters; the pieces condensing keeps are valid UTF-8
        // and read as what they are. The one place where the byte path and the whole-page reading differ.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("<html><head><title>Z\u00fcrich stimmt \u00fcber das neue Budget ab</title></head><body>"
                + "<h1>Z\u00fcrich stimmt \u00fcber das neue Budget ab</h1><p>Die Stadt entscheidet \u00fcber 9 Milliarden.</p>"
                + "<footer>").getBytes(StandardCharsets.UTF_8));
        out.write(0xE9);
        out.writeBytes("</footer></body></html>".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = out.toByteArray();
        assertThat(story(bytes).headline()).isEqualTo("Z\u00fcrich stimmt \u00fcber das neue Budget ab");
        assertThat(page(bytes).html()).contains("Z\u00c3\u00bcrich");
    }

    @Test
    void aByteOrderMarkSettlesUtf8EvenWithMalformedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes("<html><head><title>Gr\u00fc\u00dfe aus ".getBytes(StandardCharsets.UTF_8));
        out.write(0xFF);
        out.writeBytes(" Wien und Graz</title></head><body></body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(story(out.toByteArray()).headline()).isEqualTo("Gr\u00fc\u00dfe aus \ufffd Wien und Graz");
        assertSame(out.toByteArray());
    }

    @Test
    void whiteSpaceOutsideAsciiSeparatesAttributesAsInTheDecodedText() {
        // U+3000 (ideographic space) is white space to Java: it ends a tag name, an attribute name or an unquoted value
        String title = "\u4e2d\u6587\u6807\u9898\u6d4b\u8bd5\u65b0\u95fb\u62a5\u9053";
        PageFacts facts = HtmlScanner.scan("<html\u3000lang=zh><head><meta\u3000property=og:title\u3000content=\"" + title + "\">"
                + "<meta name=x content=a\u3000b></head><body><h1\u3000class=headline>" + title + "</h1></body></html>");
        assertThat(facts.meta).containsEntry("og:title", title).containsEntry("x", "a");
        assertThat(facts.lang).isEqualTo("zh");
        assertThat(facts.headings).singleElement().satisfies(h -> {
            assertThat(h.text()).isEqualTo(title);
            assertThat(h.hinted()).isTrue();
        });
    }

    @Test
    void aParagraphIsCutAtTheSameCharacterAsInTheDecodedText() {
        // the capture limit counts characters: in UTF-8 these take three bytes each
        String text = "\u4e2d\u6587\u3002".repeat(9_000);
        PageFacts facts = HtmlScanner.scan("<html><head><title>T</title></head><body><p>" + text + "</p></body></html>");
        assertThat(facts.paragraphs).singleElement().satisfies(p -> assertThat(p.markup()).isEqualTo(text.substring(0, 20_000)));
        PageFacts shorter = HtmlScanner.scan("<html><body><p>" + text.substring(0, 19_999) + "</p><p>next</p></body></html>");
        assertThat(shorter.paragraphs).extracting(PageFacts.Paragraph::markup).containsExactly(text.substring(0, 19_999), "next");
    }

    @Test
    void aHeadingLongerThanTheCaptureLimitInCharactersIsSkipped() {
        String two = "\u00e9\u00e8".repeat(5_000);
        assertThat(HtmlScanner.scan("<h1>" + two + "</h1>").headings).hasSize(1);
        assertThat(HtmlScanner.scan("<h1>" + two + two + "x</h1>").headings).isEmpty();
    }

    private void assertSame(byte[] bytes) {
        WebPage fromBytes = page(bytes);
        WebPage decoded = new WebPage(fromBytes.source(), fromBytes.url(), fromBytes.html());
        assertThat(condenser.condense(fromBytes, Optional.empty())).isEqualTo(condenser.condense(decoded, Optional.empty()));
    }

    private Story story(byte[] bytes) {
        Condensed condensed = condenser.condense(page(bytes), Optional.empty());
        assertThat(condensed).isInstanceOf(Condensed.Ok.class);
        return ((Condensed.Ok) condensed).story();
    }

    private static WebPage page(byte[] bytes) {
        SourceResult read = FileAndWebSource.parse("page.html", bytes, Optional.empty(), Optional.empty());
        Article article = ((SourceResult.Articles) read).articles().get(0);
        return (WebPage) article;
    }
}
