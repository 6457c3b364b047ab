package org.herald.source;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FeedsTest {
    @Test
    void readsRssItemsWithTheirLinksDatesAndGuids() {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Example News</title><link>https://news.example/</link><language>en-us</language>
                <item><title>First &amp; foremost</title><link>/2026/11/24/first</link><guid>g-1</guid>
                <pubDate>Tue, 24 Nov 2026 08:15:00 GMT</pubDate><description>&lt;p&gt;Para&lt;/p&gt;</description></item>
                <item><title>Second</title><link>https://news.example/second</link></item>
                </channel></rss>""";
        SourceResult result = Feeds.parse("feed.xml", rss, Optional.empty());
        var articles = ((SourceResult.Articles) result).articles();
        assertThat(articles).hasSize(2);
        FeedEntry first = (FeedEntry) articles.get(0);
        assertThat(first.title()).isEqualTo("First & foremost");
        assertThat(first.link()).contains(URI.create("https://news.example/2026/11/24/first"));
        assertThat(first.guid()).contains("g-1");
        assertThat(first.publishedAt()).contains(Instant.parse("2026-11-24T08:15:00Z"));
        assertThat(first.description()).isEqualTo("<p>Para</p>");
        assertThat(first.language()).contains("en-us");
        assertThat(first.feedTitle()).isEqualTo("Example News");
    }

    @Test
    void readsAtomEntriesUsingTheUpdatedDate() {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><link href="https://atom.example/"/>
                <id>urn:feed</id><updated>2026-11-24T10:00:00Z</updated>
                <entry><title>Atom story</title><link rel="alternate" href="https://atom.example/story"/><id>urn:1</id>
                <updated>2026-11-24T09:00:00Z</updated><summary>Short summary.</summary></entry></feed>""";
        FeedEntry entry = (FeedEntry) ((SourceResult.Articles) Feeds.parse("atom.xml", atom, Optional.empty())).articles().get(0);
        assertThat(entry.link()).contains(URI.create("https://atom.example/story"));
        assertThat(entry.publishedAt()).contains(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(entry.guid()).contains("urn:1");
    }

    @Test
    void oldRss091PublicDoctypeIsAcceptedButInternalSubsetsAreNot() {
        String rss091 = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel><title>Old</title>"
                + "<link>https://old.example/</link><description>d</description><language>en</language>"
                + "<item><title>Old story</title><link>https://old.example/1</link></item></channel></rss>";
        assertThat(Feeds.parse("old.xml", rss091, Optional.empty())).isInstanceOf(SourceResult.Articles.class);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&x;</title></channel></rss>";
        assertThat(Feeds.parse("xxe.xml", xxe, Optional.empty())).isInstanceOf(SourceResult.Failure.class);
    }

    @Test
    void romeItselfRefusesDoctypesThatReachIt() throws Exception {
        var input = new com.rometools.rome.io.SyndFeedInput();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> input.build(new java.io.StringReader(xxe)))
                .isInstanceOf(com.rometools.rome.io.FeedException.class);
    }

    @Test
    void htmlServedAsAFeedIsNotMistakenForOne() {
        assertThat(ContentKind.of("<!DOCTYPE html><html></html>".getBytes(), "<!DOCTYPE html><html></html>", Optional.of("application/rss+xml")))
                .isEqualTo(ContentKind.HTML);
    }
}
