package org.herald.console.forms;

import java.util.Map;

/** The edit form: the new text of a post. Whether it fits its network is the row actions' rule, not the form's. */
public record EditForm(String text) {
    /** Parsed, or the one line that says what is wrong. */
    public sealed interface Parsed {
        record Ok(EditForm form) implements Parsed {
        }

        record Invalid(String message) implements Parsed {
        }
    }

    public static Parsed parse(Map<String, String> fields) {
        String text = fields.getOrDefault("text", "").replace("\r\n", "\n");
        if (text.isBlank()) return new Parsed.Invalid("the text is empty");
        if (text.length() > 100_000) return new Parsed.Invalid("the text is too long");
        return new Parsed.Ok(new EditForm(text));
    }
}
