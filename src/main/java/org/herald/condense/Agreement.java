package org.herald.condense;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How far two pieces of headline evidence agree: the same headline (differing only in case, quotes, punctuation
 * or spacing), sharing words, or nothing in common. Scripts written without spaces compare by character pairs.
 */
final class Agreement {
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "that", "this", "der", "die",
            "das", "und", "les", "des", "une", "del", "los", "las", "con", "por", "para", "que", "von", "mit", "dem",
            "den", "ein", "eine", "sur", "dans", "pour", "est", "how", "why", "what", "are", "was", "you", "your");

    private Agreement() {
    }

    /** Letters and digits only, lower-cased and without accents: "‘The Medium’" and "'the medium'" compare equal. */
    static String key(String s) {
        String[] recent = RECENT_KEYS.get();
        int slot = (s.hashCode() & (KEY_SLOTS - 1)) << 1;
        String seen = recent[slot];
        if (seen != null && (seen == s || seen.equals(s))) return recent[slot + 1];
        String key = isAscii(s) ? asciiKey(s) : decomposedKey(s);
        recent[slot] = s;
        recent[slot + 1] = key;
        return key;
    }

    /**
     * The keys of the texts this thread keyed last, by hash: a page's few titles, headings and descriptions are
     * keyed again and again while a headline is chosen and rated (about 8 % of condensing went on it, most of that
     * on decomposing non-ASCII text once more). A key depends on its text alone, so a remembered one is the same.
     */
    private static final int KEY_SLOTS = 64;
    private static final ThreadLocal<String[]> RECENT_KEYS = ThreadLocal.withInitial(() -> new String[KEY_SLOTS * 2]);

    private static String decomposedKey(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** {@link #key} of ASCII text, which decomposition leaves as it is: its letters and digits, lower-cased. */
    private static String asciiKey(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') out.append(c);
            else if (c >= 'A' && c <= 'Z') out.append((char) (c + ('a' - 'A')));
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    static boolean same(String a, String b) {
        String ka = key(a);
        return !ka.isEmpty() && ka.equals(key(b));
    }

    /**
     * The same headline lightly edited: most words shared both ways, the difference inside it ("15 Tips" / "15
     * Helpful Tips"). One that merely adds words at an end does not count: that is a site or section name left on.
     */
    static boolean nearly(String a, String b) {
        String ka = key(a);
        String kb = key(b);
        if (ka.isEmpty() || kb.isEmpty() || ka.startsWith(kb) || kb.startsWith(ka) || ka.endsWith(kb) || kb.endsWith(ka)) {
            return false;
        }
        return overlap(a, b) >= 0.75 && overlap(b, a) >= 0.75;
    }

    /** Whether the two share at least one content word (or, without spaces, a pair of characters). */
    static boolean shareWords(String a, String b) {
        Set<String> wa = words(a);
        if (wa.isEmpty()) return false;
        for (String w : words(b)) if (wa.contains(w)) return true;
        return false;
    }

    /** Share of {@code a}'s content words that {@code b} also has, 0 to 1. */
    static double overlap(String a, String b) {
        Set<String> wa = words(a);
        if (wa.isEmpty()) return 0;
        Set<String> wb = words(b);
        int common = 0;
        for (String w : wa) if (wb.contains(w)) common++;
        return (double) common / wa.size();
    }

    /** {@link #overlap(String, String)} of word sets already made. */
    static double overlap(Set<String> wa, Set<String> wb) {
        if (wa.isEmpty()) return 0;
        int common = 0;
        for (String w : wa) if (wb.contains(w)) common++;
        return (double) common / wa.size();
    }

    static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        String n = (isAscii(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFKD)).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        int prevDense = -1;
        for (int i = 0; i <= n.length(); ) {
            int cp = i < n.length() ? n.codePointAt(i) : ' ';
            i += i < n.length() ? Character.charCount(cp) : 1;
            if (isDense(cp)) {
                flush(word, out);
                if (prevDense >= 0) out.add(new String(Character.toChars(prevDense)) + new String(Character.toChars(cp)));
                prevDense = cp;
                continue;
            }
            prevDense = -1;
            if (Character.isLetterOrDigit(cp)) word.appendCodePoint(cp);
            else if (Character.getType(cp) != Character.NON_SPACING_MARK) flush(word, out);
        }
        return out;
    }

    private static void flush(StringBuilder word, Set<String> out) {
        if (word.length() >= 3 && !STOP.contains(word.toString()) || word.length() >= 1 && Character.isDigit(word.charAt(0))) {
            out.add(word.toString());
        }
        word.setLength(0);
    }

    /** Han, kana, Hangul syllables and Thai: no spaces between words. */
    private static boolean isDense(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }
}
