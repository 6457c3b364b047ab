package org.herald.console;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** A publisher's article pages on 127.0.0.1 (WireMock), for the compose page to read. */
final class StoryPages implements AutoCloseable {
    private final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

    StoryPages() {
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** An article page at {@code path} with this title (as og:title and h1) and first paragraph; {@code canonical} its own link. */
    StoryPages article(String path, String title, String canonical, String paragraph) {
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return page(path, """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | The Daily Example</title>
                <meta property="og:title" content="%s"><meta property="og:site_name" content="The Daily Example">
                <link rel="canonical" href="%s"></head>
                <body><article><h1>%s</h1><p>%s</p></article></body></html>
                """.formatted(escaped, escaped, canonical, escaped, paragraph));
    }

    StoryPages page(String path, String html) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(html)));
        return this;
    }

    StoryPages missing(String path) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("<h1>Not found</h1>")));
        return this;
    }

    int requests(String path) {
        return server.findAll(getRequestedFor(urlEqualTo(path))).size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
