package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.source.Article;
import org.herald.source.FeedEntry;
import org.herald.source.PlainText;
import org.herald.source.WebPage;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns any {@link Article} into a {@link Story}: headline, canonical link, summary, language and direction. */
public final class Condenser {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern FEED_TITLE_SEPARATOR = Pattern.compile("\\s[-|–—:]\\s");

    private final CondenseSettings settings;

    /** A line that is nothing but an HTML tag or comment: {@code <script type="text/javascript">}, {@code <!-- -->}. */
    private static final Pattern MARKUP_LINE = Pattern.compile("<[!/?]?[A-Za-z-][^<>]*>");

    public Condenser(CondenseSettings settings) {
        this.settings = settings;
    }

    /**
     * Condenses one article. {@code fallbackLink} is used when the article has no link of its own (plain
     * text, a saved page without canonical URL); it is cleaned like any other link.
     */
    public Condensed condense(Article article, Optional<URI> fallbackLink) {
        if (article instanceof PlainText text) return condenseText(text, fallbackLink);
        if (article instanceof WebPage page) return condensePage(page, fallbackLink);
        return condenseEntry((FeedEntry) article, fallbackLink);
    }

    private Condensed condenseText(PlainText text, Optional<URI> fallbackLink) {
        String headline = Text.clean(text.headline());
        if (headline.length() > Headlines.LONGEST) {
            return new Condensed.Unusable(text.source(), "the text has no headline: its first line is a "
                    + headline.length() + "-character paragraph (put the headline on a line of its own)");
        }
        if (MARKUP_LINE.matcher(headline).matches()) {
            // an HTML page whose opening the reader did not recognise; its first line is a tag, never a headline
            return new Condensed.Unusable(text.source(), "the text has no headline: its first line is markup ("
                    + (headline.length() > 40 ? headline.substring(0, 40) + "…" : headline) + ")");
        }
        List<String> body = withoutFooter(text.body());
        String lead = Summaries.firstSubstantial(body, headline).orElse("");
        return story(text.source(), headline, link(fallbackLink), lead, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                new ConfidenceRating.Rating(Confidence.HIGH, "headline is the text's first line"));
    }

