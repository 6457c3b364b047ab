package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.source.PlainText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.condense.HandMadePages.condense;
import static org.herald.condense.HandMadePages.condensed;
import static org.herald.condense.HandMadePages.page;

/**
 * The kinds of mistake real publisher pages led Herald into, each on a small page built to show it: a
 * paragraph or description taken as the headline, an h1 that names the site, a section or a widget, a
 * JSON-LD headline that is a description, a photo caption, UI labels, separators the cleaner did not know,
 * and an h1 that shares no words with the title.
 */
class RealPageErrorClassesTest {
    // a paragraph or a description taken as the headline

    @Test
    void aSocialTitleThatRepeatsTheDescriptionGivesWayToTheHeadline() {
        String description = "The council voted on Tuesday night to fund the pier's restoration after a decade of delays, "
                + "storms and two failed bond measures";
        Story story = condense(page("<meta property=\"og:title\" content=\"" + description + "\">"
                        + "<meta property=\"og:description\" content=\"" + description + "\"><title>Pier saved after vote | Courier</title>",
                "<article><h1>Pier saved after vote</h1><p>" + description + ".</p></article>"));
        assertThat(story.headline()).isEqualTo("Pier saved after vote");
    }

    @Test
    void aSocialTitleThatIsASentenceOfProseGivesWayToTheTitle() {
        String prose = "The city council voted on Tuesday to build a new bridge across the river, ending years of debate "
                + "about the crossing and settling a dispute that has run for a decade.";
        Story story = condense(page("<title>Council approves the new bridge</title><meta property=\"og:title\" content=\""
                + prose + "\">", "<p>Work starts in spring.</p>"));
        assertThat(story.headline()).isEqualTo("Council approves the new bridge");
        assertThat(story.confidence()).isNotEqualTo(Confidence.HIGH);
        // a long headline that is not a sentence of prose stays the publisher's choice
        String long_ = "Council approves the new bridge across the river after ten years of debate, two lawsuits and a referendum";
        assertThat(condense(page("<title>Council approves the new bridge</title><meta property=\"og:title\" content=\""
                + long_ + "\">", "<p>Work starts in spring.</p>")).headline()).isEqualTo(long_);
    }

