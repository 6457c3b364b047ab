package org.herald.condense;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A long paragraph is turned into text only as far as a summary could reach, never cutting a tag or an entity. */
class ParagraphStartTest {
    @Test
    void aShortParagraphIsTakenWhole() {
        PageFacts.Paragraph p = new PageFacts.Paragraph("Ships sail <b>again</b> from the harbour.", true);
        assertThat(p.textOfStart(1200)).isEqualTo(p.text());
    }

    @Test
    void aLongParagraphIsCutAtWhiteSpaceOutsideTagsAfterTheLimit() {
        String markup = "Die Stadt &uuml;ber den Hafen und die Schiffe <a href=\"https://example.org/a b\" title=\"a b\">mehr</a> ".repeat(40);
        PageFacts.Paragraph p = new PageFacts.Paragraph(markup, true);
        String start = p.textOfStart(1200);
        assertThat(p.text()).startsWith(start);
        assertThat(start.length()).isLessThan(p.text().length()).isGreaterThanOrEqualTo(600);
        assertThat(start).doesNotContain("<").doesNotContain("href").doesNotEndWith("&uuml");
    }

    @Test
    void markupDenseWithTagsIsTakenWholeSoTheSummaryHasTextToChooseFrom() {
        String markup = "<span class=\"a-very-long-class-name-for-each-word\">w</span> ".repeat(100);
        PageFacts.Paragraph p = new PageFacts.Paragraph(markup, true);
        assertThat(p.textOfStart(600)).isEqualTo(p.text());
    }

    @Test
    void aSummaryFromALongParagraphIsTheSameAsFromTheWholeOne() {
        String sentence = "The council met on Tuesday and agreed to reopen the old harbour to ships after the storm. ";
        String markup = sentence.repeat(60);
        PageFacts.Paragraph p = new PageFacts.Paragraph(markup, true);
        String whole = Summaries.trim(Summaries.firstSubstantial(java.util.List.of(p.text()), "x").orElseThrow(), 300, "en");
        String cut = Summaries.trim(Summaries.firstSubstantial(java.util.List.of(p.textOfStart(1200)), "x").orElseThrow(), 300, "en");
        assertThat(cut).isEqualTo(whole);
    }
}
