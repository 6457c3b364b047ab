package org.herald.source;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.herald.config.FetchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** UTF-16 inputs are text, not "binary data"; gzip-encoded responses are decoded within the size limit. */
class Utf16AndGzipTest {
    @RegisterExtension
    static WireMockExtension web = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true)).build();

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-16"?>
            <rss version="2.0"><channel><title>Nachrichten</title><link>https://news.example.org/</link><description>d</description>
            <item><title>Zürich: Gemeinderat beschließt neues Budget</title><link>https://news.example.org/zuerich</link>
            <guid>z-1</guid><description>Der Gemeinderat hat am Dienstag das Budget für 2027 beschlossen.</description></item>
            </channel></rss>
            """;
    private static final String PAGE = """
            <!doctype html><html lang="de"><head><meta charset="utf-16"><title>Zürich: Gemeinderat beschließt neues Budget</title>
            <link rel="canonical" href="https://news.example.org/zuerich"></head>
            <body><p>Der Gemeinderat hat am Dienstag das Budget für 2027 beschlossen.</p></body></html>
            """;

    private final FetchSettings settings = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 64 * 1024, 5,
            "Herald/test (news auto-poster)");

    private static byte[] encode(String text, String charset, boolean bom) {
        byte[] body = text.getBytes(Charset.forName(charset));
        if (!bom) return body;
        byte[] mark = charset.endsWith("LE") ? new byte[]{(byte) 0xFF, (byte) 0xFE} : new byte[]{(byte) 0xFE, (byte) 0xFF};
        byte[] out = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, out, 0, mark.length);
        System.arraycopy(body, 0, out, mark.length, body.length);
        return out;
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}, byte order mark: {1}")
    @CsvSource({"UTF-16LE, true", "UTF-16LE, false", "UTF-16BE, true", "UTF-16BE, false"})
    void utf16FeedsAreRead(String charset, boolean bom, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("feed.xml");
        Files.write(file, encode(FEED, charset, bom));
        SourceResult result = new FileAndWebSource(settings).read(file.toString());
        assertThat(result).isInstanceOf(SourceResult.Articles.class);
        FeedEntry entry = (FeedEntry) ((SourceResult.Articles) result).articles().get(0);
        assertThat(entry.title()).isEqualTo("Zürich: Gemeinderat beschließt neues Budget");
        assertThat(entry.guid()).contains("z-1");
    }

    @ParameterizedTest(name = "{0}, byte order mark: {1}")
    @CsvSource({"UTF-16LE, true", "UTF-16LE, false", "UTF-16BE, true", "UTF-16BE, false"})
    void utf16PagesAreReadOverHttp(String charset, boolean bom) {
        String path = "/page-" + charset + "-" + bom;
        // the header names only "utf-16" when a BOM is there, nothing otherwise: the bytes must tell
        web.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", bom ? "text/html; charset=utf-16" : "text/html")
                .withBody(encode(PAGE, charset, bom))));
        SourceResult result = new FileAndWebSource(settings).read(web.url(path));
        assertThat(result).isInstanceOf(SourceResult.Articles.class);
        WebPage page = (WebPage) ((SourceResult.Articles) result).articles().get(0);
        assertThat(page.html()).contains("<title>Zürich: Gemeinderat beschließt neues Budget</title>").doesNotContain("\u0000");
    }

    @Test
    void aUtf16FeedPolledOverHttpIsRead() {
        web.stubFor(get("/utf16.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withBody(encode(FEED, "UTF-16LE", false))));
        FeedRead read = new FileAndWebSource(settings).readFeed(web.url("/utf16.xml"), Optional.empty(), Optional.empty());
        assertThat(read).isInstanceOf(FeedRead.Entries.class);
        assertThat(((FeedRead.Entries) read).entries()).extracting(FeedEntry::title).containsExactly("Zürich: Gemeinderat beschließt neues Budget");
    }

    @Test
    void realBinaryDataIsStillRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0};
        assertThat(FileAndWebSource.parse("logo.png", png, Optional.empty(), Optional.empty()))
                .isEqualTo(new SourceResult.Failure("logo.png", "binary data, not text, HTML or a feed"));
        byte[] shorts = new byte[4000]; // little-endian 16-bit samples: zero high bytes, but control characters
        for (int i = 0; i < shorts.length; i += 2) shorts[i] = (byte) (i % 31);
        assertThat(FileAndWebSource.parse("samples.raw", shorts, Optional.empty(), Optional.empty()))
                .isEqualTo(new SourceResult.Failure("samples.raw", "binary data, not text, HTML or a feed"));
    }

    @Test
    void gzipPagesAreDecodedAndHeraldAsksForThem() throws Exception {
        web.stubFor(get("/gz-page").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Content-Encoding", "gzip").withBody(gzip(PAGE.replace("utf-16", "utf-8").getBytes(StandardCharsets.UTF_8)))));
        SourceResult result = new FileAndWebSource(settings).read(web.url("/gz-page"));
        assertThat(result).isInstanceOf(SourceResult.Articles.class);
        assertThat(((WebPage) ((SourceResult.Articles) result).articles().get(0)).html()).contains("beschließt");
        web.verify(getRequestedFor(urlEqualTo("/gz-page")).withHeader("Accept-Encoding", matching(".*gzip.*")));
    }

    @Test
    void gzipFeedsAreDecoded() throws Exception {
        web.stubFor(get("/gz.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withHeader("Content-Encoding", "gzip").withBody(gzip(FEED.replace("UTF-16", "UTF-8").getBytes(StandardCharsets.UTF_8)))));
        FeedRead read = new FileAndWebSource(settings).readFeed(web.url("/gz.xml"), Optional.empty(), Optional.empty());
        assertThat(read).isInstanceOf(FeedRead.Entries.class);
        assertThat(((FeedRead.Entries) read).entries()).hasSize(1);
    }

    @Test
    void aGzipBombIsRefusedAsTooLargeByItsDecompressedSize() throws Exception {
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]); // 64 MiB of zeros: about 64 KiB compressed
        assertThat(bomb.length).isLessThan((int) settings.maxBytes());
        web.stubFor(get("/bomb.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withHeader("Content-Encoding", "gzip").withBody(bomb)));
        FeedRead read = new FileAndWebSource(settings).readFeed(web.url("/bomb.xml"), Optional.empty(), Optional.empty());
        assertThat(read).isEqualTo(new FeedRead.Failure("larger than the 64 KiB limit once decompressed"));
    }

    @Test
    void aCorruptGzipBodyIsOneClearLine() {
        web.stubFor(get("/broken").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody("not gzip at all")));
        assertThat(new FileAndWebSource(settings).read(web.url("/broken")))
                .isEqualTo(new SourceResult.Failure(web.url("/broken"), "the response says it is gzip-compressed but is not valid gzip"));
    }
}