    private Condensed condensePage(WebPage page, Optional<URI> fallbackLink) {
        PageFacts facts = HtmlScanner.scan(page.markup());
        JsonLd.Facts ld = JsonLd.read(facts.jsonLd);

        Optional<URI> base = page.url();
        if (facts.baseHref().isPresent()) {
            Optional<URI> declaredBase = Links.canonical(facts.baseHref().get(), page.url());
            if (declaredBase.isPresent()) base = declaredBase;
        }
        Optional<URI> ogUrl = facts.meta("og:url").flatMap(u -> Links.canonical(u, page.url()));
        Optional<URI> resolveAgainst = base.or(() -> ogUrl);
        Optional<URI> link = chooseLink(List.of(
                () -> facts.canonical().flatMap(c -> Links.canonical(c, resolveAgainst)),
                () -> ogUrl,
                () -> ld.url().flatMap(u -> Links.canonical(u, resolveAgainst)),
                () -> page.url().flatMap(u -> Links.canonical(u.toString(), Optional.empty()))));

        Optional<String> og = facts.meta("og:title").map(Text::clean);
        Optional<String> twitter = facts.meta("twitter:title").map(Text::clean);
        Optional<String> title = facts.title().map(Text::clean).filter(t -> !t.isEmpty());
        List<String> titles = new ArrayList<>();
        og.ifPresent(titles::add);
        twitter.ifPresent(titles::add);
        title.ifPresent(titles::add);

        SiteNames site = new SiteNames();
        for (String key : new String[]{"og:site_name", "application-name", "apple-mobile-web-app-title", "al:android:app_name",
                "al:ios:app_name", "twitter:app:name:iphone", "publisher", "dc.publisher"}) {
            facts.meta(key).map(Text::clean).filter(name -> isSiteName(name, title)).ifPresent(site::addName);
        }
        facts.meta("twitter:site").map(s -> s.replace("@", "")).ifPresent(site::addName);
        ld.siteNames().forEach(name -> site.addName(Text.clean(name)));
        facts.homeLinkHeadings.forEach(site::addName);
        title.ifPresent(t -> Headlines.namesBeforeUiLabel(t).forEach(site::addName));
        title.ifPresent(t -> Headlines.siteNameInHeadings(t, facts.headings).ifPresent(site::addName));
        link.ifPresent(site::addHost);
        page.url().ifPresent(site::addHost);
        for (String key : new String[]{"author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator"}) {
            facts.meta(key).map(Text::clean).filter(a -> !a.contains("://") && a.length() <= 80).ifPresent(site::addByline);
        }

        List<String> corroborators = new ArrayList<>();
        ld.headline().ifPresent(corroborators::add);
        facts.headings.forEach(h -> corroborators.add(h.text()));
        for (String key : new String[]{"title", "headline", "sailthru.title", "parsely-title", "dc.title", "og:title", "twitter:title"}) {
            facts.meta(key).ifPresent(corroborators::add);
        }
        List<String> descriptions = new ArrayList<>();
        for (String key : new String[]{"og:description", "twitter:description", "description"}) {
            facts.meta(key).map(Text::clean).ifPresent(descriptions::add);
        }
        ld.description().map(Text::clean).ifPresent(descriptions::add);
        Headlines.Cleaner cleaner = new Headlines.Cleaner(cleanedEvidence(corroborators), site, descriptions, facts.subheadings);
        Map<Evidence, String> rated = new EnumMap<>(Evidence.class);
        String titleStory = title.map(t -> cleaner.strip(t, true)).orElse("");
        // a social title that is the <title> letter for letter, site name and all, is the template copying one field
        // into the other: cut the same way, the two cannot but agree, so where the cut still leaves a separated part
        // ("… retires from the NFL - NFL News" of "… | FOX Sports") they are one piece of evidence, not two
        String titleKey = og.isPresent() || twitter.isPresent() ? title.map(Agreement::key).orElse("") : "";
        boolean ogCopies = !titleKey.isEmpty() && og.filter(t -> Agreement.key(t).equals(titleKey)).isPresent();
        boolean twitterCopies = !titleKey.isEmpty() && twitter.filter(t -> Agreement.key(t).equals(titleKey)).isPresent();
        // the title's split is only worked out for a copy: most social titles are written apart
        boolean cutLeavesAPart = (ogCopies || twitterCopies) && Headlines.hasSeparatedPart(titleStory);
        og.filter(t -> !(ogCopies && cutLeavesAPart)).ifPresent(t -> rated.put(Evidence.OG_TITLE, cleaner.strip(t, false)));
        twitter.filter(t -> !(twitterCopies && cutLeavesAPart)).ifPresent(t -> rated.put(Evidence.TWITTER_TITLE, cleaner.strip(t, false)));
        title.ifPresent(t -> rated.put(Evidence.TITLE, titleStory));
        boolean titleUsable = !titleStory.isEmpty() && Headlines.isUsable(titleStory, site);
        // an h1 marked as a teaser, or that only links to another page of this site, is that story's ("related",
        // "most read"), not this page's, unless it is the title's own story
        List<URI> own = new ArrayList<>();
        link.ifPresent(own::add);
        ogUrl.ifPresent(own::add);
        page.url().ifPresent(own::add);
        facts.headings.removeIf(h -> (h.teaser() || linksAway(h, own, resolveAgainst)) && !Agreement.same(h.text(), titleStory));

        Optional<String> ldHeadline = articleHeadline(ld, facts, titles, site);
        Optional<PageFacts.Heading> heading = bestHeading(facts, site, titleStory, titles);
        ldHeadline.ifPresent(t -> rated.put(Evidence.JSON_LD, cleaner.strip(Text.clean(t), false)));
        heading.ifPresent(h -> rated.put(Evidence.H1, cleaner.strip(h.text(), false)));

        List<Headlines.Candidate> candidates = new ArrayList<>();
        // a template that fills the social title with the site's name ("DW.COM", "BLOG") names no story
        og.filter(t -> !isSectionLabel(t, titleStory, heading) && !site.isExactly(t))
                .ifPresent(t -> candidates.add(new Headlines.Candidate(t, Evidence.OG_TITLE)));
        twitter.filter(t -> !isSectionLabel(t, titleStory, heading) && !site.isExactly(t))
                .ifPresent(t -> candidates.add(new Headlines.Candidate(t, Evidence.TWITTER_TITLE)));
        ldHeadline.filter(t -> !outvoted(rated.get(Evidence.JSON_LD), rated.get(Evidence.H1), titleStory))
                .ifPresent(t -> candidates.add(new Headlines.Candidate(t, Evidence.JSON_LD)));
        heading.filter(h -> !titleUsable || headingBeatsTitle(h, facts, site, title.get(), titleStory, titles))
                .ifPresent(h -> candidates.add(new Headlines.Candidate(h.text(), Evidence.H1)));
        title.ifPresent(t -> candidates.add(new Headlines.Candidate(t, Evidence.TITLE)));
        for (String key : new String[]{"title", "headline", "sailthru.title", "parsely-title", "dc.title"}) {
            facts.meta(key).ifPresent(t -> candidates.add(new Headlines.Candidate(t, Evidence.META)));
        }

        Optional<Headlines.Choice> choice = Headlines.choose(candidates, cleaner, site, descriptions);
        if (choice.isEmpty()) return new Condensed.Unusable(page.source(), "no headline found in the page");
        Optional<String> headline = choice.map(Headlines.Choice::headline);
        ConfidenceRating.Rating rating = choice.get().firstSentence()
                ? new ConfidenceRating.Rating(Confidence.LOW, "headline is the first sentence of a paragraph-long "
                        + choice.get().source().label())
                : ConfidenceRating.rate(headline.get(), choice.get().source(), rated);
        Optional<String> chosenRaw = switch (choice.get().source()) {
            case OG_TITLE -> og;
            case TWITTER_TITLE -> twitter;
            case TITLE -> title;
            default -> Optional.empty();
        };
        rating = ConfidenceRating.doubted(rating, headline.get(), chosenRaw.filter(cleaner::cutByGuess).isPresent(),
                heading.map(h -> cleaner.strip(h.text(), false)), descriptions);
        Optional<String> description = facts.meta("og:description")
                .or(() -> facts.meta("twitter:description"))
                .or(() -> facts.meta("description"))
                .or(() -> ld.description())
                .map(Text::clean)
                .map(Summaries::withoutTrailingBoilerplate)
                .filter(d -> !d.isEmpty() && !d.equals(headline.get()) && !Boilerplate.isBoilerplate(d));
        String summary = description.orElseGet(() -> Summaries.firstSubstantial(paragraphs(facts, 4 * settings.summaryMaxLength()), headline.get())
                .orElse(""));

        Optional<String> declaredLang = facts.lang()
                .or(() -> facts.meta("og:locale"))
                .or(() -> facts.meta("http-equiv:content-language"))
                .or(() -> ld.language());
        Optional<URI> image = facts.meta("og:image").or(() -> facts.meta("twitter:image"))
                .flatMap(i -> Links.canonical(i, resolveAgainst));
        return story(page.source(), headline.get(), link.or(() -> link(fallbackLink)), summary, declaredLang,
                facts.dir(), image, Optional.empty(), Optional.empty(), rating);
    }

