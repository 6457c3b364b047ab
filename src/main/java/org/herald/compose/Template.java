package org.herald.compose;

/** Fills a channel's template; an empty placeholder takes its surrounding blank space with it. */
final class Template {
    private Template() {
    }

    /**
     * Each line stripped, with runs of spaces inside it made one, and at most one blank line between lines. A loop
     * rather than three regular expressions: a tweet is rendered several times while it is fitted to X's limit.
     */
    static String render(String template, String headline, String link, String summary) {
        String text = template.replace("{headline}", headline).replace("{link}", link).replace("{summary}", summary);
        StringBuilder out = new StringBuilder(text.length());
        boolean blankBefore = false;
        for (int start = 0; start <= text.length(); ) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty()) {
                blankBefore = out.length() > 0;
                continue;
            }
            if (out.length() > 0) out.append(blankBefore ? "\n\n" : "\n");
            appendCollapsed(out, line);
            blankBefore = false;
        }
        return out.toString();
    }

    private static void appendCollapsed(StringBuilder out, String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' && i > 0 && line.charAt(i - 1) == ' ') continue;
            out.append(c);
        }
    }
}
