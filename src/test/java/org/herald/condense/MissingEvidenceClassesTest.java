package org.herald.condense;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.condense.HandMadePages.condense;
import static org.herald.condense.HandMadePages.page;

/**
 * Mistakes that show when a page lacks a piece of evidence most pages have (its social title, its JSON-LD, its
 * {@code <h1>}): found by taking each away from the labelled real pages in turn ({@code corpus-labels/UNSEEN.md},
 * "Pages with a piece taken away"), each shown here on a small page built for it.
 */
class MissingEvidenceClassesTest {
    private static final String BODY_TEXT = "<p>The carrier will sell the phone from next week, with a four-inch screen and a lower price.</p>";

    // several h1s, and no social title to say which is the story's

    @Test
    void aTeaserListsMarkedH1sDoNotOutweighTheH1ThatIsTheTitle() {
        Story story = condense(page("<title>Carrier to sell the F3 phone on June 14 with 4-inch display | PhoneShop</title>",
                "<article><div class=\"page-header\"><h1>Carrier to sell the F3 phone on June 14 with 4-inch display</h1></div>"
                        + BODY_TEXT + "</article>"
                        + "<article class=\"media\"><h1 class=\"media-heading\"><a href=\"/v/1\">Galaxy S 4 vs. iPhone 5 Dogfight Part 1</a></h1></article>"
                        + "<article class=\"media\"><h1 class=\"media-heading\"><a href=\"/v/2\">Mega Unboxing</a></h1></article>"));
        assertThat(story.headline()).isEqualTo("Carrier to sell the F3 phone on June 14 with 4-inch display");
    }

    @Test
    void aSectionH1TheTitleMerelyEndsWithGivesWayToTheH1ThatSaysTheStory() {
        Story story = condense(page("<title>Диета Аткинса (14 дней) - потеря веса до 10 кг. Отзывы</title>",
                "<h1>Отзывы</h1><p>Читатели пишут.</p><h1>Диета Аткинса - потеря веса до 10 килограмм за 14 дней</h1>"
                        + "<p>Диета рассчитана на две недели и даёт результат.</p><h1>Недостатки диеты Аткинса</h1><p>Есть и минусы.</p>"));
        assertThat(story.headline()).isEqualTo("Диета Аткинса - потеря веса до 10 килограмм за 14 дней");
    }

    @Test
    void aBlogsNameH1SharingAWordWithTheTitleGivesWayToThePostsH1() {
        Story story = condense(page("<title>Stock Market and Investing: Fed's Statement on Operation Twist with a Twist - CNBC</title>",
                "<div class=\"subheader\"><h1>Market Insider</h1></div>"
                        + "<div class=\"blog\"><h1 class=\"blghdln\">Fed's Statement on Operation Twist with a Twist</h1>"
                        + "<p>The central bank said it would extend the program through June.</p></div>"));
        assertThat(story.headline()).isEqualTo("Fed's Statement on Operation Twist with a Twist");
    }

    @Test
    void aLatestHeadlinesWidgetIsNeverTheHeadline() {
        Story story = condense(page("<title>Phone maker unveils a smaller model - Daily Ledger</title>",
                "<h1 class=\"modTitle\" id=\"streamHeaderTitle\">Latest Headlines</h1>" + BODY_TEXT));
        assertThat(story.headline()).isEqualTo("Phone maker unveils a smaller model");
    }

    /** The harbour story's page at its own address, with the given title and the given headings before its text. */
    private static Story harbourPage(String title, String headings) {
        return condense(page("<title>" + title + "</title><link rel=\"canonical\" href=\"https://www.valleycourier.com/2020/01/harbour-road/\">",
                headings + "<p>The road along the harbour will be shut from November to March.</p>"));
    }

    @Test
    void anH1ThatOnlyLinksToAnotherStoryIsThatStorysTeaser() {
        Story story = harbourPage("Harbour road closes for the winter - Valley Courier",
                "<div class=\"box\"><h1 class=\"headline\"><a href=\"/2020/01/harbour-festival\">Harbour festival returns in spring</a></h1></div>");
        assertThat(story.headline()).isEqualTo("Harbour road closes for the winter");
    }

    @Test
    void anH1ThatLinksToItsOwnStoryIsTheHeadline() {
        Story story = harbourPage("Harbour road closes - Valley Courier",
                "<h1 class=\"entry-title\"><a href=\"https://valleycourier.com/2020/01/harbour-road\">Harbour road closes for the winter</a></h1>");
        assertThat(story.headline()).isEqualTo("Harbour road closes for the winter");
    }

    @Test
    void anH1ThatLinksToAnotherSiteIsNotJudgedATeaser() {
        // a link blog's post: the headline links to the piece it is about
        Story story = condense(page("<title>Reading list: the week in type design | Letterforms</title>"
                        + "<link rel=\"canonical\" href=\"https://letterforms.example.org/2020/01/reading-list/\">",
                "<article><h1 class=\"entry-title\"><a href=\"https://fonts.example.com/essays/week\">The week in type design</a></h1>"
                        + "<p>Three essays worth an evening.</p></article>"));
        assertThat(story.headline()).isEqualTo("The week in type design");
    }

