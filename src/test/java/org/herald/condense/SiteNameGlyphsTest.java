package org.herald.condense;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.condense.HandMadePages.condense;
import static org.herald.condense.HandMadePages.page;

/**
 * Site names joined to the story by marks the cleaner had no rule for: stars, arrows, bullets, triangles, the
 * horizontal bar and full-width dashes, runs of colons, slashes or bars, brackets around the name in CJK titles,
 * a bare space in Chinese, and the breadcrumb of '<' that some Korean newspaper systems put into the title. Where
 * the page names its site the name comes off whatever the mark; where it names nothing, only the marks that
 * separate a title's parts and a bracketed tail of a CJK title are taken for decoration (and the headline is then
 * a guess, which lowers its confidence). A logo {@code <h1>} that repeats the name after the title's story names
 * the site too.
 */
class SiteNameGlyphsTest {
    private static final String STORY = "Council approves the new bridge";
    private static final String BODY = "<p>The city council voted on Tuesday to build a new bridge across the river, ending years of debate.</p>";

    private static String withSite(String title, String site) {
        return condense(page("<title>" + title + "</title><meta property=\"og:site_name\" content=\"" + site + "\">", BODY),
                "https://www.example-news.com/2026/12/bridge").headline();
    }

    private static String alone(String title) {
        return condense(page("<title>" + title + "</title>", BODY)).headline();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Council approves the new bridge ★ Example News", "Council approves the new bridge ⋆ Example News",
            "Council approves the new bridge ► Example News", "Council approves the new bridge ▷ Example News",
            "Council approves the new bridge ● Example News", "Council approves the new bridge ◆ Example News",
            "Council approves the new bridge ¦ Example News", "Council approves the new bridge ::: Example News",
            "Council approves the new bridge // Example News", "Council approves the new bridge \\ Example News",
            "Council approves the new bridge >> Example News", "Council approves the new bridge > Example News",
            "Council approves the new bridge − Example News", "Council approves the new bridge—Example News",
            "Council approves the new bridge (Example News)", "Council approves the new bridge ||| Example News",
            "Example News ▶ Council approves the new bridge", "Example News ★ Council approves the new bridge"})
    void aNamedSiteComesOffWhateverJoinsIt(String title) {
        assertThat(withSite(title, "Example News")).isEqualTo(STORY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "記事の見出しがここにある ― 毎日ニュース;記事の見出しがここにある",
            "市議会が新しい橋の建設を承認 － 毎日ニュース;市議会が新しい橋の建設を承認",
            "市議会が新しい橋の建設を承認～毎日ニュース;市議会が新しい橋の建設を承認",
            "市議会が新しい橋の建設を承認＜毎日ニュース＞;市議会が新しい橋の建設を承認",
            "市議会が新しい橋の建設を承認 〈毎日ニュース〉;市議会が新しい橋の建設を承認",
            "市議会が新しい橋の建設を承認《毎日ニュース》;市議会が新しい橋の建設を承認",
            "市議会が新しい橋の建設を承認【毎日ニュース】;市議会が新しい橋の建設を承認",
            "市议会批准新桥建设--毎日ニュース;市议会批准新桥建设",
            "市议会批准新桥建设 毎日ニュース;市议会批准新桥建设"})
    void aNamedSiteComesOffCjkTitles(String title, String headline) {
        assertThat(withSite(title, "毎日ニュース")).isEqualTo(headline);
    }

    @Test
    void aMarkJoinedToTheStorysLastWordStaysWithIt() {
        assertThat(withSite("Oil ministers meet before the talks of OPEC+ ★ Example News", "Example News"))
                .isEqualTo("Oil ministers meet before the talks of OPEC+");
    }

    @Test
    void theKoreanBreadcrumbAndTheSiteComeOffWithOrWithoutTheSiteNamed() {
        String title = "시의회가 새 다리 건설을 승인했다 &lt; 사회 &lt; 기사본문 - 한국일보";
        assertThat(withSite(title, "한국일보")).isEqualTo("시의회가 새 다리 건설을 승인했다");
        assertThat(alone(title)).isEqualTo("시의회가 새 다리 건설을 승인했다");
    }

    @Test
    void oneComparisonSignIsTheStorysOwn() {
        assertThat(alone("Rents in the city rise &gt; wages for a third year")).isEqualTo("Rents in the city rise > wages for a third year");
        assertThat(alone("Inflation &lt; 2 % for the first time since 2021")).isEqualTo("Inflation < 2 % for the first time since 2021");
    }

    @Test
    void aBracketedTailOfACjkTitleIsDecorationEvenUnnamed() {
        assertThat(alone("欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞")).isEqualTo("欲張りなイヌ");
        assertThat(alone("台風10号が九州に接近【動画】")).isEqualTo("台風10号が九州に接近");
        Story story = condense(page("<title>欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞</title>", BODY));
        assertThat(story.confidence()).isNotEqualTo(Confidence.HIGH);
    }

    @Test
    void aWorksTitleInDoubleAngleBracketsStaysWhenNothingNamesTheSite() {
        assertThat(alone("周杰伦发布新专辑《最伟大的作品》")).isEqualTo("周杰伦发布新专辑《最伟大的作品》");
    }

    @Test
    void aLogoHeadingThatRepeatsTheTitlesTrailingNameIsTheSiteNotTheStory() {
        Story story = condense(page("<title>Council approves the new bridge | Riverside Gazette</title>",
                "<h1>Riverside Gazette</h1>" + BODY));
        assertThat(story.headline()).isEqualTo(STORY);
        assertThat(story.confidence()).isNotEqualTo(Confidence.HIGH);
    }

    @Test
    void aSectionHeadingThatRepeatsAPartOfTheTitleIsNotTheStory() {
        Story story = condense(page("<title>Council approves the new bridge - Politics - Riverside Gazette</title>",
                "<h1>Politics</h1>" + BODY));
        assertThat(story.headline()).isEqualTo(STORY);
        assertThat(story.confidence()).isNotEqualTo(Confidence.HIGH);
    }

    @Test
    void aHeadingThatRepeatsAShortStoryStaysTheStory() {
        assertThat(condense(page("<title>Opinion | Bridge plan passes</title>", "<h1>Bridge plan passes</h1>" + BODY)).headline())
                .isEqualTo("Bridge plan passes");
        assertThat(condense(page("<title>Bridge plan finally passes | The Riverside Valley Evening Gazette</title>",
                "<h1>Bridge plan finally passes</h1>" + BODY)).headline()).isEqualTo("Bridge plan finally passes");
    }

    @Test
    void aSeparatorLeftAtEitherEndComesOffButAQuotationMarkStays() {
        assertThat(withSite("» Certains rêvent de Matt Duchene à Ottawa | Mathias Brunet", "Blogues de La Presse"))
                .isEqualTo("Certains rêvent de Matt Duchene à Ottawa");
        assertThat(alone("»Vi er klar«, siger borgmesteren om broen")).isEqualTo("»Vi er klar«, siger borgmesteren om broen");
        assertThat(alone("« Nous ne partirons pas », dit le maire")).isEqualTo("« Nous ne partirons pas », dit le maire");
    }

    @Test
    void aPartThatIsNotTheSitesNameStays() {
        assertThat(withSite("Council approves the new bridge ★ Five stars for the design", "Example News"))
                .isEqualTo("Council approves the new bridge ★ Five stars for the design");
        assertThat(withSite("New cases of COVID-19", "19")).isEqualTo("New cases of COVID-19");
    }
}
