package org.herald.bench;

import org.herald.compose.Composer;
import org.herald.compose.Post;
import org.herald.condense.Condensed;
import org.herald.condense.Condenser;
import org.herald.config.ChannelSettings;
import org.herald.config.CondenseSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.SettingsLoader;
import org.herald.source.Article;
import org.herald.source.FileAndWebSource;
import org.herald.source.SourceResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Condense + compose throughput over the real saved pages of {@code ../shared/corpus} (341 pages of news sites,
 * blogs and portals, 2 KB to several MB), generated ~100 KB news pages and a 200-item feed, with the two
 * channels of the shipped configuration. One operation is one page (or one whole feed); the real-page
 * benchmarks go through every corpus page in turn, so their rate is the corpus's average page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class CondenseComposeBenchmark {
    private List<String> pages;
    private List<byte[]> pageBytes;
    private byte[] feed;
    private Condenser condenser;
    private List<ChannelSettings> channels;
    private List<byte[]> realBytes;
    private List<Article> realPages;
    private List<Article> generatedPages;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() {
        pages = NewsPages.pages(64, 42);
        pageBytes = pages.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
        feed = NewsPages.feed(200, 42).getBytes(StandardCharsets.UTF_8);
        HeraldSettings settings = SettingsLoader.load(Path.of("config/application.conf"));
        condenser = new Condenser(CondenseSettings.defaults());
        channels = settings.channels();
        generatedPages = pageBytes.stream().map(b -> ((SourceResult.Articles) FileAndWebSource.parse("bench", b, Optional.empty(),
                Optional.empty())).articles().get(0)).toList();
        realBytes = RealPages.load();
        realPages = realBytes.stream().map(b -> ((SourceResult.Articles) FileAndWebSource.parse("bench", b, Optional.empty(),
                Optional.empty())).articles().get(0)).toList();
    }

    /**
     * A real page as the source stage hands it over (its bytes, with the charset rule settled as far as the bytes
     * alone settle it): condense, then compose for every channel.
     */
    @Benchmark
    public void realPage(Cursor cursor, Blackhole hole) {
        Article page = realPages.get(Math.floorMod(cursor.next++, realPages.size()));
        Condensed condensed = condenser.condense(page, Optional.empty());
        // a few corpus pages hold no headline at all; condensing them is still work done
        if (condensed instanceof Condensed.Ok) composeAll(condensed, hole);
        else hole.consume(condensed);
    }

    /** A real page from its bytes: charset detection and decoding (the source stage), condense and compose. */
    @Benchmark
    public void realPageFromBytes(Cursor cursor, Blackhole hole) {
        byte[] bytes = realBytes.get(Math.floorMod(cursor.next++, realBytes.size()));
        SourceResult read = FileAndWebSource.parse("bench", bytes, Optional.empty(), Optional.empty());
        for (Article article : ((SourceResult.Articles) read).articles()) {
            Condensed condensed = condenser.condense(article, Optional.empty());
            if (condensed instanceof Condensed.Ok) composeAll(condensed, hole);
            else hole.consume(condensed);
        }
    }

    /** Baseline: decoding each real page's bytes as UTF-8 and nothing else. */
    @Benchmark
    public Object realUtf8DecodeOnly(Cursor cursor) {
        return new String(realBytes.get(Math.floorMod(cursor.next++, realBytes.size())), StandardCharsets.UTF_8);
    }

    /** A generated page as the source stage hands it over: condense, then compose for every channel. */
    @Benchmark
    public void page(Cursor cursor, Blackhole hole) {
        composeAll(condenser.condense(generatedPages.get(cursor.next++ & 63), Optional.empty()), hole);
    }

    /** Baseline for comparison: a full jsoup parse of the same page, which Herald's scanner avoids. */
    @Benchmark
    public Object jsoupParseOnly(Cursor cursor) {
        return org.jsoup.Jsoup.parse(pages.get(cursor.next++ & 63));
    }

    /** Baseline for comparison: decoding the page's bytes as UTF-8 and nothing else. */
    @Benchmark
    public Object utf8DecodeOnly(Cursor cursor) {
        return new String(pageBytes.get(cursor.next++ & 63), StandardCharsets.UTF_8);
    }

    /** The same from raw bytes: charset detection and decoding included. */
    @Benchmark
    public void pageFromBytes(Cursor cursor, Blackhole hole) {
        byte[] bytes = pageBytes.get(cursor.next++ & 63);
        SourceResult read = FileAndWebSource.parse("bench", bytes, Optional.empty(), Optional.empty());
        for (Article article : ((SourceResult.Articles) read).articles()) {
            composeAll(condenser.condense(article, Optional.empty()), hole);
        }
    }

    /** A whole 200-item feed from bytes: Rome parse, then condense and compose each entry. */
    @Benchmark
    public void feed200(Blackhole hole) {
        SourceResult read = FileAndWebSource.parse("bench", feed, Optional.empty(), Optional.empty());
        for (Article article : ((SourceResult.Articles) read).articles()) {
            composeAll(condenser.condense(article, Optional.empty()), hole);
        }
    }

    private void composeAll(Condensed condensed, Blackhole hole) {
        if (!(condensed instanceof Condensed.Ok ok)) throw new IllegalStateException("benchmark page failed: " + condensed);
        for (ChannelSettings channel : channels) {
            Post post = Composer.forChannel(channel).compose(ok.story(), channel);
            hole.consume(post);
        }
    }
}
