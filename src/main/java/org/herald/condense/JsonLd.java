package org.herald.condense;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the schema.org JSON-LD blocks of a page. Publishers' JSON-LD is often slightly broken (raw line
 * breaks in strings, trailing commas, HTML comments around it), so the parser is lenient and a block it
 * still cannot read is skipped rather than failing the page.
 */
final class JsonLd {
    /** What the page's JSON-LD says about its article and its publisher. */
    record Facts(Optional<String> headline, Optional<String> name, Optional<String> description, Optional<String> url,
                 Optional<String> language, List<String> siteNames) {
        static final Facts NONE = new Facts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
    }

    private JsonLd() {
    }

    static Facts read(List<String> blocks) {
        if (blocks.isEmpty()) return Facts.NONE;
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String block : blocks) {
            try {
                collect(new Reader(unwrap(block)).value(0), objects, 0);
            } catch (RuntimeException e) {
                // a broken block is common and says nothing about the rest of the page
            }
        }
        Map<String, Object> article = null;
        List<String> siteNames = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            List<String> types = types(object.get("@type"));
            if (article == null && types.stream().anyMatch(JsonLd::isArticleType) && string(object.get("headline")).isPresent()) {
                article = object;
            }
            if (types.contains("website") || types.contains("organization") || types.contains("newsmediaorganization")) {
                string(object.get("name")).ifPresent(siteNames::add);
                string(object.get("alternateName")).ifPresent(siteNames::add);
            }
        }
        if (article == null) {
            return new Facts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), siteNames);
        }
        for (String key : new String[]{"publisher", "isPartOf", "sourceOrganization"}) {
            if (article.get(key) instanceof Map<?, ?> org) string(org.get("name")).ifPresent(siteNames::add);
        }
        Optional<String> url = string(article.get("url"));
        if (url.isEmpty()) {
            Object main = article.get("mainEntityOfPage");
            url = main instanceof Map<?, ?> m ? string(m.get("@id")).or(() -> string(m.get("url"))) : string(main);
        }
        return new Facts(string(article.get("headline")), string(article.get("name")), string(article.get("description")), url,
                string(article.get("inLanguage")), siteNames);
    }

    private static boolean isArticleType(String type) {
        return type.endsWith("article") || type.equals("blogposting") || type.equals("liveblogposting")
                || type.equals("report");
    }

    private static List<String> types(Object type) {
        List<String> out = new ArrayList<>(2);
        if (type instanceof String s) out.add(strip(s));
        else if (type instanceof List<?> list) {
            for (Object o : list) if (o instanceof String s) out.add(strip(s));
        }
        return out;
    }

    private static String strip(String type) {
        int slash = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
        return type.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    private static Optional<String> string(Object value) {
        if (value instanceof String s && !s.isBlank()) return Optional.of(s);
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s && !s.isBlank()) {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, List<Map<String, Object>> out, int depth) {
        if (depth > 8) return;
        if (value instanceof Map<?, ?> map) {
            out.add((Map<String, Object>) map);
            Object graph = map.get("@graph");
            if (graph != null) collect(graph, out, depth + 1);
            Object main = map.get("mainEntity");
            if (main != null) collect(main, out, depth + 1);
        } else if (value instanceof List<?> list) {
            for (Object o : list) collect(o, out, depth + 1);
        }
    }

    private static String unwrap(String block) {
        String s = block.strip();
        if (s.startsWith("<!--")) s = s.substring(4);
        if (s.endsWith("-->")) s = s.substring(0, s.length() - 3);
        s = s.replace("//<![CDATA[", "").replace("//]]>", "").replace("<![CDATA[", "").replace("]]>", "");
        return s;
    }

    /** A small, forgiving JSON reader: objects become maps, arrays lists, numbers and literals strings. */
    private static final class Reader {
        // an array, not the String: on the quick C1 compiler of a short run, String.charAt's bounds checks cost
        // more than the reading itself
        private final char[] s;
        private final int n;
        private int i;

        Reader(String s) {
            this.s = s.toCharArray();
            this.n = this.s.length;
        }

        Object value(int depth) {
            if (depth > 64) throw new IllegalStateException("too deep");
            skip();
            if (i >= n) throw new IllegalStateException("end of input");
            char c = s[i];
            if (c == '{') return object(depth);
            if (c == '[') return array(depth);
            if (c == '"') return string();
            int start = i;
            while (i < n && ",}] \t\r\n".indexOf(s[i]) < 0) i++;
            if (start == i) throw new IllegalStateException("unexpected " + c);
            return new String(s, start, i - start);
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            while (true) {
                skip();
                if (i >= n) throw new IllegalStateException("unclosed object");
                if (s[i] == '}') {
                    i++;
                    return map;
                }
                if (s[i] == ',') {
                    i++;
                    continue;
                }
                String key = string();
                skip();
                if (i >= n || s[i] != ':') throw new IllegalStateException("expected :");
                i++;
                map.putIfAbsent(key, value(depth + 1));
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            i++;
            while (true) {
                skip();
                if (i >= n) throw new IllegalStateException("unclosed array");
                if (s[i] == ']') {
                    i++;
                    return list;
                }
                if (s[i] == ',') {
                    i++;
                    continue;
                }
                list.add(value(depth + 1));
            }
        }

        private String string() {
            if (i >= n || s[i] != '"') throw new IllegalStateException("expected string");
            i++;
            // most strings hold no escape: take them whole
            int j = i;
            while (j < n) {
                char c = s[j];
                if (c == '"') {
                    String whole = new String(s, i, j - i);
                    i = j + 1;
                    return whole;
                }
                if (c == '\\') break;
                j++;
            }
            StringBuilder out = new StringBuilder(j - i + 16).append(s, i, j - i);
            i = j;
            while (i < n) {
                char c = s[i++];
                if (c == '"') return out.toString();
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= n) break;
                char e = s[i++];
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (i + 4 > n) throw new IllegalStateException("bad escape");
                        out.append((char) Integer.parseInt(new String(s, i, 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
            throw new IllegalStateException("unclosed string");
        }

        private void skip() {
            while (i < n && Character.isWhitespace(s[i])) i++;
        }
    }
}
