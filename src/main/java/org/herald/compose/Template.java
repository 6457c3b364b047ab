package org.herald.compose;

/** Fills a channel's template; an empty placeholder takes its surrounding blank space with it. */
final class Template {
    private Template() {
    }

    static String render(String template, String headline, String link, String summary) {
        String text = template.replace("{headline}", headline).replace("{link}", link).replace("{summary}", summary);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            out.append(line.replaceAll(" {2,}", " ").strip()).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