    @Test
    void aStructuredDataDescriptionGivesWayToTheNameThePageRepeats() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Riverside is a small town on "
                + "the river Vale, known for its old stone bridge\",\"name\":\"Riverside\"}</script>";
        Story story = condense(page("<title>Riverside – Valleypedia</title>" + ld, "<h1>Riverside</h1><p>Riverside lies on the Vale.</p>"));
        assertThat(story.headline()).isEqualTo("Riverside");
    }

    @Test
    void aStructuredDataHeadlineWrittenAsADescriptionGivesWayToItsName() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"The city council voted on "
                + "Tuesday to build a new bridge across the river, ending years of debate.\",\"name\":\"Council approves the new bridge\"}</script>";
        Story story = condense(page("<title>Riverside Gazette</title><meta property=\"og:site_name\" content=\"Riverside Gazette\">" + ld,
                "<p>Work starts in spring.</p>"));
        assertThat(story.headline()).isEqualTo("Council approves the new bridge");
    }

    @Test
    void aSeparatorInsideAQuotationIsPartOfTheHeadline() {
        assertThat(condense(page("<title>“Yes | No” vote splits the council | Riverside Gazette</title>", "<p>The vote.</p>")).headline())
                .isEqualTo("“Yes | No” vote splits the council");
        assertThat(condense(page("<title>„Ja | Nein“ – die Abstimmung spaltet den Rat | Stadtanzeiger</title>", "<p>Die Abstimmung.</p>"))
                .headline()).isEqualTo("„Ja | Nein“ – die Abstimmung spaltet den Rat");
    }

    @Test
    void aCandidateLongerThanTwoHundredCharactersIsAParagraph() {
        String paragraph = "Residents of the lakeside district gathered at the town hall ".repeat(4).strip();
        Story story = condense(page("<title>Lakeside residents rally for the pier</title>", "<h1>" + paragraph + "</h1>"));
        assertThat(story.headline()).isEqualTo("Lakeside residents rally for the pier");
    }

    @Test
    void whenEveryTitleIsAParagraphItsFirstSentenceIsTheHeadlineAndItIsRatedLow() {
        String paragraph = "Leandra Lou – Der etwas andere Modeblog jetzt auch zwischen Buchdeckeln. Leandra Lou schreibt über "
                + "all die Themen, die echte Fashion Junkies bewegen, von A wie Abnehmen bis Z wie Zicke, über Botox, Collection "
                + "und Do-it-yourself, und das mit viel Witz";
        Story story = condense(page("<meta property=\"og:site_name\" content=\"Literatur &amp; Film\"><meta property=\"og:title\" content=\""
                + paragraph + "\"><title>" + paragraph + "</title>", "<h1>Literatur &amp; Film</h1><p>" + paragraph + "</p>"));
        assertThat(story.headline()).isEqualTo("Leandra Lou – Der etwas andere Modeblog jetzt auch zwischen Buchdeckeln");
        assertThat(story.confidence()).isEqualTo(Confidence.LOW);
        assertThat(story.confidenceReason()).isEqualTo("headline is the first sentence of a paragraph-long og:title");
    }

    @Test
    void plainTextWhoseFirstLineIsAParagraphHasNoHeadlineRatherThanAWrongOne() {
        String paragraph = "Kristen Wiig has had the kind of summer one might imagine to be life-changing. ".repeat(4).strip();
        Condensed c = new Condenser(CondenseSettings.defaults())
                .condense(new PlainText("story.txt", paragraph, List.of("More text.")), Optional.empty());
        assertThat(c).isInstanceOfSatisfying(Condensed.Unusable.class,
                u -> assertThat(u.reason()).contains("first line is a").contains("paragraph"));
    }

    // an h1 that is the site's, a section's or a widget's name while the title names the story

    @Test
    void anH1ThatIsTheSitesOwnNameInTheTitleGoes() {
        Story story = condense(page("<title>Historischer Markt › Historische Wehranlage in Horka e.V</title>",
                "<h1>Historische Wehranlage in Horka e.V</h1><h2>Historischer Markt</h2>"), "http://www.wehranlage-horka.de/veranstaltung/887/");
        assertThat(story.headline()).isEqualTo("Historischer Markt");
    }

    @Test
    void aThemesSiteTitleH1AndAScreenReaderH1AreNeverTheHeadline() {
        Story story = condense(page("<title>Ministry | Clearer rules for price changes</title>",
                "<h1 class=\"aural\">Federal Ministry of Justice</h1><h1 class=\"site-title\">Consumer Portal</h1>"
                        + "<main><p>Text.</p></main>"));
        assertThat(story.headline()).isEqualTo("Clearer rules for price changes");
    }

    @Test
    void aWidgetHeadingIsNotTheHeadline() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"Correctiv\"><title>„Wir haben bereits die Zusage“</title>",
                "<h1>Aktuelle Artikel</h1><h2>„Wir haben bereits die Zusage“</h2>"));
        assertThat(story.headline()).isEqualTo("„Wir haben bereits die Zusage“");
    }

    @Test
    void aKickerInsideTheH1IsNotPartOfTheHeadline() {
        Story story = condense(page("<title>Clearer rules for price changes - Ministry</title>",
                "<h1><span class=\"category\">Consumer protection</span>Clearer rules for price changes</h1>"));
        assertThat(story.headline()).isEqualTo("Clearer rules for price changes");
    }

    @Test
    void whenThePostTitleIsAnH2AndTheH1sAreInsideThePostTheTitleWins() {
        Story story = condense(page("<title>Ear Candy! | Novalanalove</title>",
                "<article><h2>Ear Candy!</h2><h1>Ear Candy alert</h1><p>Text.</p><h1>Silver flash</h1></article>"),
                "https://www.novalanalove.com/ear-candy/");
        assertThat(story.headline()).isEqualTo("Ear Candy!");
    }

    // a structured-data headline that is really a description

    @Test
    void anEncyclopediaJsonLdHeadlineThatIsADescriptionGivesWayToItsName() {
        Story story = condense(page("<script type=\"application/ld+json\">"
                        + "{\"@type\":\"Article\",\"name\":\"T-distributed stochastic neighbor embedding\","
                        + "\"headline\":\"technique for dimensionality reduction\"}</script>"
                        + "<title>T-distributed stochastic neighbor embedding - Encyclopedia</title>",
                "<p>Text.</p>"));
        assertThat(story.headline()).isEqualTo("T-distributed stochastic neighbor embedding");
    }

    // a photo caption or a related story's title

    @Test
    void aHeadingInsideAFigureIsACaption() {
        Story story = condense(page("<title>Storm closes the harbour for a second day - Gazette</title>",
                "<figure><img src=x.jpg><figcaption><h1>Waves break over the harbour wall</h1></figcaption></figure>"
                        + "<article><h1>Storm closes the harbour for a second day</h1></article>"));
        assertThat(story.headline()).isEqualTo("Storm closes the harbour for a second day");
    }

    // UI labels

    @Test
    void navigationAndLanguageSwitchesAreNotHeadlines() {
        Story story = condense(page("<title>Film Gang » Blog Archive » Stand Up Guys</title>",
                "<h1>Film Gang</h1><h1>English</h1><h2>Stand Up Guys</h2>"));
        assertThat(story.headline()).isEqualTo("Stand Up Guys");
    }

    @Test
    void aUrlSlugGivenAsTheSocialTitleIsSkipped() {
        Story story = condense(page("<meta property=\"og:title\" content=\"adac-kindersitztest-herbst-2018\"><title>ADAC</title>",
                "<h1>18 Kindersitze im Test: Vier Modelle fallen durch</h1>"));
        assertThat(story.headline()).isEqualTo("18 Kindersitze im Test: Vier Modelle fallen durch");
    }

    // separators the cleaner did not know

    @Test
    void aSpacedColonBeforeTheSitesNameInTheTitleGoes() {
        assertThat(condense(page("<title>Institutes get behind IFRS big bang : Accountancy Age</title>", "")).headline())
                .isEqualTo("Institutes get behind IFRS big bang");
        // French puts a space before its colons: a lower-case clause after one is the headline's own
        assertThat(condense(page("<title>Retraites : ce qui change en janvier</title>", "")).headline())
                .isEqualTo("Retraites : ce qui change en janvier");
    }

    @Test
    void anAsciiColonInCjkTextSeparatesTheSiteName() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"日本経済新聞\"><title>日銀が追加利上げを決定:日本経済新聞</title>", ""));
        assertThat(story.headline()).isEqualTo("日銀が追加利上げを決定");
    }

    @Test
    void aFullStopBeforeAPipeAndADoubleDashSeparateLikeAnyOther() {
        assertThat(condense(page("<title>新しい空港が来年開業へ。 | ニュースサイト</title>", "")).headline())
                .isEqualTo("新しい空港が来年開業へ。");
        assertThat(condense(page("<meta property=\"og:site_name\" content=\"The Courier\"><title>Pier saved after vote -- The Courier</title>", "")).headline())
                .isEqualTo("Pier saved after vote");
    }

    @Test
    void aTrailingCategoryAndASiteWithItsSloganGo() {
        assertThat(condense(page("<meta property=\"og:title\" content=\"The Guardian view on Hong Kong: a city on the brink | Editorial\">", ""))
                .headline()).isEqualTo("The Guardian view on Hong Kong: a city on the brink");
        assertThat(condense(page("<meta property=\"og:title\" content=\"Die Ablehnung der Gendersprache » SciLogs - Wissenschaftsblogs\">", ""),
                "https://scilogs.spektrum.de/engelbart-galaxis/die-ablehnung/").headline())
                .isEqualTo("Die Ablehnung der Gendersprache");
        // a guillemet that closes a quotation is not a separator
        assertThat(condense(page("<title>« On ne lâchera rien » : les agriculteurs bloquent le périphérique</title>", "")).headline())
                .isEqualTo("« On ne lâchera rien » : les agriculteurs bloquent le périphérique");
    }

    // an h1 that shares no words with the title

    @Test
    void anH1SharingNoWordsWithADecoratedTitleLosesToIt() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"Stadt Stuttgart\"><title>Bohnenviertel | Stadt Stuttgart</title>",
                "<header><h1>Rathaus</h1></header>"));
        assertThat(story.headline()).isEqualTo("Bohnenviertel");
        assertThat(story.confidence()).isNotEqualTo(Confidence.HIGH);
    }

    @Test
    void anArticleH1SharingNoWordsWithATaglineTitleKeepsItsPlace() {
        Story story = condense(page("<title>Lakeside Courier | Local News, Sports &amp; Weather</title>",
                "<article><h1 class=\"headline\">Pier restoration fund reaches goal two years early</h1></article>"));
        assertThat(story.headline()).isEqualTo("Pier restoration fund reaches goal two years early");
    }

    @Test
    void theSocialTitleMayDifferFromTheH1() {
        Story story = condense(page("<meta property=\"og:title\" content=\"The Resurrection of the Greatest Sci-Fi Writer You’ve Never Read\">"
                + "<title>John M. Ford’s books are being republished</title>", "<h1>The Disappearance of John M. Ford</h1>"));
        assertThat(story.headline()).isEqualTo("The Resurrection of the Greatest Sci-Fi Writer You’ve Never Read");
    }

    @Test
    void anApplicationNameThatIsTheHeadlineIsNotTheSitesName() {
        String headline = "The man whose duvet nearly killed him: How this medical mystery was solved";
        Story story = condense(page("<meta name=\"application-name\" content=\"" + headline + "\"><meta property=\"og:title\" content=\""
                + headline + "\"><title>" + headline + "</title>", "<h1>" + headline + "</h1>"));
        assertThat(story.headline()).isEqualTo(headline);
    }
}
