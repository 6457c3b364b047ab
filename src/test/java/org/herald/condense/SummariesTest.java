package org.herald.condense;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {
    @Test
    void aBreadcrumbIsNotTheSummary() {
        String headline = "欲張りなイヌ";
        List<String> paragraphs = List.of("福娘童話集 &gt; きょうのイソップ童話 &gt; １月のイソップ童話 &gt; 欲張りなイヌ",
                "Home » Fables » January » Animals", "肉をくわえたイヌが、橋を渡っていました。ふと下を見ると、川の中にも肉をくわえたイヌがいます。");
        assertThat(Summaries.firstSubstantial(paragraphs, headline)).hasValue(
                "肉をくわえたイヌが、橋を渡っていました。ふと下を見ると、川の中にも肉をくわえたイヌがいます。");
    }

    @Test
    void aListOfTagsIsNotTheSummaryButASentenceWithAListIs() {
        assertThat(Summaries.isTagList("Anmeldung, BaWü, Beteiligung, Digitale Gesellschaft, Digitalpolitik, Diskussion, IFG")).isTrue();
        assertThat(Summaries.isTagList("Bread, milk, eggs, cheese, butter and jam all cost more this winter than last")).isFalse();
        assertThat(Summaries.isTagList("Bread, milk, eggs, cheese, butter. All cost more")).isFalse();
    }

    @Test
    void aBylineIsNotTheSummaryButASentenceStartingWithByIs() {
        assertThat(Summaries.isByline("By MARC SANTORA, WILLIAM K. RASHBAUM, AL BAKER and ADAM GOLDMANSEPT. 19, 2016")).isTrue();
        assertThat(Summaries.isByline("By Jane Doe | Reuters, updated 3 hours ago")).isTrue();
        assertThat(Summaries.isByline("By Monday, the storm had passed and the ferries were running again.")).isFalse();
        assertThat(Summaries.isByline("By the time the council met, the pier plan had been changed twice.")).isFalse();
        assertThat(Summaries.isByline("By Jane Doe. " + "The council met again on Tuesday and argued about the pier. ".repeat(3))).isFalse();
        assertThat(Summaries.firstSubstantial(List.of("By Jane Doe and John Roe, Staff Writers",
                "The council approved the pier plan at two in the morning after hours of debate."), "Pier plan approved"))
                .hasValue("The council approved the pier plan at two in the morning after hours of debate.");
    }

    @Test
    void aComparisonInASentenceIsNotABreadcrumb() {
        String text = "Rents rose faster than pay again: rents > wages for the third year running, the report says.";
        assertThat(Summaries.isBreadcrumb(text, "Rents outpace pay")).isFalse();
    }

    @Test
    void trimsAtTheLastSentenceThatFits() {
        String text = "First sentence is here. Second sentence is a little longer than the first. Third one.";
        assertThat(Summaries.trim(text, 60, "en")).isEqualTo("First sentence is here.");
    }

    @Test
    void trimsAtAWordBoundaryWithAnEllipsisWhenNoSentenceEndsInReach() {
        String text = "One very long sentence without any full stop that keeps going and going well past the limit";
        String trimmed = Summaries.trim(text, 40, "en");
        assertThat(trimmed).isEqualTo("One very long sentence without any full…");
        assertThat(trimmed.codePointCount(0, trimmed.length())).isLessThanOrEqualTo(40);
    }

    @Test
    void skipsBoilerplateAndShortParagraphs() {
        List<String> paragraphs = List.of("Share this article", "By Staff", "Follow us on Facebook and Twitter for more news like this one.",
                "The council voted on Tuesday to approve the budget after a debate that lasted late into the night.");
        assertThat(Summaries.firstSubstantial(paragraphs, "Headline"))
                .contains("The council voted on Tuesday to approve the budget after a debate that lasted late into the night.");
    }

    @Test
    void dropsTrailingPromotionalSentences() {
        assertThat(Summaries.withoutTrailingBoilerplate("The warning stays in place overnight. Follow us on X for live updates."))
                .isEqualTo("The warning stays in place overnight.");
    }
}
