package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.source.PlainText;
import org.herald.source.WebPage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Confidence comes from how far a page's independent pieces of evidence agree on the headline. */
class ConfidenceTest {
    private static Story condense(String head, String body) {
        Condensed c = new Condenser(CondenseSettings.defaults()).condense(
                new WebPage("page.html", Optional.empty(), "<html><head>" + head + "</head><body>" + body + "</body></html>"),
                Optional.empty());
        assertThat(c).isInstanceOf(Condensed.Ok.class);
        return ((Condensed.Ok) c).story();
    }

    @Test
    void socialTitleH1AndTitleAgreeingIsHigh() {
        Story story = condense("<meta property=\"og:title\" content=\"Pier saved after council vote\">"
                + "<title>Pier saved after council vote | The Courier</title>", "<h1>Pier saved after council vote</h1>");
        assertThat(story.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(story.confidenceReason()).isEqualTo("og:title, h1 and title agree");
    }

    /** A page whose og:title is its {@code <title>} letter for letter, as Yoast and its kin write it, under a differing h1. */
    private static Story copiedTitlePage(String title) {
        return condense("<meta property=\"og:site_name\" content=\"FOX Sports\">"
                + "<meta property=\"og:title\" content=\"" + title + "\"><title>" + title + "</title>", "<h1>Josh Brent retires from NFL</h1>");
    }

    @Test
    void aSocialTitleCopiedFromTheTitleAndCutTheSameWayIsOneSource() {
        // after the same cut the two cannot but agree, and both kept "- NFL News"
        Story story = copiedTitlePage("Brent, accused of manslaughter, retires from the NFL - NFL News | FOX Sports");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(story.confidenceReason()).isEqualTo("the og:title and the h1 differ in wording");
    }

    @Test
    void aCopiedSocialTitleWhoseCutLeavesNoPartStillCountsTwice() {
        // the narrowing of the rule above: the site's name alone came off, so the copies agreeing says as much as ever
        Story story = copiedTitlePage("Brent, accused of manslaughter, retires from the NFL | FOX Sports");
        assertThat(story.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(story.confidenceReason()).isEqualTo("og:title and title agree");
    }

    @Test
    void aLightlyEditedH1StillAgrees() {
        Story story = condense("<meta property=\"og:title\" content=\"15 Tips to Overcome Binge Eating\">",
                "<h1>15 Helpful Tips to Overcome Binge Eating</h1>");
        assertThat(story.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void anH1AddingASiteNameAtTheEndDoesNotCountAsAgreement() {
        Story story = condense("<meta property=\"og:title\" content=\"Pier saved after council vote\">",
                "<h1>Pier saved after council vote Lakeside Courier Online</h1>");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(story.confidenceReason()).isEqualTo("the og:title and the h1 differ in wording");
    }

    @Test
    void socialTitleAndH1DifferingInWordingIsMedium() {
        Story story = condense("<meta property=\"og:title\" content=\"South Dakota campaign is working, governor says\">",
                "<h1>South Dakota says 'Meth. We're On It,' and Twitter asks if it is OK</h1>");
        assertThat(story.headline()).isEqualTo("South Dakota campaign is working, governor says");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(story.confidenceReason()).isEqualTo("the og:title and the h1 differ in wording");
    }

    @Test
    void aSocialHeadlineInOtherWordsOverAnH1AndTitleThatAgreeIsHigh() {
        Story story = condense("<meta property=\"og:title\" content=\"Bolt looking for extra motivation\">"
                        + "<title>Usain Bolt: Gatlin defeat not a worry for Jamaican sprinter - Sport</title>",
                "<h1>Usain Bolt: Gatlin defeat not a worry for Jamaican sprinter</h1>");
        assertThat(story.headline()).isEqualTo("Bolt looking for extra motivation");
        assertThat(story.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(story.confidenceReason()).isEqualTo("the og:title rewords the h1 and title, which agree");
    }

    @Test
    void aSocialTitleThatOnlyAddsWordsAtAnEndStaysMediumThoughH1AndTitleAgree() {
        Story story = condense("<meta property=\"og:title\" content=\"Pier saved after council vote Lakeside Courier Online\">"
                + "<title>Pier saved after council vote</title>", "<h1>Pier saved after council vote</h1>");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void aSocialHeadlineInOtherWordsOverAnH1AndTitleThatDisagreeStaysMedium() {
        Story story = condense("<meta property=\"og:title\" content=\"Bolt looking for extra motivation\">"
                        + "<title>Bolt sets a new record in Rome</title>",
                "<h1>Usain Bolt: Gatlin defeat not a worry for Jamaican sprinter</h1>");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void sourcesAgreeingOnAHeadlineThatCarriesAStrayMarkAreNotHigh() {
        for (String headline : List.of("Letters: Parking fees | Library hours | School buses | Park benches",
                "Budget vote {live} tonight", "Council says yes \\n to the pier")) {
            String attr = headline.replace("\"", "&quot;");
            Story story = condense("<meta property=\"og:title\" content=\"" + attr + "\"><title>" + headline + "</title>",
                    "<h1>" + headline + "</h1>");
            assertThat(story.confidence()).as(headline).isEqualTo(Confidence.MEDIUM);
            assertThat(story.confidenceReason()).as(headline).contains(", but the headline carries ");
        }
        // what the cleaner already takes off a title's ends, should it ever be left
        assertThat(ConfidenceRating.strayMark("Pier saved after council vote -")).hasValue("a separator at its edge");
        assertThat(ConfidenceRating.strayMark(":: Pier saved after council vote")).hasValue("a separator at its edge");
        assertThat(ConfidenceRating.strayMark("Tickets &amp; prices")).hasValue("an undecoded entity");
        assertThat(ConfidenceRating.strayMark("» Certains rêvent de Matt Duchene à Ottawa")).hasValue("a separator at its edge");
    }

    @Test
    void quotationMarksOfAnyLanguageAreNoStrayMark() {
        for (String headline : List.of("»Wir schaffen das« – ein Satz und seine Folgen", "„Wir haben bereits die Zusage“",
                "« On ne lâchera rien » : les agriculteurs bloquent le périphérique", "Πότε θα ανοίξει η νέα γραμμή 4 του Μετρό;",
                "צה\"ל מסכם תרגיל רחב היקף בצפון")) {
            assertThat(ConfidenceRating.strayMark(headline)).as(headline).isEmpty();
        }
    }

    @Test
    void socialTitleSharingNoWordsWithTheH1IsLow() {
        Story story = condense("<meta property=\"og:title\" content=\"Fed's statement on Operation Twist\">", "<h1>Market Insider</h1>");
        assertThat(story.confidence()).isEqualTo(Confidence.LOW);
        assertThat(story.confidenceReason()).isEqualTo("the og:title shares no words with the h1");
    }

    @Test
    void twoSourcesAgreeingWhileTheH1SharesNoWordsIsMedium() {
        Story story = condense("<meta property=\"og:title\" content=\"Pier saved after council vote\">"
                + "<title>Pier saved after council vote - Courier</title>", "<h1>Weather warning for the coast</h1>");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(story.confidenceReason()).isEqualTo("og:title and title agree, but the h1 shares no words with them");
    }

    @Test
    void onlyATitleIsMedium() {
        Story story = condense("<title>Paragraph Order Test</title>", "<p>Text.</p>");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(story.confidenceReason()).isEqualTo("only the title names the story");
    }

    @Test
    void aHeadlineThatLooksLikeACodeIsLow() {
        Story story = condense("<title>EX-99.1</title>", "<p>JAZZ PHARMACEUTICALS ANNOUNCES AGREEMENT</p>");
        assertThat(story.confidence()).isEqualTo(Confidence.LOW);
        assertThat(story.confidenceReason()).isEqualTo("headline looks like a code, not words");
    }

    @Test
    void plainTextsFirstLineIsHigh() {
        Condensed c = new Condenser(CondenseSettings.defaults())
                .condense(new PlainText("story.txt", "Pier saved after council vote", List.of("The council voted.")), Optional.empty());
        Story story = ((Condensed.Ok) c).story();
        assertThat(story.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(story.confidenceReason()).isEqualTo("headline is the text's first line");
    }
}
