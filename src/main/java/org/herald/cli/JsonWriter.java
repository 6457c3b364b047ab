package org.herald.cli;

/** Writes one JSON object per line by hand: Herald's main code carries no JSON library. */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder(512);
    private boolean needComma;

    JsonWriter beginObject() {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    JsonWriter beginArray(String name) {
        name(name);
        out.append('[');
        needComma = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    JsonWriter field(String name, String value) {
        name(name);
        if (value == null) out.append("null");
        else string(value);
        needComma = true;
        return this;
    }

    JsonWriter field(String name, long value) {
        name(name);
        out.append(value);
        needComma = true;
        return this;
    }

    /** A number, or null when absent. */
    JsonWriter field(String name, java.util.Optional<Long> value) {
        name(name);
        out.append(value.isPresent() ? value.get().toString() : "null");
        needComma = true;
        return this;
    }

    JsonWriter field(String name, boolean value) {
        name(name);
        out.append(value);
        needComma = true;
        return this;
    }

    /** A string element of the array being written. */
    JsonWriter value(String value) {
        comma();
        string(value);
        needComma = true;
        return this;
    }

    private void name(String name) {
        comma();
        string(name);
        out.append(':');
        needComma = false;
    }

    private void comma() {
        if (needComma) out.append(',');
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