    /** A name the page gives its site, unless it is really the story's title (some CMSs put it in application-name). */
    private static boolean isSiteName(String name, Optional<String> title) {
        if (name.isEmpty() || SPACES.split(name).length > 8) return false;
        return title.isEmpty() || !Agreement.same(name, title.get()) || SPACES.split(name).length <= 2;
    }

    private static List<String> cleanedEvidence(List<String> corroborators) {
        List<String> out = new ArrayList<>();
        for (String c : corroborators) {
            String cleaned = Text.clean(c);
            if (!cleaned.isEmpty() && !out.contains(cleaned)) out.add(cleaned);
        }
        return out;
    }

    /**
     * The JSON-LD headline, unless it agrees with nothing else on the page (encyclopedias put a description
     * there, some CMSs another story's title): then its {@code name}, if that agrees, or nothing.
     */
    private static Optional<String> articleHeadline(JsonLd.Facts ld, PageFacts facts, List<String> titles, SiteNames site) {
        if (ld.headline().isEmpty()) return Optional.empty();
        List<String> page = new ArrayList<>();
        for (String t : titles) if (!site.matches(t) && Headlines.isUsable(t, site)) page.add(t);
        realHeadings(facts, site).forEach(h -> page.add(h.text()));
        String headline = Text.clean(ld.headline().get());
        Optional<String> name = ld.name().filter(n -> {
            String clean = Text.clean(n);
            return !clean.isEmpty() && !site.matches(clean) && !Agreement.same(clean, headline);
        });
        // both given and different: the one the page repeats word for word is the story's ("Riverside" as name,
        // h1 and title, "Riverside is a small town on the Vale…" as headline), and a description written as
        // prose (a sentence of a dozen words) gives way to a name that reads as a headline
        if (name.isPresent() && (repeated(Text.clean(name.get()), page) && !repeated(headline, page)
                || Headlines.isSentenceOf(headline, 12) && !Headlines.isSentenceOf(Text.clean(name.get()), 12)
                && Agreement.words(Text.clean(name.get())).size() >= 3)) {
            return name;
        }
        if (page.isEmpty() || agreesWithAny(headline, page)) return ld.headline();
        return ld.name().filter(n -> agreesWithAny(Text.clean(n), page));
    }

