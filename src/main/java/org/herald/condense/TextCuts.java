package org.herald.condense;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where text may be cut without breaking what a reader sees as one character (an emoji ZWJ sequence, a
 * flag, a letter with its accents, a surrogate pair) or, preferably, a word. Shared by summaries and tweets.
 */
public final class TextCuts {
    // \X is an extended grapheme cluster, emoji sequences included
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private TextCuts() {
    }

    /** Every index at which a grapheme cluster ends, ascending; the last is the text's length. */
    public static int[] graphemeEnds(String text) {
        Matcher m = GRAPHEME.matcher(text);
        int[] ends = new int[Math.max(1, text.length())];
        int count = 0;
        while (m.find()) ends[count++] = m.end();
        int[] out = new int[count];
        System.arraycopy(ends, 0, out, 0, count);
        return out;
    }

    /** The last grapheme boundary at or before {@code at}. */
    public static int graphemeBoundaryAtOrBefore(String text, int at) {
        int best = 0;
        for (int end : graphemeEnds(text)) {
            if (end > at) break;
            best = end;
        }
        return best;
    }

    /**
     * Indexes where a shortened text may end: after a word and before the space or punctuation that
     * follows it. Scripts written without spaces (Chinese, Japanese, Thai) get the dictionary word breaks
     * of {@link BreakIterator}; every index returned is also a grapheme boundary.
     */
    public static List<Integer> wordEnds(String text, Locale locale) {
        int[] graphemes = graphemeEnds(text);
        java.util.BitSet isGrapheme = new java.util.BitSet(text.length() + 1);
        for (int g : graphemes) isGrapheme.set(g);
        BreakIterator words = Breaks.words(locale);
        words.setText(text);
        List<Integer> ends = new ArrayList<>();
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (!isGrapheme.get(end)) continue;
            int cp = text.codePointBefore(end);
            if (Character.isLetterOrDigit(cp) || isClosingMark(cp) || isEmojiLike(cp)) {
                if (end == text.length() || !joinsWord(text.codePointAt(end))) ends.add(end);
            }
        }
        return ends;
    }

    private static boolean isClosingMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || cp == '"' || cp == '\'' || cp == '?' || cp == '!' || cp == '.' || cp == '%';
    }

    private static boolean isEmojiLike(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.FORMAT || cp == 0xFE0F;
    }

    /** A word continues through an apostrophe or hyphen followed by a letter ("don't", "Syrian-Israeli"). */
    private static boolean joinsWord(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }
}