    @Test
    void anH1LinkingToItsOwnStoryWithOtherEscapesIsTheHeadline() {
        Story story = condense(page("<title>مصر اليوم - الجريدة</title>"
                        + "<link rel=\"canonical\" href=\"https://www.example.com/2020/01/%D9%85%D8%B5%D8%B1/\">",
                "<article><h1><a href=\"/2020/01/%d9%85%d8%b5%d8%b1/\">مصر اليوم في الصحافة</a></h1><p>تقرير عن الأخبار.</p></article>"));
        assertThat(story.headline()).isEqualTo("مصر اليوم في الصحافة");
    }

    @Test
    void anH1MarkedAsATeaserThatIsTheTitlesStoryStays() {
        Story story = harbourPage("Harbour road closes for the winter - Valley Courier",
                "<h1 class=\"teaser-title\">Harbour road closes for the winter</h1>");
        assertThat(story.headline()).isEqualTo("Harbour road closes for the winter");
    }

    @Test
    void anH1MarkedAsATeaserIsAnotherStorys() {
        Story story = condense(page("<title>Harbour road closes for the winter</title>",
                "<h1 class=\"teaser-title\">Council approves budget for the coming year</h1>"
                        + "<p>The road along the harbour will be shut from November to March.</p>"));
        assertThat(story.headline()).isEqualTo("Harbour road closes for the winter");
    }

