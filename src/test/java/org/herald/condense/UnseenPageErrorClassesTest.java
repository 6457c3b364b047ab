package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.source.Article;
import org.herald.source.FileAndWebSource;
import org.herald.source.PlainText;
import org.herald.source.SourceResult;
import org.herald.source.WebPage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.condense.HandMadePages.condense;
import static org.herald.condense.HandMadePages.condensed;
import static org.herald.condense.HandMadePages.page;

/**
 * The kinds of mistake the pages labelled apart from development ({@code corpus-labels/UNSEEN.md}) showed, each on
 * a small page built to show it: a page opening with a script read as plain text, a headline that is a list joined
 * by pipes, a site's title template after the story, a title that puts the site's name first with nothing on the
 * page naming the site, and a date with the site's sections after the story.
 */
class UnseenPageErrorClassesTest {
    // a page whose first bytes are a script the host injected before <html>

    @Test
    void aPageOpeningWithALongScriptIsReadAsAPage() {
        String script = "\n<script type=\"text/javascript\">\n" + "var counter = window.counter || [];\n".repeat(120) + "</script>\n";
        String html = script + page("<title>Briefe</title>", "<p>Es war gesagt, falls du zornig bist, sollst du einen Brief schreiben.</p>");
        SourceResult read = FileAndWebSource.parse("page.html", html.getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty());
        assertThat(read).isInstanceOf(SourceResult.Articles.class);
        Article article = ((SourceResult.Articles) read).articles().get(0);
        assertThat(article).isInstanceOf(WebPage.class);
        Condensed c = new Condenser(CondenseSettings.defaults()).condense(article, Optional.empty());
        assertThat(c).isInstanceOfSatisfying(Condensed.Ok.class, ok -> assertThat(ok.story().headline()).isEqualTo("Briefe"));
    }

    @Test
    void textThatOpensWithAnAngleBracketButNoElementStaysText() {
        String text = "<3 Cat lovers of the valley unite at the library\nThe club meets on Fridays.\n";
        SourceResult read = FileAndWebSource.parse("story.txt", text.getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty());
        assertThat(read).isInstanceOfSatisfying(SourceResult.Articles.class,
                a -> assertThat(a.articles().get(0)).isInstanceOf(PlainText.class));
    }

    @Test
    void plainTextWhoseFirstLineIsATagHasNoHeadlineRatherThanTheTag() {
        Condensed c = new Condenser(CondenseSettings.defaults())
                .condense(new PlainText("story.txt", "<script type=\"text/javascript\">", List.of("var a = 1;")), Optional.empty());
        assertThat(c).isInstanceOfSatisfying(Condensed.Unusable.class,
                u -> assertThat(u.reason()).contains("first line is markup"));
    }

    @Test
    void plainTextThatMerelyMentionsATagKeepsItsFirstLine() {
        Condensed c = new Condenser(CondenseSettings.defaults())
                .condense(new PlainText("story.txt", "Why the <blink> tag had to die", List.of("A short history.")), Optional.empty());
        assertThat(c).isInstanceOfSatisfying(Condensed.Ok.class,
                ok -> assertThat(ok.story().headline()).isEqualTo("Why the <blink> tag had to die"));
    }

    // a headline that is a list joined by pipes

    @Test
    void aListOfTopicsJoinedByPipesIsTheHeadline() {
        String letters = "Letters: Parking fees | Library hours | School buses | Park benches";
        Story story = condense(page("<meta property=\"og:site_name\" content=\"The Valley Courier\">"
                        + "<meta property=\"og:title\" content=\"" + letters + "\"><title>Letters: Parking fees | Library hours</title>",
                "<h1>Letters to the Editor</h1><p>Readers write about the town's parking fees and more.</p>"),
                "https://www.valleycourier.example/opinion/letters-1119");
        assertThat(story.headline()).isEqualTo(letters);
    }

    @Test
    void oneOrTwoShortPartsAfterPipesAreStillTheSitesDecoration() {
        Story story = condense(page("<meta property=\"og:title\" content=\"Council backs the pier plan | Local | Valley Courier\">"
                + "<title>Council backs the pier plan | Local | Valley Courier</title>", "<p>The council voted on Tuesday.</p>"));
        assertThat(story.headline()).isEqualTo("Council backs the pier plan");
    }

    // the site's title template after the story

