package org.herald.schedule;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** A publisher's RSS feed on 127.0.0.1 that honours conditional GET: the same ETag gets a 304. */
final class FeedServer implements AutoCloseable {
    record Item(String guid, String title, String link) {
    }

    private final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    private int version;

    FeedServer() {
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Serves these items at /rss.xml under a new ETag. */
    void publish(List<Item> items) {
        String etag = "\"v" + (++version) + "\"";
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Test Newsroom</title><link>https://news.example.org/</link><description>d</description>");
        List<Item> newestFirst = new ArrayList<>(items);
        java.util.Collections.reverse(newestFirst);
        for (Item item : newestFirst) {
            rss.append("<item><title>").append(item.title()).append("</title><link>").append(item.link().replace("&", "&amp;"))
                    .append("</link><guid isPermaLink=\"false\">").append(item.guid()).append("</guid><description>Summary of ")
                    .append(item.title()).append(".</description></item>");
        }
        rss.append("</channel></rss>");
        server.resetAll();
        server.stubFor(get("/rss.xml").atPriority(1).withHeader("If-None-Match", equalTo(etag)).willReturn(aResponse().withStatus(304)));
        server.stubFor(get("/rss.xml").atPriority(5).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withHeader("ETag", etag).withBody(rss.toString())));
    }

    void serve(String path, int status, String contentType, String body) {
        server.stubFor(get(path).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
    }

    int notModifiedCount() {
        return server.findAll(getRequestedFor(urlEqualTo("/rss.xml")).withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))).size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