    /**
     * A JSON-LD headline that gives way to an {@code <h1>} and a title saying the same as each other: two independent
     * pieces over one, where the one is of a kind that is not a headline: cut short (a search snippet stops at 110
     * characters: "… third Beijing local to contract" of "… to contract medieval disease"), or prose much longer than
     * the headline they agree on (the article's dek: "The rocky island of Redonda, once stripped of…").
     */
    private static boolean outvoted(String ld, String heading, String titleStory) {
        if (ld == null || heading == null || titleStory.isEmpty() || !Agreement.same(heading, titleStory)
                || Agreement.same(ld, titleStory)) {
            return false;
        }
        String kl = Agreement.key(ld);
        String kh = Agreement.key(heading);
        boolean cutShort = kl.length() >= 20 && kh.length() > kl.length() && kh.startsWith(kl);
        int words = Headlines.wordCount(ld);
        boolean prose = words >= 15 && 2 * words >= 3 * Headlines.wordCount(heading);
        return cutShort || prose;
    }

    /**
     * Whether a heading that is nothing but a link points to another page of this site. A link to another site may be
     * the post's own headline (a link blog, a syndicated story), so only the page's own host is judged.
     */
    private static boolean linksAway(PageFacts.Heading heading, List<URI> own, Optional<URI> base) {
        if (heading.linkTarget() == null || heading.linkTarget().startsWith("#") || own.isEmpty()) return false;
        if (own.stream().anyMatch(Condenser::isHomePage)) return false;
        Optional<URI> target = Links.canonical(heading.linkTarget(), base.or(() -> Optional.of(own.get(0))));
        if (target.isEmpty() || isHomePage(target.get())) return false;
        String host = Links.siteHost(target.get());
        return own.stream().anyMatch(o -> Links.siteHost(o).equals(host)) && own.stream().noneMatch(o -> Links.samePage(target.get(), o));
    }

    /** Whether a title or heading is the text, or has it as one of its parts ("Riverside – Valleypedia"). */
    private static boolean repeated(String text, List<String> page) {
        for (String p : page) {
            String clean = Text.clean(p);
            if (Agreement.same(clean, text)) return true;
            for (Headlines.Part part : Headlines.split(clean)) if (Agreement.same(part.text().strip(), text)) return true;
        }
        return false;
    }


    private static boolean agreesWithAny(String text, List<String> others) {
        for (String o : others) if (Agreement.shareWords(text, o)) return true;
        return false;
    }

    /**
     * Whether the {@code <h1>} should stand before the {@code <title>}. It should, unless a subheading repeats
     * the title's story and no h1 does (the theme sets the post title as an h2, h1s inside it), or nothing marks
     * the h1 as the article's while it shares few words with the title and a subheading says the title's story,
     * or shares none and the title has the shape "Story | Site": then the h1 is a site, section or widget name.
     */
    private static boolean headingBeatsTitle(PageFacts.Heading heading, PageFacts facts, SiteNames site, String title,
                                             String titleStory, List<String> titles) {
        List<PageFacts.Heading> real = realHeadings(facts, site);
        boolean titleIsSubheading = real.stream().noneMatch(h -> Agreement.same(h.text(), titleStory))
                && facts.subheadings.stream().anyMatch(h -> Agreement.same(h, titleStory));
        if (titleIsSubheading && !title.equals(titleStory)) return false;
        if (heading.inArticle() || heading.hinted()) return true;
        // an unmarked h1 outside the article, most of whose words the title lacks, over a subheading that says the
        // title's story: the h1 is a section's or a widget's name ("Diabetes Health Center" above "FDA Panel Votes
        // to Change Restrictions on Avandia"), even when it shares a word with the title
        if (Agreement.overlap(heading.text(), titleStory) < 0.5
                && facts.subheadings.stream().anyMatch(h -> echoes(h, titleStory))) {
            return false;
        }
        if (agreesWithAny(heading.text(), titles)) return true;
        return title.equals(titleStory);
    }

