package org.herald.compose;

import java.util.regex.Pattern;

/** Fills a channel's template; an empty placeholder takes its surrounding blank space with it. */
final class Template {
    private static final Pattern SPACE_RUN = Pattern.compile(" {2,}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private Template() {
    }

    static String render(String template, String headline, String link, String summary) {
        String text = template.replace("{headline}", headline).replace("{link}", link).replace("{summary}", summary);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            out.append(SPACE_RUN.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return BLANK_LINES.matcher(out.toString()).replaceAll("\n\n").strip();
    }
}