    @Test
    void aTitleTemplatesPageKindWordsAndYearGo() {
        Story story = condense(page("<meta property=\"og:title\" content=\"Модель рассказала, чего боится больше всего: новости, фото 2018\">"
                        + "<title>Модель рассказала, чего боится больше всего: новости, фото 2018 — www.example.ru</title>",
                "<h1>Модель: «Посмотри на красотку»</h1><p>Модель рассказала, почему старение её пугает.</p>"));
        assertThat(story.headline()).isEqualTo("Модель рассказала, чего боится больше всего");
    }

    @Test
    void newsPhotosAndVideosAfterADashGoToo() {
        Story story = condense(page("<title>Storm floods the harbour road - News, Photos &amp; Videos</title>", "<p>Water rose overnight.</p>"));
        assertThat(story.headline()).isEqualTo("Storm floods the harbour road");
    }

    @Test
    void aHeadlineEndingInOnePageKindWordKeepsIt() {
        Story story = condense(page("<meta property=\"og:title\" content=\"The harbour after the storm: photos\">", "<p>Pictures.</p>"));
        assertThat(story.headline()).isEqualTo("The harbour after the storm: photos");
    }

    // the site's name first in the only title

    @Test
    void whenTheDescriptionIsAboutTheSecondHalfOfSiteDashStoryItIsTheHeadline() {
        Story story = condense(page("<meta name=\"description\" content=\"Gute Nachricht für die Waldorfschule: der Bebauungsplan für "
                        + "die Erweiterung der Schule wurde beschlossen.\"><title>Fraktion im Stadtrat Nordheim - Erweiterung der Waldorfschule beschlossen</title>",
                "<p>Gute Nachricht für die Waldorfschule.</p>"));
        assertThat(story.headline()).isEqualTo("Erweiterung der Waldorfschule beschlossen");
        assertThat(story.confidence()).isNotEqualTo(Confidence.HIGH);
    }

    @Test
    void aShortSiteNameTheDescriptionRepeatsStillGoes() {
        Story story = condense(page("<meta name=\"description\" content=\"The Courier hears that the pier will be saved.\">"
                + "<title>Pier saved after vote - The Courier</title>", "<p>The pier will be saved.</p>"));
        assertThat(story.headline()).isEqualTo("Pier saved after vote");
    }

    @Test
    void withoutADescriptionTheUsualReadingOfStoryDashSiteStands() {
        Story story = condense(page("<title>Council backs the pier plan - Valley Courier</title>", "<p>The council voted.</p>"));
        assertThat(story.headline()).isEqualTo("Council backs the pier plan");
    }

    // a date and the site's sections after the story

    @Test
    void aDateAfterTheStoryStartsTheTemplatesDecoration() {
        Story story = condense(page("<title>Briefe - 26 Oktober 2010 - Blog - Bilder, News, Geschichte und Schleifen!</title>",
                "<p>Es war gesagt, falls du zornig bist, sollst du einen Brief schreiben.</p>"));
        assertThat(story.headline()).isEqualTo("Briefe");
    }

    @Test
    void aNumericDateBeforeTheSiteGoesWithIt() {
        Story story = condense(page("<title>Wahl in Thüringen: Ergebnisse aus allen Kreisen | 19.01.2020 | Kurier</title>", "<p>Text.</p>"));
        assertThat(story.headline()).isEqualTo("Wahl in Thüringen: Ergebnisse aus allen Kreisen");
    }

    // confidence: titles that agree only because a guess cut them the same way

    private static final String DECORATED = "<meta property=\"og:title\" content=\"Council backs the pier plan | Local | Valley Courier\">"
            + "<title>Council backs the pier plan | Local | Valley Courier</title>";

    @Test
    void titlesThatAgreeOnlyAfterTheSameGuessedCutAreNotHigh() {
        Story story = condense(page(DECORATED, "<p>The council voted on Tuesday.</p>"));
        assertThat(story.headline()).isEqualTo("Council backs the pier plan");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(story.confidenceReason()).isEqualTo("og:title and title agree, but only after cutting off parts nothing on "
                + "the page names as the site's");
    }

