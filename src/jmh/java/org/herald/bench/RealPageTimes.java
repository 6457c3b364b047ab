package org.herald.bench;

import org.herald.compose.Composer;
import org.herald.condense.Condensed;
import org.herald.condense.Condenser;
import org.herald.config.ChannelSettings;
import org.herald.config.CondenseSettings;
import org.herald.config.SettingsLoader;
import org.herald.source.Article;
import org.herald.source.FileAndWebSource;
import org.herald.source.SourceResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Per-page cost of condense + compose on the real corpus pages, in CPU time of the measuring thread (so other
 * processes on a shared machine inflate it less than wall time): the corpus rate, the median and worst cost per
 * byte, and the pages furthest above the median. Run after {@code bench/run.sh} has compiled the bench profile:
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath) org.herald.bench.RealPageTimes [rounds]}.
 */
public final class RealPageTimes {
    private RealPageTimes() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<byte[]> bytes = RealPages.load();
        List<Article> pages = bytes.stream().map(b -> ((SourceResult.Articles) FileAndWebSource.parse("bench", b, Optional.empty(),
                Optional.empty())).articles().get(0)).toList();
        Condenser condenser = new Condenser(CondenseSettings.defaults());
        List<ChannelSettings> channels = SettingsLoader.load(Path.of("config/application.conf")).channels();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] best = new long[pages.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        long sink = 0;
        long total = 0;
        for (int round = 0; round < rounds; round++) {
            long roundStart = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < pages.size(); i++) {
                long start = cpu.getCurrentThreadCpuTime();
                Condensed condensed = condenser.condense(pages.get(i), Optional.empty());
                if (condensed instanceof Condensed.Ok ok) {
                    for (ChannelSettings channel : channels) sink += Composer.forChannel(channel).compose(ok.story(), channel).text().length();
                }
                best[i] = Math.min(best[i], cpu.getCurrentThreadCpuTime() - start);
            }
            // the last round, warm, is the one reported
            total = cpu.getCurrentThreadCpuTime() - roundStart;
        }
        double[] perByte = new double[pages.size()];
        for (int i = 0; i < perByte.length; i++) perByte[i] = best[i] / (double) bytes.get(i).length;
        double[] sorted = perByte.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf("%d real pages, %.1f MB; last round: %.0f pages/s (CPU time, condense + compose for %d channels)%n",
                pages.size(), bytes.stream().mapToLong(b -> b.length).sum() / 1e6, pages.size() / (total / 1e9), channels.size());
        long bestTotal = 0;
        for (long b : best) bestTotal += b;
        // each page's best round: what a free core does, the least disturbed by other work on a shared machine
        System.out.printf("best round per page: %.0f pages/s%n", pages.size() / (bestTotal / 1e9));
        System.out.printf("cost per byte (best of %d rounds): median %.2f ns/B, worst %.2f ns/B = %.1f x the median%n",
                rounds, median, sorted[sorted.length - 1], sorted[sorted.length - 1] / median);
        Integer[] order = new Integer[pages.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(perByte[b], perByte[a]));
        for (int k = 0; k < 5; k++) {
            int i = order[k];
            System.out.printf("  %6.2f ns/B  %7.0f us  %8d bytes  page %d%n", perByte[i], best[i] / 1e3, bytes.get(i).length, i);
        }
        if (sink == 42) System.out.println();
    }
}
