package org.herald.condense;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
            if ((chosen == Evidence.OG_TITLE || chosen == Evidence.TWITTER_TITLE) && rewordsAgreeingPair(headline, sources)) {
                return new Rating(Confidence.HIGH, "the " + chosen.label() + " rewords the h1 and title, which agree");
            }
            return new Rating(Confidence.MEDIUM, "the " + chosen.label() + " and the " + names(differ) + " differ in wording");
        }
        return new Rating(Confidence.MEDIUM, "only the " + chosen.label() + " names the story");
    }

    /**
     * Lowers a {@code high} rating to {@code medium} when the agreement behind it is weaker than it looks: the
     * sources agree only because the same guessed cut (no site name confirming it) made them agree, and no
     * {@code <h1>} equals what was kept; or the headline ends in a part ("…: список") that a differing
     * {@code <h1>} and the descriptions never say, as a title template's ending does.
     *
     * @param cutByGuess whether the chosen title lost parts nothing on the page names as the site's
     * @param h1         the chosen {@code <h1>}, site and section names removed
     */
    static Rating doubted(Rating rating, String headline, boolean cutByGuess, Optional<String> h1, List<String> descriptions) {
        if (rating.level() != Confidence.HIGH) return rating;
        Optional<String> mark = strayMark(headline);
        if (mark.isPresent()) {
            return new Rating(Confidence.MEDIUM, rating.reason() + ", but the headline carries " + mark.get());
        }
        boolean h1Same = h1.filter(h -> Agreement.same(h, headline)).isPresent();
        if (cutByGuess && !h1Same) {
            return new Rating(Confidence.MEDIUM, rating.reason() + ", but only after cutting off parts nothing on the page "
                    + "names as the site's");
        }
        if (h1.isEmpty() || h1Same || Agreement.nearly(h1.get(), headline)) return rating;
        Optional<String> tail = Headlines.lastPart(headline);
        if (tail.isPresent() && !Agreement.words(tail.get()).isEmpty() && !Agreement.shareWords(tail.get(), h1.get())
                && descriptions.stream().noneMatch(d -> Agreement.shareWords(tail.get(), d))) {
            return new Rating(Confidence.MEDIUM, "the end of the headline (\"" + tail.get()
                    + "\") is in neither the h1 nor the description");
        }
        return rating;
    }

    /**
     * What a headline an editor wrote does not carry, whatever the sources agree on: markup or a template's braces,
     * a backslash left from escaping, an entity left undecoded, a pipe (a site or section name, or a list, left on),
     * or a separator at either end. Quotation marks, guillemets and brackets are left alone, their conventions
     * differing by language ("»Zitat«", „Zitat“, the Greek question mark ";"), except a guillemet that no
     * convention puts there: "» " opening a headline, " «" closing one.
     */
    static Optional<String> strayMark(String headline) {
        if (STRAY.matcher(headline).find()) return Optional.of("markup, braces or a backslash");
        if (headline.contains(" | ") || headline.indexOf('｜') >= 0) return Optional.of("a pipe");
        if (Text.hasEntity(headline)) return Optional.of("an undecoded entity");
        if (EDGE_MARK.matcher(headline).find()) return Optional.of("a separator at its edge");
        return Optional.empty();
    }

    private static final Pattern STRAY = Pattern.compile("[{}\\\\]|<[/!a-zA-Z]");
    private static final Pattern EDGE_MARK =
            Pattern.compile("^[|\\-–—:;,/·•*>~]|[|\\-–—:,/·•*<~]$|^»\\s|\\s«$");

    /**
     * The publisher's social headline written in other words ("Bolt looking for extra motivation" for "Usain Bolt:
     * Gatlin defeat not a worry for Jamaican sprinter") over an {@code <h1>} and a {@code <title>} that agree with
     * each other: three pieces of evidence about one story. Not when it only adds or drops words at an end, which
     * is how a site's or section's name left on looks.
     */
    private static boolean rewordsAgreeingPair(String headline, Map<Evidence, String> sources) {
        String h1 = sources.get(Evidence.H1);
        String title = sources.get(Evidence.TITLE);
        if (h1 == null || title == null || Agreement.words(headline).size() < 3) return false;
        if (!Agreement.same(h1, title) && !Agreement.nearly(h1, title)) return false;
        return Agreement.shareWords(headline, h1) && !atAnEdge(headline, h1) && !atAnEdge(headline, title);
    }

    private static boolean atAnEdge(String a, String b) {
        String ka = Agreement.key(a);
        String kb = Agreement.key(b);
        return ka.startsWith(kb) || kb.startsWith(ka) || ka.endsWith(kb) || kb.endsWith(ka);
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
