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
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_ELLIPSIS = Pattern.compile("(\\.\\.\\.|…)$");
    /**
     * Separators between a headline and a site or section name. Pipes and their kin almost never occur in a
     * headline; dashes and colons often do, so they only split off a part that is known to name the site.
     */
    static final Pattern SEPARATOR = Pattern.compile(
            "\\s+(?:\\||::|»|«|·|•|‹|›|—|–|--|-|~|/|:|―|－|−|¦|⋆|★|☆|●|◆|■|►|▶|▷|<|>|>>|<<|//|\\\\|:::|\\|\\|)\\s+"
                    // a bare pipe between quotes or brackets is quoted text ("Why “|” …"), not a separator
                    + "|(?<![“\"'‘«(\\[])\\s*[|｜]\\s*(?![”\"'’»)\\]])"
                    + "|(?<=[^\\x00-\\x7F])\\s?[_＿]\\s?|\\s?[_＿]\\s?(?=[^\\x00-\\x7F])|\\s+_\\s+"
                    + "|(?<=[^\\x00-\\x7F])(?:--|[-–—―－])(?=[^\\x00-\\x7F])"
                    + "|(?<=\\S):\\s+|\\s*：\\s*"
                    // CJK text often leaves out the space after an ASCII colon: "記事:サイト"
                    + "|(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]):(?=\\S)");
    private static final Pattern STRAY_LEAD = Pattern.compile("\\s*(?:»|›|\\||｜|•|·|–|—|-|~|/)\\s+");
    private static final Pattern STRAY_TRAIL = Pattern.compile("\\s+(?:«|‹|\\||｜|•|·|–|—|-|~|/)\\s*$");
    private static final Pattern CREDIT = Pattern.compile("\\s*[（(\\[【][^）)\\]】]{1,24}[）)\\]】]\\s*");
    // "live" is missing on purpose: "Live - Election night" is how live blogs title themselves
    private static final Set<String> SECTION_WORDS = Set.of("news", "local", "world", "politics", "business", "sport",
            "sports", "opinion", "entertainment", "health", "tech", "technology", "science", "culture", "lifestyle", "weather",
            "national", "international", "economy", "markets", "money", "travel", "breaking", "latest", "top", "stories",
            "region", "regional", "metro", "nation", "us", "uk", "europe", "asia", "africa", "americas", "middle", "east",
            "pacific", "oceania", "latin", "america");
    private static final Pattern SECTION_SPLIT = Pattern.compile("[\\s-]+");
    private static final Set<String> GENERIC = Set.of("home", "homepage", "home page", "news", "latest news",
            "untitled", "index", "article", "error", "404", "page not found", "not found", "menu", "search",
            "breaking news", "top stories", "startseite", "accueil", "inicio", "الرئيسية", "首页", "ホーム",
            // widgets and navigation that pages mark up as headings
            "most popular", "most read", "trending", "trending now", "related", "related articles", "related stories",
            "related posts", "recommended", "recommended for you", "you may also like", "more stories", "more news",
            "read more", "other pages", "latest", "latest stories", "latest articles", "aktuelle artikel",
            "headlines", "latest headlines", "top headlines", "more headlines",
            "weitere artikel", "meistgelesen", "navigation", "main menu", "site navigation", "skip to content",
            "advertisement", "anzeige", "newsletter", "subscribe", "comments", "share", "share this", "login", "sign in",
            // language switches
            "english", "deutsch", "français", "español", "italiano", "português", "русский", "العربية", "中文",
            "日本語", "한국어", "language", "languages", "select language");
    /** Parts of a title that are navigation, not names: "Site » Blog Archive » Story". */
    private static final Set<String> UI_LABELS = Set.of("blog archive", "archive", "archives", "blog", "home",
            "startseite", "accueil", "inicio");
    /** Of those, the ones a title only carries between the site's name and the story. */
    private static final Set<String> ARCHIVE_LABELS = Set.of("blog archive", "archive", "archives");
    /**
     * Words a site's title template adds after every story to say what kind of page it is ("…: новости, фото
     * 2018", "… - News, Photos & Videos"): a part made only of these, with at least two of them or one and a year,
     * is decoration, never the story's own words.
     */
    private static final Set<String> TEMPLATE_WORDS = Set.of("news", "photo", "photos", "video", "videos", "pictures",
            "pics", "images", "gallery", "galleries", "новости", "новость", "фото", "видео", "фотографии", "подробности",
            "nachrichten", "bilder", "fotos", "actualités", "actualites", "vidéos", "vidéo", "noticias", "imágenes",
            "imagenes", "notizie", "foto", "immagini", "notícias", "wiadomości", "zdjęcia", "wideo", "haberler", "haber");
    /** A date standing alone as a title part: "26 Oktober 2010", "Oct. 26, 2010", "2010-10-26", "19.01.2020". */
    private static final Pattern DATE = Pattern.compile("\\d{1,2}\\.?\\s+(\\p{L}{3,12})\\.?,?\\s+(?:19|20)\\d\\d"
            + "|(\\p{L}{3,12})\\.?\\s+\\d{1,2},\\s+(?:19|20)\\d\\d|(?:19|20)\\d\\d-\\d\\d-\\d\\d|\\d{1,2}[./]\\d{1,2}[./](?:19|20)?\\d\\d");
    /** The first three letters of month names in the languages the corpus has most ("okt", "déc", "мая"). */
    private static final Set<String> MONTHS = Set.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec", "mär", "mae", "mai", "okt", "dez", "fév", "fev", "avr", "jui", "aoû", "aou", "déc",
            "ene", "abr", "ago", "dic", "set", "ott", "gen", "giu", "lug", "mag", "out", "mrt", "mei", "sty", "lut",
            "янв", "фев", "мар", "апр", "мая", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    private static final Pattern TOKEN_BREAK = Pattern.compile("[\\s,;]+");
    /** Words that join a template's list: "news and photos", "новости и фото". */
    private static final Set<String> LIST_JOINERS = Set.of("and", "&", "и", "und", "et", "y", "e", "i", "ve", "+");
    /** A URL slug given as a title ("adac-kindersitztest-herbst-2018"). */
    private static final Pattern SLUG = Pattern.compile("[\\p{Ll}\\d]+(?:[-_][\\p{Ll}\\d]+){2,}");
    /** A template's unfilled placeholder left in the markup ("{text}", "{{ title }}", "${headline}", "%TITLE%"). */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$?\\{\\{?\\s*[\\w.:-]+\\s*}}?|\\[\\[\\s*[\\w.:-]+\\s*]]|%[\\w.:-]+%|<%=?\\s*[\\w.:-]+\\s*%>");

    private Headlines() {
    }

    /** One separator-delimited part of a title, with the separator that came before it. */
    record Part(String separator, String text) {
        boolean afterStrongSeparator() {
            String s = separator.strip();
            // '<' and '>' may compare ("Rents > wages"): they separate only as a breadcrumb or before a site's name
            return !s.isEmpty() && !isDash(s) && !s.equals(":") && !s.equals("：") && !s.equals("/") && !s.equals("~")
                    && !s.equals("<") && !s.equals(">");
        }

        boolean afterSpacedDash() {
            return isDash(separator.strip()) && separator.length() > 1;
        }

        private static boolean isDash(String s) {
            return s.equals("-") || s.equals("–") || s.equals("—") || s.equals("--") || s.equals("―") || s.equals("－")
                    || s.equals("−");
        }

        boolean afterSpacedColon() {
            return separator.strip().equals(":") && separator.startsWith(" ");
        }

        String separatorKind() {
            return separator.strip();
        }
    }

    /** A raw candidate and where it came from. */
    record Candidate(String text, Evidence source) {
        boolean isTitleTag() {
            return source == Evidence.TITLE;
        }
    }

    /** A candidate with its site and section names removed. */
    record Cleaned(String text, Evidence source) {
    }

    /**
     * The headline chosen, where it came from, every usable candidate it was chosen among, and whether it had to be
     * cut out of a paragraph-long candidate (its first sentence).
     */
    record Choice(String headline, Evidence source, List<Cleaned> candidates, boolean firstSentence) {
        Choice(String headline, Evidence source, List<Cleaned> candidates) {
            this(headline, source, candidates, false);
        }
    }

    static Optional<String> choose(List<Candidate> candidates, List<String> corroborators, SiteNames site) {
        return choose(candidates, corroborators, site, List.of()).map(Choice::headline);
    }

    /**
     * Picks the first usable candidate, best first. {@code descriptions} are the page's summaries: a candidate
     * that repeats one, or runs past {@value #LONGEST} characters, is a paragraph and loses to any other.
     */
    static Optional<Choice> choose(List<Candidate> candidates, List<String> corroborators, SiteNames site,
                                   List<String> descriptions) {
        List<String> others = new ArrayList<>();
        for (String c : corroborators) {
            String cleaned = Text.clean(c);
            if (!cleaned.isEmpty() && !others.contains(cleaned)) others.add(cleaned);
        }
        return choose(candidates, new Cleaner(others, site), site, descriptions);
    }

    static Optional<Choice> choose(List<Candidate> candidates, Cleaner cleaner, SiteNames site, List<String> descriptions) {
        List<Cleaned> stripped = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String text = Text.clean(candidate.text());
            if (text.isEmpty()) continue;
            String headline = cleaner.strip(text, candidate.isTitleTag());
            if (isUsable(headline, site)) stripped.add(new Cleaned(headline, candidate.source()));
        }
        if (stripped.isEmpty()) return Optional.empty();
        // the first that reads as a headline, else the first that is at least not a paragraph, else the first
        Cleaned best = null;
        Cleaned notParagraph = null;
        for (Cleaned c : stripped) {
            if (isParagraph(c.text(), descriptions)) continue;
            if (notParagraph == null) notParagraph = c;
            if (!isProse(c.text())) {
                best = c;
                break;
            }
        }
        if (best == null) best = notParagraph != null ? notParagraph : stripped.get(0);
        // Sharing titles are sometimes cut short with an ellipsis; a fuller form elsewhere on the page wins.
        if (best.text().endsWith("...") || best.text().endsWith("…")) {
            String stem = TRAILING_ELLIPSIS.matcher(best.text()).replaceAll("").strip();
            for (Cleaned other : stripped) {
                String o = other.text();
                if (o.length() > stem.length() && o.startsWith(stem) && !o.endsWith("…") && !o.endsWith("...")) {
                    return Optional.of(new Choice(o, other.source(), stripped));
                }
            }
        }
        if (best.text().length() > LONGEST) {
            // every candidate is a paragraph (a blog that puts its first paragraph in the title): its first
            // sentence is the nearest thing to a headline the page has
            Optional<String> sentence = firstSentence(best.text());
            if (sentence.isPresent()) return Optional.of(new Choice(sentence.get(), best.source(), stripped, true));
        }
        return Optional.of(new Choice(best.text(), best.source(), stripped));
    }

    private static Optional<String> firstSentence(String text) {
        java.text.BreakIterator sentences = Breaks.sentences(Locale.ROOT);
        sentences.setText(text);
        int end = sentences.next();
        if (end == java.text.BreakIterator.DONE) return Optional.empty();
        String sentence = text.substring(0, end).strip();
        if (sentence.endsWith(".") && !sentence.endsWith("..")) sentence = sentence.substring(0, sentence.length() - 1).strip();
        return sentence.length() >= 20 && sentence.length() <= LONGEST ? Optional.of(sentence) : Optional.empty();
    }

    /** Headlines run to a line or two; past this a candidate is a paragraph or a description. */
    static final int LONGEST = 200;

    /**
     * Twenty words or more ending in a full stop: a sentence of prose (a description or the story's first lines put
     * in og:title), which loses to a candidate that reads as a headline, if there is one.
     */
    static boolean isProse(String text) {
        return isSentenceOf(text, 20);
    }

    /** At least {@code words} words ending in a full stop (not an ellipsis): how prose ends, and few headlines do. */
    static boolean isSentenceOf(String text, int words) {
        String t = text.strip();
        if (t.isEmpty() || t.endsWith("..") || !(t.endsWith(".") || t.endsWith("。"))) return false;
        return SPACES.split(t).length >= words;
    }

    static boolean isParagraph(String text, List<String> descriptions) {
        if (text.length() > LONGEST) return true;
        if (descriptions.isEmpty()) return false;
        // the text's letters once, not once per description
        String key = Agreement.key(text);
        if (key.isEmpty()) return false;
        for (String d : descriptions) if (key.equals(Agreement.key(d)) && Agreement.words(text).size() > 6) return true;
        return false;
    }

    /** Removes site and section names from a title, keeping the story's own words exactly. */
    static String stripSite(String title, List<String> others, SiteNames site, boolean isTitleTag) {
        return new Cleaner(others, site).strip(title, isTitleTag);
    }

    /**
     * Strips site and section names from one page's titles, given the page's other evidence; remembers what it
     * worked out, since a page's titles are looked at several times (to choose, and to rate the choice).
     */
    static final class Cleaner {
        private final List<String> evidence = new ArrayList<>();
        private final SiteNames site;
        private final java.util.Map<String, String> title = new java.util.HashMap<>();
        private final java.util.Map<String, String> other = new java.util.HashMap<>();
        private final List<String> summaries;
        private final java.util.Set<String> guessed = new java.util.HashSet<>();
        private final List<String> subheadings;

        Cleaner(List<String> others, SiteNames site) {
            this(others, site, List.of());
        }

        /** {@code summaries} are the page's descriptions: what the story is about, used to tell its half of a title. */
        Cleaner(List<String> others, SiteNames site, List<String> summaries) {
            this(others, site, summaries, List.of());
        }

        /**
         * {@code subheadings} are the page's {@code <h2>}s (and marked {@code <h3>}s). They do not confirm a cut, since
         * a section's heading may equal a part of the title, but one that says more of the title than a guessed cut
         * kept is the story's own heading: "新竹尖石_美樹營地賞楓 (2)" over the guess "美樹營地賞楓 (2)".
         */
        Cleaner(List<String> others, SiteNames site, List<String> summaries, List<String> subheadings) {
            this.site = site;
            this.summaries = summaries;
            this.subheadings = subheadings;
            for (String o : others) if (!site.matches(o)) evidence.add(o);
        }

        String strip(String text, boolean isTitleTag) {
            return (isTitleTag ? title : other).computeIfAbsent(text, t -> {
                Stripped stripped = stripParts(t, evidence, site, isTitleTag, summaries);
                String kept = stripped.text();
                if (stripped.guessed()) {
                    Optional<String> fuller = fullerHeading(t, kept);
                    if (fuller.isPresent()) kept = fuller.get();
                    else guessed.add(t);
                }
                return withoutRepetition(withoutStrayMarks(withoutCredit(withoutTrailingByline(kept), evidence)));
            });
        }

        /**
         * Drops the last part when it is exactly the byline the author metas give ("2012 map takes unfamiliar shape -
         * Maggie Haberman and Shira Toeplitz"). Only the last part: a columnist's name before the story is how the
         * story ran ("Linda Robertson: Teams' contrasts evident…").
         */
        private String withoutTrailingByline(String kept) {
            if (!site.mayEndWithByline(kept)) return kept;
            List<Part> parts = split(kept);
            if (parts.size() < 2 || !site.isByline(parts.get(parts.size() - 1).text())) return kept;
            String head = join(parts, 0, parts.size() - 2);
            // what is left must still be a story: "Opinion - Jo Bloggs" is a column's label and its writer
            return isStory(head) ? head : kept;
        }

        /** A subheading that the title holds and that holds what a guessed cut kept, with more at one end. */
        private Optional<String> fullerHeading(String title, String kept) {
            if (kept.isEmpty()) return Optional.empty();
            // the scanner keeps subheadings cleaned already
            for (String heading : subheadings) {
                if (heading.length() > kept.length() && title.contains(heading)
                        && (heading.startsWith(kept) || heading.endsWith(kept)) && !site.matches(heading)) {
                    return Optional.of(heading);
                }
            }
            return Optional.empty();
        }

        /**
         * Whether stripping {@code text} cut off parts that nothing on the page names as the site's (no site name,
         * no other evidence equal to what was kept): short parts after separators, taken for a site or section.
         */
        boolean cutByGuess(String text) {
            return guessed.contains(text);
        }
    }

    /**
     * A separator left at either end, with white space after or before it ("» Story", once "Blog » " was cut by the
     * template; "Story |"): no headline starts or ends so. A guillemet that opens or closes a quotation has no
     * space on its inner side ("»Vi er klar«") and stays.
     */
    static String withoutStrayMarks(String text) {
        if (text.length() < 3 || !isStrayMark(text.charAt(0)) && !isStrayMark(text.charAt(text.length() - 1))
                && !Character.isWhitespace(text.charAt(0)) && !Character.isWhitespace(text.charAt(text.length() - 1))) {
            return text;
        }
        Matcher lead = STRAY_LEAD.matcher(text);
        String t = lead.lookingAt() && lead.end() < text.length() ? text.substring(lead.end()) : text;
        Matcher trail = STRAY_TRAIL.matcher(t);
        return trail.find() && trail.start() > 0 ? t.substring(0, trail.start()) : t;
    }

    /**
     * "FDA issues new guidelines for sun safety FDA issues new guidelines for sun safety": a template that printed
     * the headline twice, in the title and the {@code <h1>} alike. An editor posts it once.
     */
    static String withoutRepetition(String text) {
        int n = text.length();
        // over 200 characters the whole is a paragraph, repeated or not, and the paragraph rules judge it
        if (n < 9 || n > 200 || n % 2 == 0 || text.charAt(n / 2) != ' ') return text;
        String first = text.substring(0, n / 2);
        // four words or more: "ole ole ole ole" is a chant, not a headline printed twice
        return first.equals(text.substring(n / 2 + 1)) && first.split(" ").length >= 4 ? first : text;
    }

    private static boolean isStrayMark(char c) {
        return "»›|｜•·–—-~/«‹".indexOf(c) >= 0;
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

    /** A title with its site and section names removed, and whether what was removed was only guessed to be them. */
    private record Stripped(String text, boolean guessed) {
        Stripped(String text) {
            this(text, false);
        }
    }

    private static Stripped stripParts(String title, List<String> others, SiteNames site, boolean isTitleTag,
                                       List<String> summaries) {
        Stripped stripped = stripSeparatedParts(title, others, site, isTitleTag, summaries);
        String bare = withoutSiteAtEdge(stripped.text(), site);
        if (bare == null) {
            String plain = isTitleTag ? withoutBracketedTail(stripped.text()) : null;
            return plain == null ? stripped : new Stripped(plain, true);
        }
        // what stood before the site name may still end in a section ("Story ★ World ★ Site")
        Stripped again = stripParts(bare, others, site, isTitleTag, summaries);
        return new Stripped(again.text(), stripped.guessed() || again.guessed());
    }

    private static Stripped stripSeparatedParts(String title, List<String> others, SiteNames site, boolean isTitleTag,
                                                List<String> summaries) {
        List<Part> parts = split(title);
        if (parts.size() == 1) return new Stripped(title);
        Optional<String> confirmed = confirmedBy(parts, others);
        if (confirmed.isPresent()) return new Stripped(confirmed.get());

        int first = 0;
        int last = parts.size() - 1;
        boolean removed = false;
        // "Story - 26 Oktober 2010 - Blog - Site": a date after the story starts the template's decoration
        for (int k = first + 1; k <= last; k++) {
            if (isDate(parts.get(k).text()) && !parts.get(k).afterSpacedColon()
                    && words(join(parts, k, last)) <= 12) {
                last = k - 1;
                removed = true;
                break;
            }
        }
        // the site's title template ("Story: новости, фото 2018 — site"), wherever the site name stands
        for (int k = last; k > first; k--) {
            if (isTemplateLabel(parts.get(k).text()) && words(join(parts, first, k - 1)) >= 3) {
                while (last >= k) last--;
                removed = true;
                break;
            }
        }
        // "Story » Site - its slogan": the site name after a pipe-like separator takes what follows with it
        for (int k = 1; k < last; k++) {
            if (parts.get(k).afterStrongSeparator() && site.matches(parts.get(k).text())
                    && words(join(parts, k, last)) <= 8 && words(join(parts, 0, k - 1)) >= 2) {
                last = k - 1;
                removed = true;
                break;
            }
        }
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
        if (!removed && isTitleTag && last == first + 1 && parts.get(last).afterSpacedDash()
                && isShortLabel(parts.get(first).text()) && aboutTheStory(parts.get(last).text(), parts.get(first).text(), summaries)) {
            // "Site - Story" with nothing naming the site: the half the page's description talks about is the story
            return new Stripped(parts.get(last).text().strip());
        }
        if (!removed && isList(parts, first, last)) {
            // "Letters: Coddling criminals | Undermining road | Tax dollars | …": three or more short parts after
            // pipes, none of them the site's name, are the headline's own list, not a chain of site and sections
            return new Stripped(join(parts, first, last));
        }
        boolean guessed = false;
        if (!removed) {
            int firstBefore = first;
            int lastBefore = last;
            // No part names the site. Parts after a pipe-like separator are still site or section names when
            // they are short; after a spaced dash, only in the <title>, which carries a site name far more often.
            while (last > first && isShortLabel(parts.get(last).text())
                    && (parts.get(last).afterStrongSeparator() || isTitleTag && parts.get(last).afterSpacedDash()
                    || isTitleTag && parts.get(last).afterSpacedColon() && isCapitalisedName(parts.get(last).text()))
                    && words(join(parts, first, last - 1)) >= 3) {
                last--;
            }
            // the same for a short run after the last pipe-like separator ("Story » SciLogs - Wissenschaftsblogs")
            int strong = last;
            while (strong > first && !parts.get(strong).afterStrongSeparator()) strong--;
            if (strong > first && strong < last && isShortLabel(join(parts, strong, last))
                    && words(join(parts, first, strong - 1)) >= 3) {
                last = strong - 1;
            }
            while (last > first && parts.get(first + 1).afterStrongSeparator() && isShortLabel(parts.get(first).text())
                    && words(join(parts, first + 1, last)) >= 3) {
                first++;
            }
            guessed = first != firstBefore || last != lastBefore;
        }
        // "Story < Section < 기사본문 - Site": a trail of two or more '<' after the story says where it sits on the
        // site (a breadcrumb some Korean newspaper systems put in the title); "Site > Section > Story" runs the
        // other way. One such sign alone may be the story's own comparison ("Rents > wages").
        boolean trailBack = count(parts, "<") >= 2;
        boolean trailOn = count(parts, ">") >= 2;
        for (int k = first + 1; trailBack && k <= last; k++) {
            if (parts.get(k).separatorKind().equals("<") && words(join(parts, first, k - 1)) >= 3) {
                guessed |= !removed;
                last = k - 1;
                break;
            }
        }
        for (int k = last; trailOn && k > first; k--) {
            if (parts.get(k).separatorKind().equals(">") && words(join(parts, k, last)) >= 3) {
                guessed |= !removed;
                first = k;
                break;
            }
        }
        // a section label left in front ("Site - Local News - Story", "World – Story")
        while (last > first && (parts.get(first + 1).afterSpacedDash() || parts.get(first + 1).afterStrongSeparator())
                && (isSectionName(parts.get(first).text()) || isUiLabel(parts.get(first).text()))
                && words(join(parts, first + 1, last)) >= 3) {
            first++;
        }
        return new Stripped(join(parts, first, last), guessed);
    }

    /**
     * The title without a name the page gives as the site's, where that name ends or starts it joined by any run
     * of dashes, symbols or separator marks ("Story ★ Site", "Story ― Site", "Story ::: Site", "Site ▶ Story"), or
     * ends it in brackets ("Story【Site】", "Story ＜Site＞", "Story (Site)"); null when there is none. Only the page's
     * own names are taken off this way, so no glyph has to be known as a separator beforehand. CJK titles may
     * join the name with a bare space ("标题 新华网").
     */
    static String withoutSiteAtEdge(String title, SiteNames site) {
        if (site.isEmpty()) return null;
        String t = title.strip();
        int n = t.length();
        if (n > 0 && isClosingBracket(t.charAt(n - 1))) {
            int open = t.lastIndexOf(openingFor(t.charAt(n - 1)), n - 2);
            if (open > 0) {
                String head = t.substring(0, open).strip();
                if (isStory(head) && site.matches(t.substring(open + 1, n - 1))) return head;
            }
        }
        // from the end backwards, so the shortest tail is tried first
        for (int end = n - 2; end > 0; end--) {
            if (!isJoiner(t.charAt(end)) || isJoiner(t.charAt(end + 1))) continue;
            int start = end;
            while (start > 0 && isJoiner(t.charAt(start - 1))) start--;
            int cut = spacedStart(t, start, end + 1);
            if (start > 0 && isJoinRun(t, start, end + 1)) {
                String head = withoutGluedSeparator(t.substring(0, cut).strip());
                if (isStory(head) && site.matches(t.substring(end + 1))) return head;
            }
            end = start;
        }
        for (int start = 1; start < n; start++) {
            if (!isJoiner(t.charAt(start)) || isJoiner(t.charAt(start - 1))) continue;
            int end = start;
            while (end + 1 < n && isJoiner(t.charAt(end + 1))) end++;
            if (end + 1 >= n || !isJoinRun(t, start, end + 1)) continue;
            String rest = t.substring(spacedEnd(t, start, end + 1)).strip();
            // "Site: Story" and "Site | Story" are the cleaner's own cases; a colon may also end a story's kicker
            String run = t.substring(start, end + 1).strip();
            if (run.equals(":") || run.equals("：")) continue;
            if (isStory(rest) && site.matches(t.substring(0, start))) return rest;
        }
        return null;
    }

    /**
     * A CJK {@code <title>} ending in a name in 【】 or ＜＞ ("欲張りなイヌ ＜福娘童話集＞", "…承認【日本新聞】"): the
     * template's site, section or a label such as 【動画】, even where nothing on the page names the site; null when
     * there is none. 《》 and 〈〉 are left alone: they hold the titles of works, which belong to the headline.
     */
    static String withoutBracketedTail(String title) {
        String t = title.strip();
        int n = t.length();
        if (n < 6) return null;
        char close = t.charAt(n - 1);
        if (close != '】' && close != '＞') return null;
        int open = t.lastIndexOf(close == '】' ? '【' : '＜', n - 2);
        if (open < 4 || n - open > 32) return null;
        String head = t.substring(0, open).strip();
        int wide = 0;
        for (int i = 0; i < head.length(); i++) if (isWideScript(head.charAt(i))) wide++;
        return wide >= 4 && wide * 2 >= head.length() && hasLetterOrDigit(t.substring(open + 1, n - 1)) ? head : null;
    }

    /** What may stand between a story and its site's name: white space, dashes, symbols, bars, colons, slashes, dots. */
    private static boolean isJoiner(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return true;
        switch (Character.getType(c)) {
            case Character.DASH_PUNCTUATION, Character.MATH_SYMBOL, Character.OTHER_SYMBOL:
                return true;
            default:
                // "@" too: blog hosts title a post "Story @ Blog"
                return ":：/\\·•‖¦|｜@".indexOf(c) >= 0;
        }
    }

    /**
     * Whether a run of joiners separates: it holds more than white space (except between CJK characters, which
     * are written without spaces), and it is not a bare hyphen or slash inside a word ("COVID-19", "24/7").
     */
    private static boolean isJoinRun(String t, int start, int end) {
        String run = t.substring(start, end);
        String mark = run.strip();
        if (mark.isEmpty()) return isWideScript(t.charAt(start - 1)) && end < t.length() && isWideScript(t.charAt(end));
        if (mark.length() == run.length() && mark.length() == 1 && "-/".indexOf(mark.charAt(0)) >= 0) {
            return isWideScript(t.charAt(start - 1)) || isWideScript(t.charAt(end));
        }
        return true;
    }

    /**
     * A head whose last word carries the separator the title template glued to it ("… requirements- The Inquirer"):
     * the dash, colon or bar goes with the site's name. A plus or other symbol stays ("OPEC+").
     */
    private static String withoutGluedSeparator(String head) {
        int end = head.length();
        while (end > 0 && "-–—:：|｜/·•@¦‖\\".indexOf(head.charAt(end - 1)) >= 0) end--;
        return end == head.length() ? head : head.substring(0, end).strip();
    }

    /** Where a run's first white space is, or its start: a mark joined to the story's last word stays ("OPEC+ | Site"). */
    private static int spacedStart(String t, int start, int end) {
        for (int i = start; i < end; i++) if (Character.isWhitespace(t.charAt(i)) || Character.isSpaceChar(t.charAt(i))) return i;
        return start;
    }

    /** Just after a run's last white space, or its end: a mark joined to the story's first word stays. */
    private static int spacedEnd(String t, int start, int end) {
        for (int i = end - 1; i >= start; i--) if (Character.isWhitespace(t.charAt(i)) || Character.isSpaceChar(t.charAt(i))) return i + 1;
        return end;
    }

    private static boolean isWideScript(char c) {
        return c >= 0x2E80;
    }

    private static boolean isClosingBracket(char c) {
        return ")]）】》〉＞〕".indexOf(c) >= 0;
    }

    private static char openingFor(char close) {
        return "([（【《〈＜〔".charAt(")]）】》〉＞〕".indexOf(close));
    }

    /** Enough left to be a headline: two words, or four characters of a script written without spaces. */
    private static boolean isStory(String text) {
        return hasLetterOrDigit(text) && (words(text) >= 2 || text.strip().length() >= 4 && isWideScript(text.strip().charAt(0)));
    }

    /** A part made only of a title template's page-kind words and numbers ("новости, фото 2018", "News & Photos"). */
    static boolean isTemplateLabel(String text) {
        if (text.length() > 60) return false;
        String[] tokens = TOKEN_BREAK.split(text.toLowerCase(Locale.ROOT).strip());
        int kinds = 0;
        boolean year = false;
        for (String token : tokens) {
            if (token.isEmpty() || LIST_JOINERS.contains(token)) continue;
            if (TEMPLATE_WORDS.contains(token)) kinds++;
            else if (YEAR.matcher(token).matches()) year = true;
            else return false;
        }
        return kinds >= 2 || kinds == 1 && year;
    }

    private static boolean isDate(String text) {
        String t = text.strip();
        if (t.length() > 24 || t.chars().noneMatch(Character::isDigit)) return false;
        Matcher m = DATE.matcher(t);
        if (!m.matches()) return false;
        String month = m.group(1) != null ? m.group(1) : m.group(2);
        return month == null || MONTHS.contains(month.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    /** The text after a headline's last separator ("… : новости, фото 2018"), if it has one. */
    static Optional<String> lastPart(String headline) {
        List<Part> parts = split(headline);
        return parts.size() < 2 ? Optional.empty() : Optional.of(parts.get(parts.size() - 1).text().strip());
    }

    /** Three or more short parts after pipe-like separators at the end of a title, with no site name among them. */
    private static boolean isList(List<Part> parts, int first, int last) {
        int run = 0;
        for (int k = last; k > first && parts.get(k).afterStrongSeparator() && isShortLabel(parts.get(k).text()); k--) run++;
        return run >= 3;
    }

    /**
     * Whether the page's descriptions are about {@code story} rather than {@code name}: at least half of the
     * story's words recur in them and hardly any of the name's. A one- or two-word trailing part is a site name
     * however often the description repeats it ("… - Courier").
     */
    private static boolean aboutTheStory(String story, String name, List<String> summaries) {
        if (summaries.isEmpty() || words(story) < 3) return false;
        String all = String.join(" ", summaries);
        return Agreement.overlap(story, all) >= 0.5 && Agreement.overlap(name, all) <= 0.25;
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

    /** Whether a part follows a pipe-like separator or a spaced dash: what a site's or section's name would stand after. */
    static boolean hasSeparatedPart(String text) {
        List<Part> parts = split(text);
        for (int k = 1; k < parts.size(); k++) {
            if (parts.get(k).afterStrongSeparator() || parts.get(k).afterSpacedDash()) return true;
        }
        return false;
    }

    static List<Part> split(String title) {
        List<Part> parts = new ArrayList<>();
        if (!hasSeparatorCharacter(title)) {
            parts.add(new Part("", title));
            return parts;
        }
        // Every separator match opens with white space or a separator character, so the search can start just
        // before the next such character instead of trying the whole pattern at every position (the slow part).
        // Transparent bounds keep the look-behinds seeing the text before the search's start.
        Matcher m = SEPARATOR.matcher(title).useTransparentBounds(true).useAnchoringBounds(false);
        int start = 0;
        String separator = "";
        int from = 0;
        // brackets opened since the part's start, counted as the search moves on, and where the last one closes
        int depth = 0;
        int counted = 0;
        int lastClose = lastClosingBracket(title);
        while (true) {
            int next = nextSeparatorCharacter(title, from);
            if (next < 0) break;
            while (next > from && isRegexSpace(title.charAt(next - 1))) next--;
            m.region(next, title.length());
            if (!m.find()) break;
            from = m.end();
            if (m.start() == 0 || m.end() == title.length()) continue;
            String text = title.substring(start, m.start());
            // a separator inside a quotation is the headline's own ("“Yes | No” vote splits the council | Site"), and
            // a guillemet that closes one is no separator ("« Nous ne partirons pas » : …")
            for (; counted < m.start(); counted++) depth = bracketDepth(depth, title.charAt(counted));
            if (opensAQuotation(text) || depth > 0 && lastClose >= m.end()) continue;
            if (text.isBlank()) continue;
            parts.add(new Part(separator, text));
            separator = m.group();
            start = m.end();
            depth = 0;
            counted = start;
        }
        parts.add(new Part(separator, title.substring(start)));
        return parts;
    }

    /** Whether any character that {@link #SEPARATOR} needs occurs at all: most cheaply answered before the regex. */
    private static boolean hasSeparatorCharacter(String s) {
        return nextSeparatorCharacter(s, 0) >= 0;
    }

    /** Index of the first character from {@code from} that every match of {@link #SEPARATOR} holds one of, or -1. */
    private static int nextSeparatorCharacter(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '|', '｜', ':', '：', '-', '–', '—', '»', '«', '·', '•', '‹', '›', '~', '/', '_', '＿',
                        '―', '－', '−', '¦', '⋆', '★', '☆', '●', '◆', '■', '►', '▶', '▷', '<', '>', '\\':
                    return i;
                default:
                    break;
            }
        }
        return -1;
    }

    /** {@code \s} as the separator pattern means it (no Unicode flag). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static int count(List<Part> parts, String separator) {
        int n = 0;
        for (Part part : parts) if (part.separatorKind().equals(separator)) n++;
        return n;
    }

    private static final String OPENING_BRACKETS = "(（[";
    private static final String CLOSING_BRACKETS = ")）]";

    private static int bracketDepth(int depth, char c) {
        if (OPENING_BRACKETS.indexOf(c) >= 0) return depth + 1;
        return CLOSING_BRACKETS.indexOf(c) >= 0 && depth > 0 ? depth - 1 : depth;
    }

    private static int lastClosingBracket(String title) {
        for (int i = title.length() - 1; i >= 0; i--) if (CLOSING_BRACKETS.indexOf(title.charAt(i)) >= 0) return i;
        return -1;
    }

    /**
     * Whether a separator stands inside brackets the title closes after it ("Jam Hsiao (只能想念你 - 蕭敬騰)"): the
     * bracket holds part of the headline, and cutting there would leave it open. {@link #split} keeps the same count
     * as it goes; this plain form is the reference its test compares with.
     */
    static boolean insideBrackets(String before, String title, int after) {
        int depth = 0;
        for (int i = 0; i < before.length(); i++) depth = bracketDepth(depth, before.charAt(i));
        return depth > 0 && lastClosingBracket(title) >= after;
    }

    /** Whether the text leaves a double quotation open: “…, „…, «…, 「…, 『…, or an odd number of '"'. */
    static boolean opensAQuotation(String text) {
        int german = 0, english = 0, closing = 0, guillemets = 0, corners = 0, whiteCorners = 0, straight = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '„' -> german++;
                case '“' -> english++;
                case '”' -> closing++;
                case '«' -> guillemets++;
                case '»' -> guillemets--;
                case '「' -> corners++;
                case '」' -> corners--;
                case '『' -> whiteCorners++;
                case '』' -> whiteCorners--;
                case '"' -> straight++;
                default -> { }
            }
        }
        boolean open = german > 0 ? german > english + closing : english > closing;
        return open || guillemets > 0 || corners > 0 || whiteCorners > 0 || straight % 2 == 1;
    }

    private static String join(List<Part> parts, int from, int to) {
        StringBuilder out = new StringBuilder(parts.get(from).text());
        for (int i = from + 1; i <= to; i++) out.append(parts.get(i).separator()).append(parts.get(i).text());
        return out.toString().strip();
    }

    /** A leading part made only of section words ("Local News - …", "World – …"): a label, not the story. */
    private static boolean isSectionName(String text) {
        // "Asia-pacific", "Middle-East": a region's name hyphenated is still the section's
        String[] words = SECTION_SPLIT.split(text.toLowerCase(Locale.ROOT).strip());
        if (words.length > 3) return false;
        for (String word : words) if (!SECTION_WORDS.contains(word)) return false;
        return true;
    }

    static boolean isUiLabel(String text) {
        return UI_LABELS.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    /** "Accountancy Age", "CityAM": every word starts with a capital or a digit, as names do. */
    private static boolean isCapitalisedName(String text) {
        String[] ws = SPACES.split(text.strip());
        if (ws.length > 3) return false;
        for (String w : ws) {
            int cp = w.codePointAt(0);
            if (!Character.isUpperCase(cp) && !Character.isDigit(cp)) return false;
        }
        return true;
    }

    /**
     * "Site » Blog Archive » Story": a navigation label in the middle of a title means the parts before it
     * are the site's name and its sections.
     */
    static List<String> namesBeforeUiLabel(String title) {
        List<Part> parts = split(Text.clean(title));
        List<String> names = new ArrayList<>();
        for (int k = 1; k < parts.size() - 1; k++) {
            if (ARCHIVE_LABELS.contains(parts.get(k).text().strip().toLowerCase(Locale.ROOT)) && parts.get(k).afterStrongSeparator()) {
                for (int i = 0; i < k; i++) if (isShortLabel(parts.get(i).text())) names.add(parts.get(i).text().strip());
                break;
            }
        }
        return names;
    }

    /**
     * A short name after a title's story that a heading repeats ("Council approves the new bridge | Riverside
     * Gazette" with an {@code <h1>} "Riverside Gazette"; "Story - Politics - Site" with an {@code <h1>} "Politics"): a
     * theme that sets the site's or the section's name as a heading. Agreeing with part of the title does not make
     * that heading the story's; it names the site or section, and comes off the title like a site name. Only a name
     * of at most three words after a first part of five or more, so a heading that repeats a short story after a
     * section stays the story.
     */
    static Optional<String> siteNameInHeadings(String title, List<PageFacts.Heading> headings) {
        if (headings.isEmpty()) return Optional.empty();
        String clean = Text.clean(title);
        boolean shortHeadingInTitle = false;
        for (PageFacts.Heading heading : headings) {
            String name = heading.text().strip();
            if (!name.isEmpty() && isShortLabel(name) && words(name) <= 3 && clean.contains(name)) shortHeadingInTitle = true;
        }
        if (!shortHeadingInTitle) return Optional.empty();
        List<Part> parts = split(clean);
        if (parts.size() < 2 || words(parts.get(0).text()) < 5) return Optional.empty();
        for (int k = 1; k < parts.size(); k++) {
            Part part = parts.get(k);
            String name = part.text().strip();
            if (!(part.afterStrongSeparator() || part.afterSpacedDash()) || !isShortLabel(name) || words(name) > 3) continue;
            for (PageFacts.Heading heading : headings) {
                if (heading.text().strip().equals(name)) return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean isShortLabel(String text) {
        int cjk = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) >= 0x2E80) cjk++;
        if (cjk > text.length() / 2) return text.length() <= 10;
        return words(text) <= 4 && text.length() <= 40;
    }

    /** Roughly how many words the text has: spaced words, or two characters a word in scripts without spaces. */
    static int wordCount(String text) {
        return words(text);
    }

    private static int words(String text) {
        String t = text.strip();
        if (t.isEmpty()) return 0;
        int cjk = 0;
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) >= 0x2E80) cjk++;
        int spaced = 0;
        for (String w : SPACES.split(t)) if (hasLetterOrDigit(w)) spaced++;
        // scripts written without spaces: count roughly two characters a word
        return Math.max(spaced, cjk / 2);
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    static boolean isUsable(String headline, SiteNames site) {
        if (headline.isBlank()) return false;
        if (GENERIC.contains(headline.toLowerCase(Locale.ROOT))) return false;
        if (!hasLetterOrDigit(headline)) return false;
        if (SLUG.matcher(headline).matches() || PLACEHOLDER.matcher(headline).matches()) return false;
        // "DenkanStoos April 2012" on denkanstoos.wordpress.com is a headline; "BBC News" on bbc.co.uk is not
        return !(site.isExactly(headline) || site.matches(headline) && words(headline) <= 2);
    }
}
