package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.source.WebPage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PageCondenserTest {
    private static Story condense(String html) {
        return condense(html, null);
    }

    private static Story condense(String html, String url) {
        Condensed c = new Condenser(CondenseSettings.defaults())
                .condense(new WebPage("page.html", Optional.ofNullable(url).map(URI::create), html), Optional.empty());
        assertThat(c).isInstanceOf(Condensed.Ok.class);
        return ((Condensed.Ok) c).story();
    }

    @Test
    void ogTitleWinsAndItsSiteSuffixGoes() {
        Story story = condense("""
                <html><head><title>Other words | Daily Planet</title>
                <meta property="og:site_name" content="Daily Planet">
                <meta property="og:title" content="Bridge reopens after repairs | Daily Planet">
                </head><body><h1>Bridge reopens after repairs</h1></body></html>""");
        assertThat(story.headline()).isEqualTo("Bridge reopens after repairs");
    }

    @Test
    void aColonOrDashThatBelongsToTheHeadlineStays() {
        Story story = condense("""
                <html><head><meta property="og:site_name" content="World Desk">
                <meta property="og:title" content="Ukraine war: what we know on day 1,000 - World Desk">
                </head><body></body></html>""");
        assertThat(story.headline()).isEqualTo("Ukraine war: what we know on day 1,000");
    }

    @Test
    void sitePrefixIsRemovedFromATitleOnlyPage() {
        Story story = condense("<html><head><title>Daily Planet - Mayor resigns after audit</title></head><body></body></html>",
                "https://www.dailyplanet.example/news/mayor");
        assertThat(story.headline()).isEqualTo("Mayor resigns after audit");
        assertThat(story.link()).contains(URI.create("https://www.dailyplanet.example/news/mayor"));
    }

    @Test
    void logoHeadingIsNotTheHeadline() {
        Story story = condense("""
                <html><head><meta property="og:site_name" content="Daily Planet"></head><body>
                <header><h1 class="logo">Daily Planet</h1></header>
                <article><h1 class="headline">Flood defences hold as river peaks</h1><p>Text.</p></article></body></html>""");
        assertThat(story.headline()).isEqualTo("Flood defences hold as river peaks");
    }

    @Test
    void headingsInsideScriptsAndCommentsAreIgnored() {
        Story story = condense("""
                <html><head><script>var s = "<h1>Not this</h1></title>";</script></head><body>
                <!-- <h1>Nor this</h1> -->
                <h1>The real headline</h1></body></html>""");
        assertThat(story.headline()).isEqualTo("The real headline");
    }

    @Test
    void entitiesAreDecodedOnceEvenWhenEncodedTwice() {
        Story story = condense("<html><head><meta property=\"og:title\" content=\"Q&amp;amp;A: Don&amp;#8217;t panic\"></head></html>");
        assertThat(story.headline()).isEqualTo("Q&A: Don’t panic");
    }

    @Test
    void jsonLdHeadlineIsUsedWhenThereAreNoMetaTitles() {
        Story story = condense("""
                <html><head><title>Site</title><script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
                 {"@type":["NewsArticle"],"headline":"Rates held for a third month","url":"https://site.example/rates?utm_source=x"}]}
                </script></head><body></body></html>""");
        assertThat(story.headline()).isEqualTo("Rates held for a third month");
        assertThat(story.link()).contains(URI.create("https://site.example/rates"));
    }

    @Test
    void arabicPageKeepsRightToLeftAndItsLanguage() {
        Story story = condense("""
                <html lang="ar" dir="rtl"><head><meta property="og:site_name" content="الجزيرة نت">
                <title>ارتفاع التضخم إلى ٣٫٢٪ في نوفمبر - الجزيرة نت</title></head><body></body></html>""");
        assertThat(story.headline()).isEqualTo("ارتفاع التضخم إلى ٣٫٢٪ في نوفمبر");
        assertThat(story.lang()).isEqualTo("ar");
        assertThat(story.dir()).isEqualTo(Direction.RTL);
    }

    @Test
    void declaredLanguageThatContradictsTheScriptGivesWay() {
        Story story = condense("<html lang=\"en\"><head><title>東京で初雪、平年より12日早く</title></head></html>");
        assertThat(story.lang()).isEqualTo("ja");
    }

    @Test
    void canonicalPointingAtTheHomePageGivesWayToOgUrl() {
        Story story = condense("""
                <html><head><link rel="canonical" href="https://example.com/">
                <meta property="og:url" content="https://example.com/2026/11/24/story?utm_medium=social">
                <meta property="og:title" content="Story"></head></html>""");
        assertThat(story.link()).contains(URI.create("https://example.com/2026/11/24/story"));
    }

    @Test
    void summaryFallsBackToTheFirstSubstantialParagraph() {
        Story story = condense("""
                <html><head><title>Headline here</title></head><body>
                <nav><p>Home | World | Sport and much more navigation text that is long enough to count</p></nav>
                <article><h1>Headline here</h1><p>By Staff</p>
                <p>The first real paragraph of the story says what happened, where, and why it matters to readers.</p>
                <p>Follow us on Facebook and Twitter</p></article></body></html>""");
        assertThat(story.summary()).isEqualTo("The first real paragraph of the story says what happened, where, and why it matters to readers.");
    }

    @Test
    void pageWithoutAnyHeadlineIsUnusable() {
        Condensed c = new Condenser(CondenseSettings.defaults())
                .condense(new WebPage("empty.html", Optional.empty(), "<html><head></head><body><div>x</div></body></html>"), Optional.empty());
        assertThat(c).isInstanceOf(Condensed.Unusable.class);
        assertThat(((Condensed.Unusable) c).reason()).isEqualTo("no headline found in the page");
    }
}
