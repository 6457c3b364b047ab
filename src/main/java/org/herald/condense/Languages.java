package org.herald.condense;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A story's language and reading direction. A page's declared language is kept unless the headline's own
 * script contradicts it (templates often say {@code lang="en"} on Arabic pages); direction follows the
 * headline's first strong character, which is also how X and Facebook lay the post out.
 */
final class Languages {
    private static final Set<String> RTL = Set.of("ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb");
    private static final Map<String, String[]> STOPWORDS = Map.of(
            "en", new String[]{"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "will"},
            "fr", new String[]{"le", "la", "les", "des", "et", "est", "une", "dans", "pour", "du", "que", "sur"},
            "de", new String[]{"der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "den", "von", "auf"},
            "es", new String[]{"el", "los", "las", "del", "y", "una", "por", "con", "para", "que", "se", "en"},
            "it", new String[]{"il", "della", "che", "di", "una", "per", "non", "sono", "gli", "nel", "con", "è"},
            "pt", new String[]{"o", "os", "da", "do", "das", "dos", "uma", "não", "com", "para", "em", "que"},
            "nl", new String[]{"de", "het", "een", "van", "en", "niet", "dat", "zijn", "voor", "met", "op", "is"});

    private Languages() {
    }

    /** BCP 47 tag for the story: declared (normalised) unless the text's script says otherwise; "und" if unknown. */
    static String language(Optional<String> declared, String headline, String body) {
        Optional<String> normalized = declared.map(Languages::normalize).filter(t -> !t.equals("und"));
        Optional<String> byScript = byScript(headline.isBlank() ? body : headline);
        if (byScript.isPresent()) {
            String script = byScript.get();
            if (normalized.isPresent() && sameFamily(primary(normalized.get()), script)) return normalized.get();
            if (!script.equals("latin")) return script;
            if (normalized.isPresent()) return normalized.get();
            return byStopwords(headline + " " + body).orElse("und");
        }
        return normalized.orElse("und");
    }

    static Direction direction(String headline, Optional<String> declaredDir, String lang) {
        for (int i = 0; i < headline.length(); ) {
            int cp = headline.codePointAt(i);
            i += Character.charCount(cp);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) return Direction.LTR;
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return Direction.RTL;
            }
        }
        if (declaredDir.isPresent()) return declaredDir.get().equals("rtl") ? Direction.RTL : Direction.LTR;
        return RTL.contains(primary(lang)) ? Direction.RTL : Direction.LTR;
    }

    static String normalize(String tag) {
        String t = tag.strip().replace('_', '-');
        if (t.isEmpty()) return "und";
        String normalized = Locale.forLanguageTag(t).toLanguageTag();
        return normalized.isEmpty() ? "und" : normalized;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** Whether a declared language is written in the script found ("fa" and "ur" are Arabic script, too). */
    private static boolean sameFamily(String declared, String script) {
        return switch (script) {
            case "ar" -> Set.of("ar", "fa", "ur", "ps", "sd", "ug", "ckb", "ku").contains(declared);
            case "he" -> declared.equals("he") || declared.equals("iw") || declared.equals("yi");
            case "zh" -> declared.equals("zh") || declared.equals("ja") || declared.equals("yue");
            case "ja" -> declared.equals("ja");
            case "ko" -> declared.equals("ko");
            case "th" -> declared.equals("th");
            case "ru" -> Set.of("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg").contains(declared);
            case "el" -> declared.equals("el");
            case "hi" -> Set.of("hi", "mr", "ne", "sa").contains(declared);
            case "latin" -> !Set.of("ar", "fa", "ur", "he", "zh", "ja", "ko", "th", "ru", "uk", "el", "hi").contains(declared);
            default -> false;
        };
    }

    /** The language a script most likely means, or "latin" when the script alone cannot tell. */
    private static Optional<String> byScript(String text) {
        int latin = 0, arabic = 0, hebrew = 0, han = 0, kana = 0, hangul = 0, thai = 0, cyrillic = 0, greek = 0, devanagari = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            switch (Character.UnicodeScript.of(cp)) {
                case LATIN -> latin++;
                case ARABIC -> arabic++;
                case HEBREW -> hebrew++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case THAI -> thai++;
                case CYRILLIC -> cyrillic++;
                case GREEK -> greek++;
                case DEVANAGARI -> devanagari++;
                default -> { }
            }
        }
        if (kana > 0 && kana + han > latin) return Optional.of("ja");
        int[] counts = {arabic, hebrew, han, hangul, thai, cyrillic, greek, devanagari, latin};
        String[] names = {"ar", "he", "zh", "ko", "th", "ru", "el", "hi", "latin"};
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) best = k;
        }
        return best < 0 ? Optional.empty() : Optional.of(names[best]);
    }

    /** The languages in a fixed order, and for each stop word the set of them it belongs to (bit k: language k). */
    private static final String[] STOPWORD_LANGUAGES = STOPWORDS.keySet().stream().sorted().toArray(String[]::new);
    private static final Map<String, Integer> STOPWORD_BITS = stopwordBits();

    private static Map<String, Integer> stopwordBits() {
        Map<String, Integer> bits = new java.util.HashMap<>();
        for (int k = 0; k < STOPWORD_LANGUAGES.length; k++) {
            for (String word : STOPWORDS.get(STOPWORD_LANGUAGES[k])) bits.merge(word, 1 << k, (a, b) -> a | b);
        }
        return Map.copyOf(bits);
    }

    private static final int LONGEST_STOPWORD = STOPWORD_BITS.keySet().stream().mapToInt(String::length).max().orElse(0);

    /**
     * The text's runs of letters, lower-cased: what splitting at every non-letter gives, less the runs longer than
     * {@code maxLength} (no stop word is that long, and most words of a paragraph are).
     */
    private static List<String> letterRuns(String text, int maxLength) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
            boolean letter = i < lower.length() && Character.isLetter(cp);
            if (letter && start < 0) start = i;
            if (!letter && start >= 0) {
                if (i - start <= maxLength) words.add(lower.substring(start, i));
                start = -1;
            }
            i += i < lower.length() ? Character.charCount(cp) : 1;
        }
        return words;
    }

    private static Optional<String> byStopwords(String text) {
        // one look-up per word, not one per word and language: the scores are the same
        int[] scores = new int[STOPWORD_LANGUAGES.length];
        for (String w : letterRuns(text, LONGEST_STOPWORD)) {
            Integer bits = STOPWORD_BITS.get(w);
            if (bits == null) continue;
            for (int k = 0; k < scores.length; k++) if ((bits & 1 << k) != 0) scores[k]++;
        }
        String best = null;
        int bestScore = 2;
        for (int k = 0; k < scores.length; k++) {
            String language = STOPWORD_LANGUAGES[k];
            if (scores[k] > bestScore || scores[k] == bestScore && best != null && language.compareTo(best) < 0) {
                best = language;
                bestScore = scores[k];
            }
        }
        return Optional.ofNullable(best);
    }
}
