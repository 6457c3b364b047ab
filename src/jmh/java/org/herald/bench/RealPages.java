package org.herald.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real saved pages of {@code ../shared/corpus} (beside the checkout; never copied into the project), in
 * manifest order. Benchmarks that need them fail at set-up with a clear message when the corpus is absent.
 */
final class RealPages {
    static final Path CORPUS = Path.of(System.getProperty("herald.corpus", "../shared/corpus"));
    private static final Pattern PATH = Pattern.compile("\"path\": \"([^\"]+)\"");

    private RealPages() {
    }

    static List<byte[]> load() {
        Path manifest = CORPUS.resolve("manifest.jsonl");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalStateException("real-page benchmarks need the corpus at " + CORPUS.toAbsolutePath()
                    + " (set -Dherald.corpus=DIR); run the generated-page benchmarks alone with e.g. CondenseComposeBenchmark.page");
        }
        try {
            List<byte[]> pages = new ArrayList<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                Matcher m = PATH.matcher(line);
                if (m.find()) pages.add(Files.readAllBytes(CORPUS.resolve(m.group(1))));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
