package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.source.Article;
import org.herald.source.FeedEntry;
import org.herald.source.PlainText;
import org.herald.source.WebPage;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns any {@link Article} into a {@link Story}: headline, canonical link, summary, language and direction. */
public final class Condenser {
    private final CondenseSettings settings;

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
        List<String> body = withoutFooter(text.body());
        String lead = Summaries.firstSubstantial(body, headline).orElse("");
        return story(text.source(), headline, link(fallbackLink), lead, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Condensed condensePage(WebPage page, Optional<URI> fallbackLink) {
        PageFacts facts = HtmlScanner.scan(page.html());
        JsonLd.Facts ld = JsonLd.read(facts.jsonLd);

        Optional<URI> base = page.url();
        if (facts.baseHref().isPresent()) {
            Optional<URI> declaredBase = Links.canonical(facts.baseHref().get(), page.url());
            if (declaredBase.isPresent()) base = declaredBase;
        }
        Optional<URI> ogUrl = facts.meta("og:url").flatMap(u -> Links.canonical(u, page.url()));
        Optional<URI> resolveAgainst = base.or(() -> ogUrl);
        Optional<URI> link = chooseLink(List.of(
                facts.canonical().flatMap(c -> Links.canonical(c, resolveAgainst)),
                ogUrl,
                ld.url().flatMap(u -> Links.canonical(u, resolveAgainst)),
                page.url().flatMap(u -> Links.canonical(u.toString(), Optional.empty()))));

        SiteNames site = new SiteNames();
        for (String key : new String[]{"og:site_name", "application-name", "apple-mobile-web-app-title", "al:android:app_name",
                "al:ios:app_name", "twitter:app:name:iphone", "publisher", "dc.publisher"}) {
            facts.meta(key).map(Text::clean).ifPresent(site::addName);
        }
        facts.meta("twitter:site").map(s -> s.replace("@", "")).ifPresent(site::addName);
        ld.siteNames().forEach(name -> site.addName(Text.clean(name)));
        link.ifPresent(site::addHost);
        page.url().ifPresent(site::addHost);

        List<Headlines.Candidate> candidates = new ArrayList<>();
        List<String> corroborators = new ArrayList<>();
        facts.meta("og:title").ifPresent(t -> candidates.add(new Headlines.Candidate(t, false)));
        facts.meta("twitter:title").ifPresent(t -> candidates.add(new Headlines.Candidate(t, false)));
        ld.headline().ifPresent(t -> candidates.add(new Headlines.Candidate(t, false)));
        bestHeading(facts, site).ifPresent(t -> candidates.add(new Headlines.Candidate(t, false)));
        facts.title().ifPresent(t -> candidates.add(new Headlines.Candidate(t, true)));
        for (String key : new String[]{"title", "headline", "sailthru.title", "parsely-title", "dc.title"}) {
            facts.meta(key).ifPresent(t -> candidates.add(new Headlines.Candidate(t, false)));
        }
        ld.headline().ifPresent(corroborators::add);
        facts.headings.forEach(h -> corroborators.add(h.text()));
        for (String key : new String[]{"title", "headline", "sailthru.title", "parsely-title", "dc.title", "og:title", "twitter:title"}) {
            facts.meta(key).ifPresent(corroborators::add);
        }

        Optional<String> headline = Headlines.choose(candidates, corroborators, site);
        if (headline.isEmpty()) return new Condensed.Unusable(page.source(), "no headline found in the page");

        Optional<String> description = facts.meta("og:description")
                .or(() -> facts.meta("twitter:description"))
                .or(() -> facts.meta("description"))
                .or(() -> ld.description())
                .map(Text::clean)
                .map(Summaries::withoutTrailingBoilerplate)
                .filter(d -> !d.isEmpty() && !d.equals(headline.get()) && !Boilerplate.isBoilerplate(d));
        String summary = description.orElseGet(() -> Summaries.firstSubstantial(paragraphs(facts), headline.get()).orElse(""));

        Optional<String> declaredLang = facts.lang()
                .or(() -> facts.meta("og:locale"))
                .or(() -> facts.meta("http-equiv:content-language"))
                .or(() -> ld.language());
        Optional<URI> image = facts.meta("og:image").or(() -> facts.meta("twitter:image"))
                .flatMap(i -> Links.canonical(i, resolveAgainst));
        return story(page.source(), headline.get(), link.or(() -> link(fallbackLink)), summary, declaredLang,
                facts.dir(), image, Optional.empty(), Optional.empty());
    }

    private Condensed condenseEntry(FeedEntry entry, Optional<URI> fallbackLink) {
        SiteNames site = new SiteNames();
        site.addName(Text.clean(entry.feedTitle()));
        for (String part : Text.clean(entry.feedTitle()).split("\\s[-|–—:]\\s")) site.addName(part);
        entry.feedLink().ifPresent(site::addHost);
        Optional<URI> link = entry.link().flatMap(l -> Links.canonical(l.toString(), Optional.empty()));
        link.ifPresent(site::addHost);
        String title = Text.clean(Text.stripTags(Text.clean(entry.title())));
        Optional<String> headline = Headlines.choose(List.of(new Headlines.Candidate(title, false)), List.of(), site);
        if (headline.isEmpty()) return new Condensed.Unusable(entry.source(), "feed entry has no title"
                + entry.link().map(l -> " (" + l + ")").orElse(""));
        String description = Text.clean(Text.stripTags(Text.clean(entry.description())));
        List<String> paragraphs = description.isEmpty() ? List.of() : List.of(description);
        String summary = Summaries.firstSubstantial(paragraphs, headline.get()).orElse("");
        return story(entry.source(), headline.get(), link.or(() -> link(fallbackLink)), summary, entry.language(),
                Optional.empty(), Optional.empty(), entry.publishedAt(), entry.guid());
    }

    private Condensed story(String source, String headline, Optional<URI> link, String summary,
                            Optional<String> declaredLang, Optional<String> declaredDir, Optional<URI> image,
                            Optional<java.time.Instant> publishedAt, Optional<String> guid) {
        if (headline.isEmpty()) return new Condensed.Unusable(source, "no headline found");
        String lang = Languages.language(declaredLang, headline, summary);
        String trimmed = summary.isEmpty() ? "" : Summaries.trim(summary, settings.summaryMaxLength(), lang);
        Direction dir = Languages.direction(headline, declaredDir, lang);
        return new Condensed.Ok(new Story(source, headline, link, trimmed, lang, dir, image, publishedAt, guid));
    }

    private static Optional<URI> link(Optional<URI> given) {
        return given.flatMap(l -> Links.canonical(l.toString(), Optional.empty()));
    }

    /**
     * The first link candidate, except that a canonical pointing at the site's home page (a common CMS
     * misconfiguration) gives way to a candidate with a real path on the same site.
     */
    private static Optional<URI> chooseLink(List<Optional<URI>> candidates) {
        Optional<URI> first = candidates.stream().flatMap(Optional::stream).findFirst();
        if (first.isEmpty() || !isHomePage(first.get())) return first;
        return candidates.stream().flatMap(Optional::stream).filter(c -> !isHomePage(c)).findFirst().or(() -> first);
    }

    private static boolean isHomePage(URI uri) {
        String path = uri.getRawPath();
        return (path == null || path.isEmpty() || path.equals("/")) && uri.getRawQuery() == null;
    }

    /** The article's {@code <h1>}: not the logo, preferably inside the article or marked as its headline. */
    private static Optional<String> bestHeading(PageFacts facts, SiteNames site) {
        PageFacts.Heading best = null;
        int bestScore = Integer.MIN_VALUE;
        for (PageFacts.Heading h : facts.headings) {
            if (site.matches(h.text())) continue;
            int score = (h.inArticle() ? 2 : 0) + (h.hinted() ? 2 : 0) - (h.inChrome() ? 3 : 0);
            if (score > bestScore) {
                best = h;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(PageFacts.Heading::text);
    }

    private static List<String> paragraphs(PageFacts facts) {
        List<String> inArticle = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (PageFacts.Paragraph p : facts.paragraphs) {
            String text = p.text();
            all.add(text);
            if (p.inArticle()) inArticle.add(text);
        }
        return inArticle.isEmpty() ? all : inArticle;
    }

    /** Drops the promotional footer: boilerplate lines at the end, and blank lines around them. */
    private static List<String> withoutFooter(List<String> body) {
        int end = body.size();
        while (end > 0 && (body.get(end - 1).isBlank() || Boilerplate.isBoilerplate(body.get(end - 1)))) end--;
        return body.subList(0, end);
    }
}