    /**
     * "Recaps" as the social title of a page whose title and {@code <h1>} name a story: a single word sharing
     * nothing with either is the section's label the template fills in, not a headline written for sharing.
     */
    private static boolean isSectionLabel(String social, String titleStory, Optional<PageFacts.Heading> heading) {
        if (titleStory.isEmpty() || heading.isEmpty() || social.length() > 20 || social.indexOf(' ') >= 0) return false;
        for (int i = 0; i < social.length(); i++) {
            // letters of alphabets only: a Chinese or Japanese headline has no spaces to count words by
            char c = social.charAt(i);
            if (!Character.isLetter(c) || c >= 0x2E80) return false;
        }
        return !Agreement.shareWords(social, titleStory) && !Agreement.shareWords(social, heading.get().text());
    }

    /** A heading saying the title's story: the same, lightly edited, or most of it with nothing of its own. */
    private static boolean echoes(String heading, String titleStory) {
        return Agreement.same(heading, titleStory) || Agreement.nearly(heading, titleStory)
                || Agreement.words(heading).size() >= 3 && Agreement.overlap(heading, titleStory) >= 0.75
                && Agreement.overlap(titleStory, heading) >= 0.5;
    }

    private static List<PageFacts.Heading> realHeadings(PageFacts facts, SiteNames site) {
        List<PageFacts.Heading> out = new ArrayList<>();
        for (PageFacts.Heading h : facts.headings) {
            if (!site.matches(h.text()) && Headlines.isUsable(h.text(), site)) out.add(h);
        }
        return out;
    }

    private Condensed condenseEntry(FeedEntry entry, Optional<URI> fallbackLink) {
        SiteNames site = new SiteNames();
        site.addName(Text.clean(entry.feedTitle()));
        for (String part : FEED_TITLE_SEPARATOR.split(Text.clean(entry.feedTitle()))) site.addName(part);
        entry.feedLink().ifPresent(site::addHost);
        Optional<URI> link = entry.link().flatMap(l -> Links.canonical(l.toString(), Optional.empty()));
        link.ifPresent(site::addHost);
        String title = Text.clean(Text.stripTags(Text.clean(entry.title())));
        Optional<String> headline = Headlines.choose(List.of(new Headlines.Candidate(title, Evidence.FEED)), List.of(), site);
        if (headline.isEmpty()) return new Condensed.Unusable(entry.source(), "feed entry has no title"
                + entry.link().map(l -> " (" + l + ")").orElse(""));
        // the feed's title for its own entry is the publisher's choice; nothing on a page is more direct
        ConfidenceRating.Rating rating = ConfidenceRating.rate(headline.get(), Evidence.FEED, Map.of(Evidence.FEED, headline.get()));
        if (rating.level() == Confidence.MEDIUM) {
            rating = new ConfidenceRating.Rating(Confidence.HIGH, headline.get().equals(title)
                    ? "the feed's own title for the entry" : "the feed's own title for the entry, site name removed");
        }
        String description = Text.clean(Text.stripTags(Text.clean(entry.description())));
        List<String> paragraphs = description.isEmpty() ? List.of() : List.of(description);
        String summary = Summaries.firstSubstantial(paragraphs, headline.get()).orElse("");
        return story(entry.source(), headline.get(), link.or(() -> link(fallbackLink)), summary, entry.language(),
                Optional.empty(), Optional.empty(), entry.publishedAt(), entry.guid(), rating);
    }

