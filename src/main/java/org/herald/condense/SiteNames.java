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
    private static final Pattern BY = Pattern.compile("(?i)^(?:by|von|par|por|di)\\s+");
    private static final Pattern AUTHOR_JOINS = Pattern.compile("\\s*(?:,|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b)\\s*");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Set<String> HOST_NOISE = Set.of("www", "m", "amp", "mobile", "news", "edition", "en",
            "ar", "com", "net", "org", "co", "uk", "gov", "info", "online", "tv", "de", "fr", "es", "it", "ru",
            "jp", "cn", "kr", "th", "ae", "sa", "eg", "au", "ca", "in", "io", "br", "mx", "nl", "pl", "pt", "tr");
    private static final Pattern IP = Pattern.compile("^[0-9.]+$|^\\[?[0-9a-fA-F:]+\\]?$");
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "ac", "or", "ne", "go", "edu");
    private static final Pattern DOMAIN = Pattern.compile("(?i)^(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}$");

    private final List<String> names = new ArrayList<>();
    private final List<String> hostLabels = new ArrayList<>();
    /** Two-letter host labels ("dw" of dw.com, "ft" of ft.com): a site name only when a segment is exactly one. */
    private final List<String> shortHostLabels = new ArrayList<>();
    /** The label each host was registered under ("wsj" of stream.wsj.com), to tell the page's own domain. */
    private final List<String> registeredLabels = new ArrayList<>();
    /** Hyphenated host labels split into their words: "wehranlage-horka" gives [wehranlage, horka]. */
    private final List<List<String>> hostWords = new ArrayList<>();

    /** The story's authors as the page's metas name them, whole and one by one: only ever matched exactly. */
    private final List<String> bylines = new ArrayList<>();

    private final java.util.Map<String, Boolean> answers = new java.util.HashMap<>();

    /** "Maggie Haberman and Shira Toeplitz" gives the whole and each name; "By …" loses its "By". */
    void addByline(String authors) {
        String whole = BY.matcher(authors.strip()).replaceFirst("");
        addBylineKey(whole);
        for (String one : AUTHOR_JOINS.split(whole)) addBylineKey(one);
    }

    private void addBylineKey(String name) {
        String key = key(name);
        // a name of two words at least: "Kim" alone may be a word of a headline
        if (key.length() >= 6 && SPACES.split(name.strip()).length >= 2 && !bylines.contains(key)) bylines.add(key);
    }

    /** Whether a title's part is exactly the story's byline ("Maggie Haberman and Shira Toeplitz", "By Jo Bloggs"). */
    boolean isByline(String part) {
        if (bylines.isEmpty()) return false;
        String key = key(BY.matcher(part.strip()).replaceFirst(""));
        return !key.isEmpty() && bylines.contains(key);
    }

    /** Whether the text's letters end with a byline's, the cheap test before its parts are looked at. */
    boolean mayEndWithByline(String text) {
        if (bylines.isEmpty()) return false;
        String key = key(text);
        for (String b : bylines) if (key.length() > b.length() && key.endsWith(b)) return true;
        return false;
    }

    void addName(String name) {
        answers.clear();
        String key = key(name);
        if (key.length() >= 2 && !names.contains(key)) names.add(key);
    }

    void addHost(URI uri) {
        answers.clear();
        String host = uri.getHost();
        if (host == null) return;
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        if (IP.matcher(host).matches()) return;
        String registered = registeredLabel(labels);
        if (!registered.isEmpty() && !registeredLabels.contains(registered)) registeredLabels.add(registered);
        // "dw" of dw.com or www.dw.com; not "me" of x.me.uk, whose first label is a name of its own
        boolean bare = labels.length == 2 || labels.length == 3 && HOST_NOISE.contains(labels[0]);
        if (bare && registered.length() == 2 && !shortHostLabels.contains(registered)) shortHostLabels.add(registered);
        for (String label : labels) {
            if (label.length() >= 3 && !HOST_NOISE.contains(label) && !hostLabels.contains(label)) {
                hostLabels.add(label.replace("-", ""));
                List<String> words = new ArrayList<>();
                for (String w : label.split("-")) if (w.length() >= 4) words.add(w);
                if (words.size() >= 2 && !hostWords.contains(words)) hostWords.add(words);
            }
        }
    }

    /** The name the host was registered under: "dw" of www.dw.com, "bbc" of news.bbc.co.uk. */
    private static String registeredLabel(String[] labels) {
        int last = labels.length - 2;
        if (last > 0 && SECOND_LEVEL.contains(labels[last])) last--;
        return last >= 0 ? labels[last] : "";
    }

    boolean isEmpty() {
        return names.isEmpty() && hostLabels.isEmpty() && shortHostLabels.isEmpty();
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
        if (DOMAIN.matcher(s).matches()) return isOwnDomain(s);
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
        if (shortHostLabels.contains(key)) return true;
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
        if (DOMAIN.matcher(s).matches()) return isOwnDomain(s);
        String key = key(s);
        return !key.isEmpty() && (names.contains(key) || hostLabels.contains(key) || shortHostLabels.contains(key));
    }

    /**
     * A domain names the site when it is the page's own ("Story - Example.com" on www.example.com) or the page's host
     * is not known; another site's domain is what the story is about ("BGH: marions-kochbuch.de" on rechtambild.de).
     */
    private boolean isOwnDomain(String domain) {
        if (registeredLabels.isEmpty()) return true;
        if (names.contains(key(domain))) return true;
        String registered = registeredLabel(domain.toLowerCase(Locale.ROOT).split("\\."));
        return registeredLabels.contains(registered) || names.contains(registered);
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
