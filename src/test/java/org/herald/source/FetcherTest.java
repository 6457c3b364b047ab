package org.herald.source;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.herald.config.FetchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class FetcherTest {
    @RegisterExtension
    static WireMockExtension web = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true)).build();

    private final FetchSettings settings = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(3), 64 * 1024, 5, "Herald/test (news auto-poster)");

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + web.getPort() + path);
    }

    @Test
    void fetchesAPageAndNamesHeraldInTheUserAgent() {
        web.stubFor(get("/story").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody("<title>Hi</title>")));
        Fetched fetched = new Fetcher(settings).fetch(url("/story"));
        assertThat(fetched).isInstanceOf(Fetched.Body.class);
        assertThat(new String(((Fetched.Body) fetched).bytes())).isEqualTo("<title>Hi</title>");
        web.verify(getRequestedFor(urlEqualTo("/story")).withHeader("User-Agent", matching("Herald/.*")));
    }

    @Test
    void followsUpToFiveRedirectsAndReportsTheFinalAddress() {
        for (int i = 0; i < 5; i++) {
            web.stubFor(get("/r" + i).willReturn(aResponse().withStatus(i % 2 == 0 ? 301 : 302).withHeader("Location", "/r" + (i + 1))));
        }
        web.stubFor(get("/r5").willReturn(aResponse().withBody("done")));
        Fetched fetched = new Fetcher(settings).fetch(url("/r0"));
        assertThat(fetched).isInstanceOf(Fetched.Body.class);
        assertThat(((Fetched.Body) fetched).url()).isEqualTo(url("/r5"));
    }

    @Test
    void refusesASixthRedirect() {
        for (int i = 0; i < 7; i++) web.stubFor(get("/loop" + i).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop" + (i + 1))));
        assertThat(new Fetcher(settings).fetch(url("/loop0"))).isEqualTo(new Fetched.Failure("more than 5 redirects"));
    }

    @Test
    void reportsHttpErrorsByStatus() {
        web.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));
        assertThat(new Fetcher(settings).fetch(url("/gone"))).isEqualTo(new Fetched.Failure("HTTP 404 Not Found"));
    }

    @Test
    void refusesBodiesOverTheLimitWithOrWithoutContentLength() {
        web.stubFor(get("/big").willReturn(aResponse().withBody("x".repeat(64 * 1024 + 1))));
        assertThat(new Fetcher(settings).fetch(url("/big"))).isEqualTo(new Fetched.Failure("larger than the 64 KiB limit"));
        web.stubFor(get("/chunked").willReturn(aResponse().withBody("y".repeat(200_000)).withChunkedDribbleDelay(2, 10)));
        assertThat(new Fetcher(settings).fetch(url("/chunked"))).isEqualTo(new Fetched.Failure("larger than the 64 KiB limit"));
    }

    @Test
    void slowServersTimeOut() {
        web.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(8000).withBody("late")));
        assertThat(new Fetcher(settings).fetch(url("/slow"))).isEqualTo(new Fetched.Failure("no complete response within 3 s"));
    }

    @Test
    void refusedConnectionsAreOneLine() {
        Fetched fetched = new Fetcher(settings).fetch(URI.create("http://127.0.0.1:1/nothing"));
        assertThat(fetched).isInstanceOf(Fetched.Failure.class);
        assertThat(((Fetched.Failure) fetched).reason()).doesNotContain("\n").isNotBlank();
    }

    @Test
    void pageFetchedOverHttpIsDecodedWithItsDeclaredCharset() {
        byte[] latin = "<html><head><title>Caf\u00e9 cr\u00e8me prices rise</title></head></html>".getBytes(Charset.forName("windows-1252"));
        web.stubFor(get("/fr").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=ISO-8859-1").withBody(latin)));
        SourceResult result = new FileAndWebSource(settings).read(url("/fr").toString());
        WebPage page = (WebPage) ((SourceResult.Articles) result).articles().get(0);
        assertThat(page.html()).contains("Café crème prices rise");
        assertThat(page.url()).contains(url("/fr"));
    }
}
