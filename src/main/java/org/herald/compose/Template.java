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
        int blankLines = 0;
        for (int start = 0; start <= text.length(); ) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int lineStart = out.length();
            if (lineStart > 0) out.append(blankLines > 0 ? "\n\n" : "\n");
            int written = out.length();
            appendCollapsed(out, text.substring(start, end).strip());
            if (out.length() == written) {
                out.setLength(lineStart);
                if (lineStart > 0) blankLines++;
            } else {
                blankLines = 0;
            }
            start = end + 1;
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