    private Condensed story(String source, String headline, Optional<URI> link, String summary,
                            Optional<String> declaredLang, Optional<String> declaredDir, Optional<URI> image,
                            Optional<java.time.Instant> publishedAt, Optional<String> guid, ConfidenceRating.Rating rating) {
        if (headline.isEmpty()) return new Condensed.Unusable(source, "no headline found");
        String lang = Languages.language(declaredLang, headline, summary);
        String trimmed = summary.isEmpty() ? "" : Summaries.trim(summary, settings.summaryMaxLength(), lang);
        Direction dir = Languages.direction(headline, declaredDir, lang);
        return new Condensed.Ok(new Story(source, headline, link, trimmed, lang, dir, image, publishedAt, guid,
                rating.level(), rating.reason()));
    }

    private static Optional<URI> link(Optional<URI> given) {
        return given.flatMap(l -> Links.canonical(l.toString(), Optional.empty()));
    }

    /**
     * The first link candidate, except that a canonical pointing at the site's home page (a common CMS
     * misconfiguration) gives way to a candidate with a real path on the same site.
     */
    private static Optional<URI> chooseLink(List<java.util.function.Supplier<Optional<URI>>> candidates) {
        // worked out in order and only as far as needed: most pages settle it with their canonical link
        Optional<URI> first = Optional.empty();
        for (java.util.function.Supplier<Optional<URI>> candidate : candidates) {
            Optional<URI> link = candidate.get();
            if (link.isEmpty()) continue;
            if (!isHomePage(link.get())) return link;
            if (first.isEmpty()) first = link;
        }
        return first;
    }

    private static boolean isHomePage(URI uri) {
        String path = uri.getRawPath();
        return (path == null || path.isEmpty() || path.equals("/")) && uri.getRawQuery() == null;
    }

    /**
     * The article's {@code <h1>}: not the logo or a widget, preferably inside the article, marked as its headline,
     * or agreeing with the page's titles.
     */
    private static Optional<PageFacts.Heading> bestHeading(PageFacts facts, SiteNames site, String titleStory, List<String> titles) {
        List<PageFacts.Heading> real = realHeadings(facts, site);
        // most pages have one: nothing to weigh
        if (real.size() <= 1) return real.stream().findFirst();
        PageFacts.Heading best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        List<java.util.Set<String>> titleWords = null;
        for (PageFacts.Heading h : real) {
            // an h1 that is the title's story outweighs any mark on another (a teaser list's "media-heading" h1s
            // in the article); others count by how much they and a title share, since one shared number or word
            // ("4" of "4-inch", "Отзывы" of "… кг. Отзывы") says little
            double score = (h.inArticle() ? 2 : 0) + (h.hinted() ? 2 : 0) - (h.inChrome() ? 3 : 0);
            if (Agreement.same(h.text(), titleStory)) {
                score += 8;
            } else {
                if (titleWords == null) titleWords = titles.stream().map(Agreement::words).toList();
                score += 4 * bestOverlap(Agreement.words(h.text()), titleWords);
            }
            if (score > bestScore) {
                best = h;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How far the heading and the closest title say the same: both ways, so a one-word h1 the title contains is not enough. */
    private static double bestOverlap(java.util.Set<String> heading, List<java.util.Set<String>> titles) {
        double best = 0;
        for (java.util.Set<String> t : titles) best = Math.max(best, Math.sqrt(Agreement.overlap(heading, t) * Agreement.overlap(t, heading)));
        return best;
    }

    /**
     * The article's paragraphs if it marks any, else all; each turned into text only when the summary asks for it,
     * and only as much of it as a summary of {@code chars / 4} characters could keep, with room for its sentence ends.
     */
    private static List<String> paragraphs(PageFacts facts, int chars) {
        List<PageFacts.Paragraph> inArticle = new ArrayList<>();
        for (PageFacts.Paragraph p : facts.paragraphs) if (p.inArticle()) inArticle.add(p);
        List<PageFacts.Paragraph> chosen = inArticle.isEmpty() ? facts.paragraphs : inArticle;
        return new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                return chosen.get(index).textOfStart(chars);
            }

            @Override
            public int size() {
                return chosen.size();
            }
        };
    }

    /** Drops the promotional footer: boilerplate lines at the end, and blank lines around them. */
    private static List<String> withoutFooter(List<String> body) {
        int end = body.size();
        while (end > 0 && (body.get(end - 1).isBlank() || Boilerplate.isBoilerplate(body.get(end - 1)))) end--;
        return body.subList(0, end);
    }
}
