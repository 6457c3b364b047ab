package org.herald.condense;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rates a page's headline by how far the page's independent evidence agrees with it: the social title
 * (og:title, or twitter:title without it), the JSON-LD headline, the {@code <h1>} and the {@code <title>},
 * each with site and section names already removed.
 */
final class ConfidenceRating {
    /** A level and the one line that explains it. */
    record Rating(Confidence level, String reason) {
    }

    private ConfidenceRating() {
    }

    /**
     * {@code evidence} holds each source's cleaned text, whether or not it was usable as the headline;
     * {@code chosen} is where the headline came from.
     */
    static Rating rate(String headline, Evidence chosen, Map<Evidence, String> evidence) {
        if (Headlines.isParagraph(headline, List.of())) return new Rating(Confidence.LOW, "headline is a paragraph");
        if (!hasWord(headline)) return new Rating(Confidence.LOW, "headline looks like a code, not words");
        Map<Evidence, String> sources = new EnumMap<>(Evidence.class);
        for (Map.Entry<Evidence, String> e : evidence.entrySet()) {
            if (e.getValue().isBlank()) continue;
            // twitter:title is usually the same CMS field as og:title; it only counts when og:title is missing
            if (e.getKey() == Evidence.TWITTER_TITLE && evidence.containsKey(Evidence.OG_TITLE)) continue;
            if (e.getKey() == Evidence.META && evidence.size() > 1) continue;
            sources.put(e.getKey(), e.getValue());
        }
        List<Evidence> agree = new ArrayList<>();
        List<Evidence> differ = new ArrayList<>();
        List<Evidence> unrelated = new ArrayList<>();
        for (Map.Entry<Evidence, String> e : sources.entrySet()) {
            if (Agreement.same(e.getValue(), headline) || Agreement.nearly(e.getValue(), headline)) agree.add(e.getKey());
            else if (Agreement.shareWords(e.getValue(), headline)) differ.add(e.getKey());
            else unrelated.add(e.getKey());
        }
        if (!agree.contains(chosen) && sources.containsKey(chosen)) agree.add(chosen);
        String h1 = sources.get(Evidence.H1);
        if (agree.size() >= 2) {
            if (h1 != null && unrelated.contains(Evidence.H1)) {
                return new Rating(Confidence.MEDIUM, names(agree) + " agree, but the h1 shares no words with them");
            }
            return new Rating(Confidence.HIGH, names(agree) + " agree");
        }
        if (!unrelated.isEmpty()) {
            return new Rating(Confidence.LOW, "the " + chosen.label() + " shares no words with the " + names(unrelated));
        }
        if (!differ.isEmpty()) {
            return new Rating(Confidence.MEDIUM, "the " + chosen.label() + " and the " + names(differ) + " differ in wording");
        }
        return new Rating(Confidence.MEDIUM, "only the " + chosen.label() + " names the story");
    }

    private static boolean hasWord(String headline) {
        int run = 0;
        for (int i = 0; i < headline.length(); ) {
            int cp = headline.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                if (++run >= 3 || Character.isIdeographic(cp) || cp >= 0x3040) return true;
            } else {
                run = 0;
            }
        }
        return false;
    }

    private static String names(List<Evidence> sources) {
        List<String> labels = sources.stream().map(Evidence::label).toList();
        if (labels.size() == 1) return labels.get(0);
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }
}