    @Test
    void aSocialTitleThatIsTheSitesNameNamesNoStory() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"Literatur &amp; Film // Lesen &amp; Hören\">"
                        + "<meta property=\"og:title\" content=\"Literatur &amp; Film // Lesen &amp; Hören\">"
                        + "<title>Der etwas andere Modeblog jetzt auch zwischen Buchdeckeln | Literatur &amp; Film // Lesen &amp; Hören</title>",
                "<p>Ein Buch über Mode, geschrieben von einer Bloggerin.</p>"));
        assertThat(story.headline()).isEqualTo("Der etwas andere Modeblog jetzt auch zwischen Buchdeckeln");
    }

    // a JSON-LD headline that neither the h1 nor the title says, while they say the same

    @Test
    void aJsonLdHeadlineThatIsTheDekGivesWayToTheH1AndTitleThatAgree() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"The rocky island, once "
                + "stripped of its flora and fauna by invasive species, makes an astonishingly quick comeback. What is the secret?\"}</script>";
        Story story = condense(page(ld + "<title>Wild goats ruled this island for a century. Now it is being reborn. | Nature Weekly</title>",
                "<article><h1>Wild goats ruled this island for a century. Now it is being reborn.</h1>"
                        + "<p>The island of Redonda lost its plants to goats and rats.</p></article>"));
        assertThat(story.headline()).isEqualTo("Wild goats ruled this island for a century. Now it is being reborn.");
    }

    @Test
    void aJsonLdHeadlineCutShortGivesWayToTheWholeH1() {
        String full = "Hunter diagnosed with bubonic plague after eating a rabbit making him third Beijing local to contract medieval disease";
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\""
                + "Hunter diagnosed with bubonic plague after eating a rabbit making him third Beijing local to contract\"}</script>";
        Story story = condense(page(ld + "<title>" + full + " – The Daily Sun</title>",
                "<article><h1>" + full + "</h1><p>Health officials in the city confirmed the case on Sunday.</p></article>"));
        assertThat(story.headline()).isEqualTo(full);
    }

    @Test
    void aShortJsonLdHeadlineStaysAgainstAnH1AndTitleThatAgree() {
        // neither cut short nor prose: the JSON-LD may well be the better headline, and it is not outvoted
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Russia strikes Kyiv overnight\"}</script>";
        Story story = condense(page(ld + "<title>Live: Russia strikes Kyiv, latest updates | Valley Times</title>",
                "<article><h1>Live: Russia strikes Kyiv, latest updates</h1><p>Explosions were heard before dawn.</p></article>"));
        assertThat(story.headline()).isEqualTo("Russia strikes Kyiv overnight");
    }

    @Test
    void aJsonLdHeadlineTheTitleAgreesWithStaysAgainstAnH1WordedOtherwise() {
        // the page's own two wordings: the SEO headline in JSON-LD and the title, the display one in the h1
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Merger bodes ill for local news\"}</script>";
        Story story = condense(page(ld + "<title>Merger bodes ill for local news - Valley Times</title>",
                "<article><h1>The merger sends a dismal signal about the future of local news</h1><p>Two chains will become one.</p></article>"));
        assertThat(story.headline()).isEqualTo("Merger bodes ill for local news");
    }

    // site names the title-only path missed or took too eagerly

    @Test
    void anotherSitesDomainInTheHeadlineIsTheStorysSubject() {
        Story story = condense(page("<title>BGH: marions-kochbuch.de</title><link rel=\"canonical\" href=\"https://www.rechtambild.de/2010/03/bgh-kochbuch/\">",
                "<h1>BGH: marions-kochbuch.de</h1><p>Der Bundesgerichtshof hat über die Haftung für fremde Fotos entschieden.</p>"));
        assertThat(story.headline()).isEqualTo("BGH: marions-kochbuch.de");
    }

    @Test
    void thePagesOwnDomainAfterTheStoryStillGoes() {
        Story story = condense(page("<title>Council backs the pier plan - ValleyCourier.com</title>"
                + "<link rel=\"canonical\" href=\"https://www.valleycourier.com/news/pier\">", "<p>The council voted for the plan.</p>"));
        assertThat(story.headline()).isEqualTo("Council backs the pier plan");
    }

    @Test
    void aTwoLetterSiteNameThatIsTheHostGoes() {
        Story story = condense(page("<title>Berlin confronts its colonial past with new initiative | DW | 19.01.2020</title>"
                + "<link rel=\"canonical\" href=\"https://www.dw.com/en/berlin-colonial-past/a-52051123\">",
                "<p>The city wants to rename streets.</p>"));
        assertThat(story.headline()).isEqualTo("Berlin confronts its colonial past with new initiative");
    }

    @Test
    void aTwoLetterNameThatIsNotTheHostStays() {
        Story story = condense(page("<title>EU: Ministers agree on a gas price cap</title>"
                + "<link rel=\"canonical\" href=\"https://www.dw.com/en/gas-price-cap/a-1\">", "<p>The cap takes effect in February.</p>"));
        assertThat(story.headline()).isEqualTo("EU: Ministers agree on a gas price cap");
    }

    @Test
    void aCategoryLinkAtTheEndOfTheH1IsTheStorysLabel() {
        Story story = condense(page("<title>Any.DO announces Cal, a calendar app (video)</title>",
                "<h1 itemprop=\"headline\">Any.DO announces Cal, a calendar app (video)\n&nbsp;<a href=\"/topics/mobile/\" class=\"s-cat\">Mobile</a></h1>"
                        + "<p>The company showed its new app on Tuesday.</p>"));
        assertThat(story.headline()).isEqualTo("Any.DO announces Cal, a calendar app (video)");
    }

    @Test
    void aCategoryLinkInsideTheH1sWordsStays() {
        Story story = condense(page("<title>Language keeps winning the survey | Dev Weekly</title>",
                "<h1>Why <a href=\"/tag/rust/\">Rust</a> keeps winning the survey</h1><p>Developers like the language a lot.</p>"));
        assertThat(story.headline()).isEqualTo("Why Rust keeps winning the survey");
    }

    @Test
    void aTopicLinkThatStartsTheHeadlinesWordsStays() {
        Story story = condense(page("<title>Coronavirus cases double in a week | Valley Courier</title>",
                "<h1><a href=\"/topics/coronavirus/\">Coronavirus</a> cases double in a week</h1><p>Hospitals are filling up.</p>"));
        assertThat(story.headline()).isEqualTo("Coronavirus cases double in a week");
    }

    @Test
    void aSeparatorGluedToTheStorysLastWordGoesWithTheSiteName() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"The Inquirer\">"
                + "<title>Microsoft confirms always on Xbox One requirements- The Inquirer</title>", "<p>The console must go online once a day.</p>"));
        assertThat(story.headline()).isEqualTo("Microsoft confirms always on Xbox One requirements");
    }

    @Test
    void aSymbolGluedToTheStorysLastWordStays() {
        Story story = condense(page("<meta property=\"og:site_name\" content=\"Oil Daily\">"
                + "<title>Output cut agreed by OPEC+ | Oil Daily</title>", "<p>The group will pump less from May.</p>"));
        assertThat(story.headline()).isEqualTo("Output cut agreed by OPEC+");
    }

    @Test
    void aSeparatorInsideBracketsIsTheHeadlinesOwn() {
        Story story = condense(page("<title>Zhi Neng Xiang Nian Ni - Jam Hsiao Jing Teng (只能想念你 - 蕭敬騰)</title>",
                "<p>Lyrics and translation of the song, line by line.</p>"));
        assertThat(story.headline()).isEqualTo("Zhi Neng Xiang Nian Ni - Jam Hsiao Jing Teng (只能想念你 - 蕭敬騰)");
    }

    // the authors' names after the story, which only the h1 had shown to be no part of it

    @Test
    void theAuthorsTheMetasNameAfterTheStoryAreItsByline() {
        Story story = condense(page("<meta name=\"author\" content=\"By Maggie Haberman and Shira Toeplitz\">"
                + "<title>2012 map takes unfamiliar shape - Maggie Haberman and Shira Toeplitz - POLITICO.com</title>",
                "<p>The battleground is shifting west.</p>"));
        assertThat(story.headline()).isEqualTo("2012 map takes unfamiliar shape");
    }

    @Test
    void aBylineAfterAColumnsLabelLeavesNoStoryToCutTo() {
        Story story = condense(page("<meta name=\"author\" content=\"Linda Robertson\">"
                + "<meta property=\"og:title\" content=\"Opinion - Linda Robertson\">", "<p>Two teams, two styles.</p>"));
        assertThat(story.headline()).isEqualTo("Opinion - Linda Robertson");
    }
}
