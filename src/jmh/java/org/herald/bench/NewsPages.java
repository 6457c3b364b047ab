package org.herald.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates news pages shaped like real publishers' (about 100 KB: a head full of meta tags, preloads and
 * inline scripts, JSON-LD, a mega-menu, the article, related stories, a footer and trailing scripts) and
 * a 200-item RSS feed. Seeded, so every run measures the same bytes. {@code main} writes them to a folder.
 */
public final class NewsPages {
    private static final String[][] WORDS = {
            {"council", "approves", "budget", "after", "long", "debate", "over", "schools", "roads", "harbour", "the", "of",
                    "minister", "says", "talks", "resume", "storm", "coast", "rates", "inflation", "election", "results", "city"},
            {"الحكومة", "تعلن", "عن", "خطة", "جديدة", "لدعم", "الاقتصاد", "في", "المنطقة", "مجلس", "الوزراء", "الأمن", "المفاوضات"},
            {"政府", "宣布", "新的", "经济", "计划", "北京", "上海", "发展", "会议", "市场", "增长", "国际", "合作"},
            {"政府", "が", "新た", "な", "経済", "対策", "を", "発表", "東京", "首相", "会見", "で", "円安"},
            {"le", "gouvernement", "annonce", "un", "nouveau", "plan", "pour", "l'économie", "à", "Paris", "réforme", "des", "retraites"}};
    private static final String[] LANGS = {"en", "ar", "zh-CN", "ja", "fr"};
    private static final String[] SITES = {"Daily Planet", "الجزيرة نت", "中国新闻网", "日本経済新聞", "Le Quotidien"};

    private NewsPages() {
    }

