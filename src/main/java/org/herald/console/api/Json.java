package org.herald.console.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the small JSON the API exchanges (Herald's main code carries no JSON library): objects
 * become {@code Map}, arrays {@code List}, numbers {@code BigDecimal}, and {@code null} a {@link #NULL} marker.
 */
final class Json {
    /** JSON's null, kept distinct from an absent key. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    private static final int MAX_DEPTH = 20;

    /** Not JSON, with where and why. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    static Object parse(String text) throws Malformed {
        Json json = new Json(text);
        json.space();
        Object value = json.value(0);
        json.space();
        if (json.i != text.length()) throw new Malformed("unexpected text after the JSON value at offset " + json.i);
        return value;
    }

    private Object value(int depth) throws Malformed {
        if (depth > MAX_DEPTH) throw new Malformed("nested too deeply");
        if (i >= s.length()) throw new Malformed("the body ends before its JSON value");
        char c = s.charAt(i);
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        if (c == '"') return string();
        if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
        if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
        if (s.startsWith("null", i)) { i += 4; return NULL; }
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw new Malformed("unexpected '" + c + "' at offset " + i);
    }

    private Map<String, Object> object(int depth) throws Malformed {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        space();
        if (peek('}')) { i++; return map; }
        while (true) {
            space();
            if (!peek('"')) throw new Malformed("expected a quoted key at offset " + i);
            String key = string();
            space();
            expect(':');
            space();
            if (map.put(key, value(depth + 1)) != null) throw new Malformed("the key \"" + key + "\" appears twice");
            space();
            if (peek(',')) { i++; continue; }
            expect('}');
            return map;
        }
    }

    private List<Object> array(int depth) throws Malformed {
        List<Object> list = new ArrayList<>();
        i++;
        space();
        if (peek(']')) { i++; return list; }
        while (true) {
            space();
            list.add(value(depth + 1));
            space();
            if (peek(',')) { i++; continue; }
            expect(']');
            return list;
        }
    }

    private String string() throws Malformed {
        StringBuilder out = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) throw new Malformed("a string is not closed");
            char c = s.charAt(i++);
            if (c == '"') return out.toString();
            if (c < 0x20) throw new Malformed("a control character inside a string at offset " + (i - 1));
            if (c != '\\') { out.append(c); continue; }
            if (i >= s.length()) throw new Malformed("a string is not closed");
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw new Malformed("a bad \\u escape");
                    try {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException x) {
                        throw new Malformed("a bad \\u escape at offset " + i);
                    }
                    i += 4;
                }
                default -> throw new Malformed("a bad escape \\" + e + " at offset " + (i - 1));
            }
        }
    }

    private Object number() throws Malformed {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        try {
            return new BigDecimal(s.substring(start, i));
        } catch (NumberFormatException e) {
            throw new Malformed("a bad number at offset " + start);
        }
    }

    private void space() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) throws Malformed {
        if (!peek(c)) throw new Malformed("expected '" + c + "' at offset " + i);
        i++;
    }

    /** Writes maps, lists, strings, numbers, booleans, Optionals (empty: null) and null. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null || value == NULL) {
            out.append("null");
        } else if (value instanceof java.util.Optional<?> optional) {
            write(out, optional.orElse(null));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                quote(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int k = 0; k < list.size(); k++) {
                if (k > 0) out.append(',');
                write(out, list.get(k));
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            quote(out, value.toString());
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // < > & escaped too, so no JSON answer can ever be read as markup
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
