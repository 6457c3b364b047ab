package org.herald.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a plain-text story: the first non-blank line is its headline, the rest its body. */
final class TextArticles {
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private TextArticles() {
    }

    static Optional<PlainText> parse(String source, String text) {
        String[] lines = LINE_BREAK.split(text, -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) i++;
        if (i == lines.length) return Optional.empty();
        String headline = lines[i].strip();
        List<String> body = new ArrayList<>();
        for (int k = i + 1; k < lines.length; k++) body.add(lines[k].strip());
        while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) body.remove(body.size() - 1);
        return Optional.of(new PlainText(source, headline, body));
    }
}