    public static List<String> pages(int count, long seed) {
        Random random = new Random(seed);
        List<String> pages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) pages.add(page(random, i));
        return pages;
    }

    static String page(Random r, int index) {
        int lang = index % LANGS.length;
        String site = SITES[lang];
        String headline = sentence(r, lang, 8 + r.nextInt(10));
        String slug = "story-" + index + "-" + Integer.toHexString(r.nextInt());
        String url = "https://www.example-news.com/" + (2020 + r.nextInt(7)) + "/" + (1 + r.nextInt(12)) + "/" + slug;
        String description = sentence(r, lang, 25 + r.nextInt(15));
        StringBuilder b = new StringBuilder(110_000);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(LANGS[lang]).append('"').append(lang == 1 ? " dir=\"rtl\"" : "")
                .append(" class=\"no-js\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        for (int i = 0; i < 12; i++) {
            b.append("<link rel=\"preconnect\" href=\"https://cdn").append(i).append(".example-news.com\" crossorigin>\n");
            b.append("<link rel=\"stylesheet\" href=\"/assets/css/bundle-").append(Integer.toHexString(r.nextInt())).append(".css\">\n");
        }
        b.append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());")
                .append("var tpl='<h1>template</h1></title>';</script>\n");
        b.append("<script>window.__CONFIG__=").append(blob(r, 18_000)).append(";</script>\n");
        b.append("<title>").append(headline).append(" | ").append(site).append("</title>\n");
        meta(b, "name", "description", description);
        meta(b, "property", "og:site_name", site);
        meta(b, "property", "og:type", "article");
        meta(b, "property", "og:title", headline + " | " + site);
        meta(b, "property", "og:description", description);
        meta(b, "property", "og:url", url + "?utm_source=rss&utm_medium=feed");
        meta(b, "property", "og:image", "https://cdn1.example-news.com/img/" + slug + ".jpg");
        meta(b, "name", "twitter:card", "summary_large_image");
        meta(b, "name", "twitter:title", headline);
        meta(b, "name", "twitter:site", "@examplenews");
        for (int i = 0; i < 20; i++) meta(b, "name", "parsely-tag-" + i, sentence(r, lang, 2));
        b.append("<link rel=\"canonical\" href=\"").append(url).append("\">\n");
        b.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"")
                .append(headline).append("\",\"description\":\"").append(description).append("\",\"mainEntityOfPage\":{\"@id\":\"")
                .append(url).append("\"},\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"").append(site)
                .append("\"},\"datePublished\":\"2026-11-24T08:00:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Staff\"}]}</script>\n");
        b.append("</head>\n<body class=\"article-page\">\n<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">")
                .append(site).append("</a></div>\n<nav class=\"mega-menu\"><ul>\n");
        for (int i = 0; i < 160; i++) {
            b.append("<li class=\"menu-item\"><a href=\"/section/").append(i).append("\" data-track=\"nav-").append(i).append("\">")
                    .append(sentence(r, lang, 1 + r.nextInt(2))).append("</a></li>\n");
        }
        b.append("</ul></nav></header>\n<main id=\"content\">\n<article class=\"story\">\n<h1 class=\"story-headline\" data-qa=\"headline\">")
                .append(headline).append("</h1>\n<div class=\"byline\">By <a href=\"/people/staff\">Staff</a> · <time>24 November 2026</time></div>\n")
                .append("<figure><img src=\"https://cdn1.example-news.com/img/").append(slug).append(".jpg\" alt=\"\"><figcaption>")
                .append(sentence(r, lang, 10)).append("</figcaption></figure>\n<div class=\"story-body\">\n");
        int paragraphs = 14 + r.nextInt(8);
        for (int i = 0; i < paragraphs; i++) {
            b.append("<p>").append(sentence(r, lang, 30 + r.nextInt(40))).append(" <a href=\"/related/").append(i).append("\">")
                    .append(sentence(r, lang, 3)).append("</a> ").append(sentence(r, lang, 20)).append("</p>\n");
            if (i % 5 == 4) b.append("<div class=\"ad-slot\" data-ad=\"mid-").append(i).append("\"><script>ads.push({slot:'mid")
                    .append(i).append("'})</script></div>\n");
        }
        b.append("</div>\n</article>\n<aside class=\"related\"><h2>Related</h2><ul>\n");
        for (int i = 0; i < 24; i++) {
            b.append("<li><a href=\"/story/").append(r.nextInt(100000)).append("\"><img src=\"/thumb/").append(i)
                    .append(".jpg\" alt=\"\"><span>").append(sentence(r, lang, 8 + r.nextInt(6))).append("</span></a></li>\n");
        }
        b.append("</ul></aside>\n</main>\n<footer class=\"site-footer\"><ul>\n");
        for (int i = 0; i < 90; i++) {
            b.append("<li><a href=\"/footer/").append(i).append("\">").append(sentence(r, lang, 2)).append("</a></li>\n");
        }
        b.append("</ul><p>© 2026 ").append(site).append(". All rights reserved.</p></footer>\n");
        while (b.length() < 98_000) {
            b.append("<script>(function(){var d=").append(blob(r, 4_000)).append(";window.track&&window.track(d)})();</script>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    /** A 200-item RSS feed with titles, links, guids, dates and HTML descriptions. */
    public static String feed(int items, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Daily Planet - World</title><link>https://www.example-news.com/</link><description>News</description>\n");
        for (int i = 0; i < items; i++) {
            int lang = i % LANGS.length;
            b.append("<item><title>").append(escape(sentence(r, lang, 8 + r.nextInt(12)))).append("</title><link>https://www.example-news.com/")
                    .append(i).append("/story?utm_source=rss</link><guid isPermaLink=\"false\">item-").append(i)
                    .append("</guid><pubDate>Tue, 24 Nov 2026 08:").append(String.format("%02d", i % 60)).append(":00 GMT</pubDate>")
                    .append("<description>").append(escape("<p>" + sentence(r, lang, 40) + "</p>")).append("</description></item>\n");
        }
        return b.append("</channel></rss>\n").toString();
    }

    private static void meta(StringBuilder b, String attr, String key, String content) {
        b.append("<meta ").append(attr).append("=\"").append(key).append("\" content=\"").append(escape(content)).append("\">\n");
    }

    private static String sentence(Random r, int lang, int words) {
        String[] pool = WORDS[lang];
        boolean spaced = lang != 2 && lang != 3;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0 && spaced) b.append(' ');
            b.append(pool[r.nextInt(pool.length)]);
        }
        if (lang == 0 || lang == 4) b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    private static String blob(Random r, int size) {
        StringBuilder b = new StringBuilder(size + 64).append('{');
        while (b.length() < size) {
            b.append("\"k").append(r.nextInt(100000)).append("\":\"").append(Long.toHexString(r.nextLong())).append("\",");
        }
        return b.append("\"end\":1}").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Writes {@code count} pages into {@code dir} as page-NNN.html, plus feed-200.xml. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-pages");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Files.createDirectories(dir);
        List<String> pages = pages(count, 42);
        for (int i = 0; i < pages.size(); i++) {
            Files.writeString(dir.resolve(String.format("page-%03d.html", i)), pages.get(i), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("feed-200.xml"), feed(200, 42), StandardCharsets.UTF_8);
    }
}
