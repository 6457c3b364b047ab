package org.herald.condense;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a publisher goes by on a page (og:site_name, application-name, JSON-LD publisher, the host
 * name), used to recognise the site-name part of a title such as {@code Story | Site}.
 */
final class SiteNames {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Set<String> HOST_NOISE = Set.of("www", "m", "amp", "mobile", "news", "edition", "en",
            "ar", "com", "net", "org", "co", "uk", "gov", "info", "online", "tv", "de", "fr", "es", "it", "ru",
            "jp", "cn", "kr", "th", "ae", "sa", "eg", "au", "ca", "in", "io", "br", "mx", "nl", "pl", "pt", "tr");
    private static final Pattern DOMAIN = Pattern.compile("(?i)^(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}$");

    private final List<String> names = new ArrayList<>();
    private final List<String> hostLabels = new ArrayList<>();
    /** Hyphenated host labels split into their words: "wehranlage-horka" gives [wehranlage, horka]. */
    private final List<List<String>> hostWords = new ArrayList<>();

    private final java.util.Map<String, Boolean> answers = new java.util.HashMap<>();

    void addName(String name) {
        answers.clear();
        String key = key(name);
        if (key.length() >= 2 && !names.contains(key)) names.add(key);
    }

    void addHost(URI uri) {
        answers.clear();
        String host = uri.getHost();
        if (host == null) return;
        for (String label : host.toLowerCase(Locale.ROOT).split("\\.")) {
            if (label.length() >= 3 && !HOST_NOISE.contains(label) && !hostLabels.contains(label)) {
                hostLabels.add(label.replace("-", ""));
                List<String> words = new ArrayList<>();
                for (String w : label.split("-")) if (w.length() >= 4) words.add(w);
                if (words.size() >= 2 && !hostWords.contains(words)) hostWords.add(words);
            }
        }
    }

    boolean isEmpty() {
        return names.isEmpty() && hostLabels.isEmpty();
    }

    /** Whether a title segment names the site rather than the story. */
    boolean matches(String segment) {
        // a page asks about the same few segments many times; the names are all known by then
        Boolean known = answers.get(segment);
        if (known != null) return known;
        boolean answer = computeMatches(segment);
        answers.put(segment, answer);
        return answer;
    }

    private boolean computeMatches(String segment) {
        String s = segment.strip();
        if (DOMAIN.matcher(s).matches()) return true;
        String key = key(s);
        if (key.isEmpty()) return false;
        for (String name : names) {
            if (key.equals(name)) return true;
            // "The Washington Post" vs "Washington Post"; "BBC News" vs "BBC"; short keys only as whole names
            if (name.length() >= 4 && key.length() >= 3 && (key.contains(name) || name.contains(key))
                    && Math.abs(key.length() - name.length()) <= Math.max(8, name.length() / 2)) {
                return true;
            }
        }
        for (String label : hostLabels) {
            if (key.equals(label)) return true;
            if (label.length() >= 4 && key.length() >= 3 && (key.contains(label) || label.contains(key))
                    && key.length() <= label.length() + 12) {
                return true;
            }
        }
        // "Historische Wehranlage in Horka e.V" on wehranlage-horka.de: every word of the host, in a short name
        if (!hostWords.isEmpty() && SPACES.split(s).length <= 7) {
            String lower = " " + NOT_WORD.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)).replaceAll(" ");
            for (List<String> words : hostWords) {
                if (words.stream().allMatch(w -> lower.contains(" " + w))) return true;
            }
        }
        return false;
    }

    /** Whether a text is nothing but one of the site's names (not a name with other words around it). */
    boolean isExactly(String text) {
        String s = text.strip();
        if (DOMAIN.matcher(s).matches()) return true;
        String key = key(s);
        return !key.isEmpty() && (names.contains(key) || hostLabels.contains(key));
    }

    /** Lower-cased letters and digits only, accents removed, so spelling variants of a name compare equal. */
    static String key(String s) {
        String k = Agreement.key(s);
        return k.startsWith("the") && k.length() > 6 ? k.substring(3) : k;
    }

    Set<String> names() {
        return new LinkedHashSet<>(names);
    }
}
