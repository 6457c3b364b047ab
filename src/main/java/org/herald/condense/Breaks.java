package org.herald.condense;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence and word break iterators, built once per locale and cloned for each use: building one loads and
 * compiles its rules, which cost more than condensing a small page; a clone is cheap and not shared.
 */
final class Breaks {
    private static final Map<Locale, BreakIterator> SENTENCES = new ConcurrentHashMap<>();
    private static final Map<Locale, BreakIterator> WORDS = new ConcurrentHashMap<>();

    private Breaks() {
    }

    static BreakIterator sentences(Locale locale) {
        return (BreakIterator) SENTENCES.computeIfAbsent(locale, BreakIterator::getSentenceInstance).clone();
    }

    static BreakIterator words(Locale locale) {
        return (BreakIterator) WORDS.computeIfAbsent(locale, BreakIterator::getWordInstance).clone();
    }
}
