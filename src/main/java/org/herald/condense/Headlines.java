package org.herald.condense;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a story's own headline from the page's evidence, best first (og:title, twitter:title, JSON-LD
 * headline, the article's {@code <h1>}, {@code <title>}), and removes the site name that titles carry
 * ({@code Story | Site}, {@code Site - Story}) while keeping the headline's own colons, dashes and quotes.
 */
final class Headlines {
    /**
     * Separators between a headline and a site or section name. Pipes and their kin almost never occur in a
     * headline; dashes and colons often do, so they only split off a part that is known to name the site.
     */
    private static final Pattern SEPARATOR = Pattern.compile(
            "\\s+(?:\\||::|»|«|·|•|‹|›|—|–|-|~|/|:)\\s+"
                    // a bare pipe between quotes or brackets is quoted text ("Why “|” …"), not a separator
                    + "|(?<![“\"'‘«(\\[])\\s*[|｜]\\s*(?![”\"'’»)\\]])"
                    + "|(?<=[^\\x00-\\x7F])\\s?[_＿]\\s?|\\s?[_＿]\\s?(?=[^\\x00-\\x7F])|\\s+_\\s+"
                    + "|(?<=[^\\x00-\\x7F])[-–—](?=[^\\x00-\\x7F])"
                    + "|(?<=\\S):\\s+|\\s*：\\s*");
    private static final Pattern CREDIT = Pattern.compile("\\s*[（(\\[【][^）)\\]】]{1,24}[）)\\]】]\\s*");
    // "live" is missing on purpose: "Live - Election night" is how live blogs title themselves
    private static final Set<String> SECTION_WORDS = Set.of("news", "local", "world", "politics", "business", "sport",
            "sports", "opinion", "entertainment", "health", "tech", "technology", "science", "culture", "lifestyle", "weather",
            "national", "international", "economy", "markets", "money", "travel", "breaking", "latest", "top", "stories",
            "region", "regional", "metro", "nation", "us", "uk", "europe", "asia", "africa", "americas", "middle", "east");
    private static final Set<String> GENERIC = Set.of("home", "homepage", "home page", "news", "latest news",
            "untitled", "index", "article", "error", "404", "page not found", "not found", "menu", "search",
            "breaking news", "top stories", "startseite", "accueil", "inicio", "الرئيسية", "首页", "ホーム");

    private Headlines() {
    }

    /** One separator-delimited part of a title, with the separator that came before it. */
    private record Part(String separator, String text) {
        boolean afterStrongSeparator() {
            String s = separator.strip();
            return !s.isEmpty() && !s.equals("-") && !s.equals("–") && !s.equals("—") && !s.equals(":")
                    && !s.equals("：") && !s.equals("/") && !s.equals("~");
        }

        boolean afterSpacedDash() {
            String s = separator.strip();
            return (s.equals("-") || s.equals("–") || s.equals("—")) && separator.length() > 1;
        }

        String separatorKind() {
            return separator.strip();
        }
    }

    /** A raw candidate and where it came from. */
    record Candidate(String text, boolean isTitleTag) {
    }

    static Optional<String> choose(List<Candidate> candidates, List<String> corroborators, SiteNames site) {
        List<String> others = new ArrayList<>();
        for (String c : corroborators) {
            String cleaned = Text.clean(c);
            if (!cleaned.isEmpty() && !others.contains(cleaned)) others.add(cleaned);
        }
        List<String> stripped = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String text = Text.clean(candidate.text());
            if (text.isEmpty()) continue;
            String headline = stripSite(text, others, site, candidate.isTitleTag());
            if (isUsable(headline, site)) stripped.add(headline);
        }
        if (stripped.isEmpty()) return Optional.empty();
        String best = stripped.get(0);
        // Sharing titles are sometimes cut short with an ellipsis; a fuller form elsewhere on the page wins.
        if (best.endsWith("...") || best.endsWith("…")) {
            String stem = best.replaceAll("(\\.\\.\\.|…)$", "").strip();
            for (String other : stripped) {
                if (other.length() > stem.length() && other.startsWith(stem) && !other.endsWith("…") && !other.endsWith("...")) {
                    return Optional.of(other);
                }
            }
        }
        return Optional.of(best);
    }

    /** Removes site and section names from a title, keeping the story's own words exactly. */
    static String stripSite(String title, List<String> others, SiteNames site, boolean isTitleTag) {
        List<String> evidence = new ArrayList<>();
        for (String other : others) if (!site.matches(other)) evidence.add(other);
        String stripped = stripParts(title, evidence, site, isTitleTag);
        return withoutCredit(stripped, evidence);
    }

    /**
     * Aggregators append the source agency in brackets ("…調査（共同通信）", "… (AFP)"); when the page's own
     * heading is the title without it, the bracket is a credit, not part of the headline.
     */
    private static String withoutCredit(String title, List<String> evidence) {
        for (String other : evidence) {
            if (other.length() < title.length() && title.startsWith(other)
                    && CREDIT.matcher(title.substring(other.length())).matches()) {
                return other;
            }
        }
        return title;
    }

    private static String stripParts(String title, List<String> others, SiteNames site, boolean isTitleTag) {
        List<Part> parts = split(title);
        if (parts.size() == 1) return title;
        Optional<String> confirmed = confirmedBy(parts, others);
        if (confirmed.isPresent()) return confirmed.get();

        int first = 0;
        int last = parts.size() - 1;
        boolean removed = false;
        while (last > first && site.matches(parts.get(last).text())) {
            String kind = parts.get(last).separatorKind();
            last--;
            removed = true;
            // "Headline : Section : Sub-section : Site" — the labels before the site name go with it
            while (last > first && parts.get(last).separatorKind().equals(kind) && isShortLabel(parts.get(last).text())
                    && words(parts.get(last).text()) <= 3 && words(join(parts, first, last - 1)) >= 3) {
                last--;
            }
        }
        while (last > first && site.matches(parts.get(first).text()) && !isColonAfter(parts, first)) {
            first++;
            removed = true;
        }
        // "Site: Story" is a common prefix form; a colon after a known site name ends the prefix.
        while (last > first && isColonAfter(parts, first) && site.matches(parts.get(first).text())) {
            first++;
            removed = true;
        }
        if (!removed) {
            // No part names the site. Parts after a pipe-like separator are still site or section names when
            // they are short; after a spaced dash, only in the <title>, which carries a site name far more often.
            while (last > first && isShortLabel(parts.get(last).text())
                    && (parts.get(last).afterStrongSeparator() || isTitleTag && parts.get(last).afterSpacedDash())
                    && words(join(parts, first, last - 1)) >= 3) {
                last--;
            }
            while (last > first && parts.get(first + 1).afterStrongSeparator() && isShortLabel(parts.get(first).text())
                    && words(join(parts, first + 1, last)) >= 3) {
                first++;
            }
        }
        // a section label left in front ("Site - Local News - Story", "World – Story")
        while (last > first && (parts.get(first + 1).afterSpacedDash() || parts.get(first + 1).afterStrongSeparator())
                && isSectionName(parts.get(first).text()) && words(join(parts, first + 1, last)) >= 3) {
            first++;
        }
        return join(parts, first, last);
    }

    private static boolean isColonAfter(List<Part> parts, int index) {
        if (index + 1 >= parts.size()) return false;
        String s = parts.get(index + 1).separator().strip();
        return s.equals(":") || s.equals("：");
    }

    /** Another piece of evidence equal to a run of whole parts of the title (a spaced dash or stronger apart). */
    private static Optional<String> confirmedBy(List<Part> parts, List<String> others) {
        String best = null;
        for (int from = 0; from < parts.size(); from++) {
            for (int to = from; to < parts.size(); to++) {
                if (from == 0 && to == parts.size() - 1) continue;
                boolean cleanCut = (from == 0 || parts.get(from).afterStrongSeparator() || parts.get(from).afterSpacedDash())
                        && (to == parts.size() - 1 || parts.get(to + 1).afterStrongSeparator() || parts.get(to + 1).afterSpacedDash());
                if (!cleanCut) continue;
                String run = join(parts, from, to);
                for (String other : others) {
                    if (other.equals(run) && (best == null || run.length() > best.length())) best = run;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Part> split(String title) {
        List<Part> parts = new ArrayList<>();
        Matcher m = SEPARATOR.matcher(title);
        int start = 0;
        String separator = "";
        while (m.find()) {
            if (m.start() == 0 || m.end() == title.length()) continue;
            String text = title.substring(start, m.start());
            if (text.isBlank()) continue;
            parts.add(new Part(separator, text));
            separator = m.group();
            start = m.end();
        }
        parts.add(new Part(separator, title.substring(start)));
        return parts;
    }

    private static String join(List<Part> parts, int from, int to) {
        StringBuilder out = new StringBuilder(parts.get(from).text());
        for (int i = from + 1; i <= to; i++) out.append(parts.get(i).separator()).append(parts.get(i).text());
        return out.toString().strip();
    }

    /** A leading part made only of section words ("Local News - …", "World – …"): a label, not the story. */
    private static boolean isSectionName(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).strip().split("\\s+");
        if (words.length > 3) return false;
        for (String word : words) if (!SECTION_WORDS.contains(word)) return false;
        return true;
    }

    private static boolean isShortLabel(String text) {
        int cjk = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) >= 0x2E80) cjk++;
        if (cjk > text.length() / 2) return text.length() <= 10;
        return words(text) <= 4 && text.length() <= 40;
    }

    private static int words(String text) {
        String t = text.strip();
        if (t.isEmpty()) return 0;
        int cjk = 0;
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) >= 0x2E80) cjk++;
        int spaced = t.split("\\s+").length;
        // scripts written without spaces: count roughly two characters a word
        return Math.max(spaced, cjk / 2);
    }

    private static boolean isUsable(String headline, SiteNames site) {
        if (headline.isBlank()) return false;
        if (GENERIC.contains(headline.toLowerCase(Locale.ROOT))) return false;
        if (headline.codePoints().noneMatch(Character::isLetterOrDigit)) return false;
        return !(site.matches(headline) && words(headline) <= 4);
    }
}
