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
import org.herald.source.WebPage;
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
 * Condense + compose throughput over generated ~100 KB news pages and a 200-item feed, with the two
 * channels of the shipped configuration. One operation is one page (or one whole feed).
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
    }

    /** A decoded page in memory: condense, then compose for every channel. */
    @Benchmark
    public void page(Cursor cursor, Blackhole hole) {
        String html = pages.get(cursor.next++ & 63);
        composeAll(condenser.condense(new WebPage("bench", Optional.empty(), html), Optional.empty()), hole);
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
