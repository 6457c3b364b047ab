package org.herald.compose;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTest {
    @Test
    void anEmptySummaryTakesItsBlankLineWithIt() {
        assertThat(Template.render("{headline}\n\n{summary}\n\n{link}", "Bridge opens", "https://ex.com/a", ""))
                .isEqualTo("Bridge opens\n\nhttps://ex.com/a");
    }

    @Test
    void spacesLeftByAnEmptyPlaceholderCloseUp() {
        assertThat(Template.render("  {headline}  {summary}  {link} ", "Bridge opens", "https://ex.com/a", ""))
                .isEqualTo("Bridge opens https://ex.com/a");
    }

    @Test
    void rendersAsTheRegularExpressionsItReplacedDid() {
        Random random = new Random(11);
        String[] pieces = {" ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\u00a0", "\u2003", "\r", "a", "Bridge", "…", "{headline}",
                "{link}", "{summary}", "-", "|"};
        String[] values = {"", " ", "Bridge opens", "  two  spaces  ", "line\nbreak", "\n", "東京 の 橋"};
        for (int n = 0; n < 50_000; n++) {
            StringBuilder template = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) template.append(pieces[random.nextInt(pieces.length)]);
            String t = template.toString();
            String h = values[random.nextInt(values.length)];
            String l = random.nextBoolean() ? "https://ex.com/a" : "";
            String s = values[random.nextInt(values.length)];
            assertThat(Template.render(t, h, l, s)).as("template %s", t.replace("\n", "\\n")).isEqualTo(reference(t, h, l, s));
        }
    }

    private static final Pattern SPACE_RUN = Pattern.compile(" {2,}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    /** The form before the loop: each line's space runs made one and stripped, then blank lines folded. */
    private static String reference(String template, String headline, String link, String summary) {
        String text = template.replace("{headline}", headline).replace("{link}", link).replace("{summary}", summary);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) out.append(SPACE_RUN.matcher(line).replaceAll(" ").strip()).append('\n');
        return BLANK_LINES.matcher(out.toString()).replaceAll("\n\n").strip();
    }
}
