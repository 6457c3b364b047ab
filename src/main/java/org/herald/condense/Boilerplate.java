package org.herald.condense;

import java.util.regex.Pattern;

/** Recognises the promotional and legal lines publishers append to stories ("Follow us on ...", "© 2026 ..."). */
final class Boilerplate {
    private static final Pattern LINE = Pattern.compile("(?iu)^[\\p{Pd}•*·>\\s]*(?:"
            + "for more\\b|for the latest\\b|follow (?:us|\\S+(?: \\S+){0,4} on)\\b|like us on\\b|join us on\\b"
            + "|subscribe\\b|sign up\\b|download (?:our|the)\\b|read more\\b|click here\\b|share this\\b"
            + "|all rights reserved|copyright\\b|©|\\(c\\) \\d{4}|advertisement$|related:|see also:|also read:"
            + "|تابعونا|تابعوا|اشترك|لمزيد من|اقرأ أيضا|اقرأ أيضًا|关注我们|フォロー|구독"
            + "|suivez-nous|abonnez-vous|folgen sie uns|síguenos|seguici|siga-nos)");

    private Boilerplate() {
    }

    static boolean isBoilerplate(String line) {
        return LINE.matcher(line).find();
    }
}