    @Test
    void aKnownSiteNameConfirmsTheCut() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"Valley Courier\">" + DECORATED,
                "<p>The council voted on Tuesday.</p>"));
        assertThat(story.headline()).isEqualTo("Council backs the pier plan");
        assertThat(story.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void anH1EqualToWhatWasKeptConfirmsTheCut() {
        Story story = condense(page(DECORATED, "<article><h1>Council backs the pier plan</h1><p>The council voted on Tuesday.</p></article>"));
        assertThat(story.headline()).isEqualTo("Council backs the pier plan");
        assertThat(story.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void aNumberAndAYearThatAreNoDateStay() {
        Story story = condense(page("<title>Why we still watch 12 Monkeys 1995 - Film notes</title>", "<p>Text.</p>"));
        assertThat(story.headline()).isEqualTo("Why we still watch 12 Monkeys 1995");
        Story film = condense(page("<meta property=\"og:title\" content=\"Rewatching it - 12 Monkeys 1995 - a second look\">", "<p>Text.</p>"));
        assertThat(film.headline()).isEqualTo("Rewatching it - 12 Monkeys 1995 - a second look");
    }

    // confidence: a headline ending that nothing else on the page says

    @Test
    void anEndingInNeitherTheH1NorTheDescriptionIsNotHigh() {
        Story story = condense(page("<meta property=\"og:title\" content=\"Model reveals what she fears most: the list\">"
                        + "<meta name=\"description\" content=\"The model explains why ageing scares her.\">"
                        + "<title>Model reveals what she fears most: the list</title>",
                "<article><h1>Model: look at the beauty who grew old</h1><p>The model explains why ageing scares her.</p></article>"));
        assertThat(story.headline()).isEqualTo("Model reveals what she fears most: the list");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(story.confidenceReason()).isEqualTo("the end of the headline (\"the list\") is in neither the h1 nor the description");
    }

    @Test
    void anEndingTheDescriptionTalksAboutStaysHigh() {
        Story story = condense(page("<meta property=\"og:title\" content=\"Storm floods the harbour: residents evacuated\">"
                        + "<meta name=\"description\" content=\"Residents were evacuated overnight as the water rose.\">"
                        + "<title>Storm floods the harbour: residents evacuated</title>",
                "<article><h1>Harbour road under water</h1><p>Residents were evacuated overnight.</p></article>"));
        assertThat(story.confidence()).isEqualTo(Confidence.HIGH);
    }

    // the npm fixture pages (UNSEEN.md, fifth look): the story's own <header> taken for the page's chrome

    @Test
    void theStorysOwnHeaderInsideTheArticleHoldsItsHeadlineNotThePagesChrome() {
        String related = "<section class=\"related\"><h1 class=\"block__title\"><a href=\"/a\">Stadium concussion study is out</a></h1>"
                + "<h1 class=\"block__title\"><a href=\"/b\">Coach signs for two more years</a></h1></section>";
        Story story = condense(page("<title>Concussion settlement payments can begin – Metro Monthly</title>",
                "<header class=\"site\"><h1>Metro Monthly</h1></header><main><article>"
                        + "<header class=\"story__header\"><h1 class=\"story__title\">Concussion settlement payments can begin</h1>"
                        + "<p class=\"subhead\">The court defers, and former players with brain injuries can now be paid.</p></header>"
                        + "<p>Short.</p>" + related + "</article></main>"));
        assertThat(story.headline()).isEqualTo("Concussion settlement payments can begin");
        assertThat(story.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(story.summary()).isEqualTo("The court defers, and former players with brain injuries can now be paid.");
    }

    @Test
    void thePagesOwnHeaderIsStillChromeAndAnArticleFooterIsToo() {
        Story story = condense(page("<title>Pier plan approved after a long night</title>",
                "<header><h1 class=\"title\">Pier plan approved after a vote</h1><p>Subscribe today and save on every issue of the paper.</p></header>"
                        + "<article><h1>Pier plan approved after a long night</h1>"
                        + "<footer><p>Tags and sharing buttons for this story, with a note about comments.</p></footer>"
                        + "<p>The council approved the pier plan at two in the morning after hours of debate.</p></article>"));
        assertThat(story.headline()).isEqualTo("Pier plan approved after a long night");
        assertThat(story.summary()).isEqualTo("The council approved the pier plan at two in the morning after hours of debate.");
    }

    // a section's or widget's h1 above the story, whose title an h2 repeats

    @Test
    void aSectionH1SharingNoWordWithTheTitleThatAnH2RepeatsGivesWayToTheTitle() {
        Story story = condense(page("<title>Babies who eat peanuts early may avoid allergy</title>",
                "<div class=\"titlebar\"><h1>Allergies Health Center</h1></div><h2>Tools &amp; Resources</h2>"
                        + "<div id=\"textArea\"><h2>Babies who eat peanuts early may avoid allergy</h2>"
                        + "<p>A new study suggests that peanut allergy can be prevented.</p></div>"));
        assertThat(story.headline()).isEqualTo("Babies who eat peanuts early may avoid allergy");
    }

    @Test
    void anH1InOtherWordsThanTheTitleStaysWhenNoHeadingRepeatsTheTitle() {
        Story story = condense(page("<title>Ferry timetable changes for the winter season</title>",
                "<h1>All aboard, but later</h1><h2>What changes</h2><p>The ferry leaves an hour later from November.</p>"));
        assertThat(story.headline()).isEqualTo("All aboard, but later");
        assertThat(story.confidence()).isNotEqualTo(Confidence.HIGH);
    }

    // a template's unfilled placeholder set as a heading

    @Test
    void aTemplatePlaceholderIsNeverTheHeadline() {
        for (String placeholder : List.of("{text}", "{{ title }}", "${headline}", "%TITLE%", "[[title]]", "{{post.title}}")) {
            Story story = condense(page("<title>Six singers turn down the gala</title>",
                    "<h1>" + placeholder + "</h1><article><p>The organisers are still looking for a headliner.</p></article>"));
            assertThat(story.headline()).as(placeholder).isEqualTo("Six singers turn down the gala");
        }
    }

    @Test
    void bracesInsideAHeadlineAreWords() {
        Story story = condense(page("<title>The {curly} brace debate returns</title>", "<h1>The {curly} brace debate returns</h1><p>Text.</p>"));
        assertThat(story.headline()).isEqualTo("The {curly} brace debate returns");
    }

    // the article package's real-life pages (UNSEEN.md, sixth look)

    @Test
    void aQuoteEscapedForAScriptIsPrintedWithoutItsBackslash() {
        Story story = condense(page("<meta property=\"og:title\" content=\"World\\'s oldest tumour found in a \\&quot;Neanderthal\\&quot; rib\">"
                + "<title>World's oldest tumour found in a \"Neanderthal\" rib</title>", "<h1>World's oldest tumour found in a \"Neanderthal\" rib</h1><p>Text.</p>"));
        assertThat(story.headline()).isEqualTo("World's oldest tumour found in a \"Neanderthal\" rib");
    }

    @Test
    void aBlogsNameLinkedToItsFrontPageIsTheSitesNameAndAMarkedH3ThePostsTitle() {
        Story story = condense(page("<title>Modules: imports versus requires</title>",
                "<div id=\"header\"><h1 class=\"title\"><a href=\"https://blog.example.org/\">Ada's notes – code and more</a></h1></div>"
                        + "<div class=\"post\"><h3 class=\"post-title entry-title\">Modules: imports versus requires</h3>"
                        + "<p>This post explains the difference between the two ways of loading code.</p></div>"));
        assertThat(story.headline()).isEqualTo("Modules: imports versus requires");
        Story named = condense(page("<title>Modules: imports versus requires | Ada's notes</title>",
                "<h1><a href=\"/\">Ada's notes</a></h1><p>This post explains the difference.</p>"));
        assertThat(named.headline()).isEqualTo("Modules: imports versus requires");
    }

    @Test
    void aHeadingLinkingToTheStoryItselfIsStillTheHeadline() {
        Story story = condense(page("<title>Harbour | Valley Courier</title>",
                "<article><h1><a href=\"https://courier.example/2013/06/harbour-reopens\">Harbour reopens after the storm</a></h1>"
                        + "<p>The harbour reopened on Monday.</p></article>"));
        assertThat(story.headline()).isEqualTo("Harbour reopens after the storm");
    }

    @Test
    void aSectionH1SharingAWordWithTheTitleGivesWayWhenAnH2SaysMostOfIt() {
        Story story = condense(page("<title>FDA panel votes to change tight restrictions on diabetes drug Avandia – Health Site</title>",
                "<div class=\"titlebar\"><h1>Diabetes Health Center</h1></div>"
                        + "<div id=\"textArea\"><h2>FDA panel votes to change restrictions on Avandia</h2><p>Critics say the second look wastes time.</p></div>"));
        assertThat(story.headline()).isEqualTo("FDA panel votes to change tight restrictions on diabetes drug Avandia");
    }

    @Test
    void aOneWordSocialTitleSharingNothingWithTheTitleAndH1IsASectionLabel() {
        Story story = condense(page("<meta property=\"og:title\" content=\"Recaps\"><title>Puig's slam backs Greinke - Sports Site</title>",
                "<article><h1 class=\"headline\">Puig's slam backs Greinke's gem</h1><p>The rookie hit a grand slam.</p></article>"));
        assertThat(story.headline()).isEqualTo("Puig's slam backs Greinke's gem");
        Story word = condense(page("<meta property=\"og:title\" content=\"Brexit\"><title>Brexit: what changes on Monday</title>",
                "<h1>Brexit: what changes on Monday</h1><p>Text.</p>"));
        assertThat(word.headline()).isEqualTo("Brexit");
    }

    @Test
    void deeplyNestedAndUnbalancedHeadersLeaveThePageReadable() {
        String deep = "<header>".repeat(100) + "<h1>Logo</h1>" + "</header>".repeat(100);
        Story story = condense(page("<title>Pier plan approved after a long night | Courier</title>",
                "<main><article>" + deep + "<header><h1>Pier plan approved after a long night</h1></header>"
                        + "</header></header><p>The council approved the pier plan at two in the morning.</p></article></main>"));
        assertThat(story.headline()).isEqualTo("Pier plan approved after a long night");
        assertThat(story.summary()).isEqualTo("The council approved the pier plan at two in the morning.");
    }

    @Test
    void aHeadlinePrintedTwiceByItsTemplateIsPostedOnce() {
        String twice = "FDA issues new guidelines for sun safety FDA issues new guidelines for sun safety";
        Story story = condense(page("<title>" + twice + " | South Coast Today</title>", "<h1>" + twice + "</h1><p>Text.</p>"));
        assertThat(story.headline()).isEqualTo("FDA issues new guidelines for sun safety");
        Story chant = condense(page("<title>ole ole ole ole</title>", "<h1>ole ole ole ole</h1><p>Text.</p>"));
        assertThat(chant.headline()).as("a chant is not a headline printed twice").isEqualTo("ole ole ole ole");
    }

    // the heads of Readability's test pages (UNSEEN.md, seventh look)

    @Test
    void aBlogsNameAfterAnAtSignComesOff() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"Steven's Home\">"
                + "<title>Maple leaves at the Meishu campsite @ Steven's Home :: Blog Host ::</title>", "<p>Text.</p>"));
        assertThat(story.headline()).isEqualTo("Maple leaves at the Meishu campsite");
        Story handle = condense(page("<title>Why I reply to @support first</title>", "<p>Text.</p>"));
        assertThat(handle.headline()).isEqualTo("Why I reply to @support first");
    }

    @Test
    void aSubheadingHoldingMoreOfTheTitleThanAGuessedCutIsTheStory() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"史蒂文的家_藍天\">"
                        + "<title>新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::</title>",
                "<h2><a href=\"/blog/post/1\">新竹尖石_美樹營地賞楓 (2)</a></h2><p>一波波接續性低溫寒流報到。</p>"));
        assertThat(story.headline()).isEqualTo("新竹尖石_美樹營地賞楓 (2)");
    }

    @Test
    void aRegionsSectionBeforeTheStoryComesOff() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"World 24\">"
                        + "<meta property=\"og:title\" content=\"Asia-pacific - Third blogger attacked in Dhaka\">"
                        + "<title>Asia-pacific - Third blogger attacked in Dhaka - World 24</title>",
                "<h1><a href=\"/en/\">World 24 - International news</a></h1><p>A blogger was attacked on Tuesday.</p>"));
        assertThat(story.headline()).isEqualTo("Third blogger attacked in Dhaka");
    }

    @Test
    void aDateInsideTheHeadingIsNotPartOfTheHeadline() {
        Story story = condense(page("<title>Valley Weekly</title>",
                "<article><h1>Issue 162 <i><time datetime=\"2018-03-01\">March 1st 2018</time></i></h1><p>Welcome back.</p></article>"));
        assertThat(story.headline()).isEqualTo("Issue 162");
    }
}
