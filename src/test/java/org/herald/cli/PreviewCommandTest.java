package org.herald.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewCommandTest {
    private static final String CONFIG = "config/application.conf";
    private static final String SEED = "../shared/seed/article.txt";

    @TempDir
    Path dir;

    @Test
    void seedArticleWithALinkPreviewsTheHeadlineAndTheTweet() {
        HeraldRun run = HeraldRun.of("--config", CONFIG, "preview", "--json", "--link", "https://example.com/x", SEED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(1);
        String line = run.outLines().get(0);
        assertThat(line).contains("\"headline\":\"New Syrian-Israeli talks to discuss the “security agreement”\"")
                .contains("\"link\":\"https://example.com/x\"")
                .contains("\"channel\":\"x-main\",\"network\":\"x\",\"text\":\"New Syrian-Israeli talks to discuss the “security agreement” https://example.com/x\"")
                .contains("\"channel\":\"fb-main\",\"network\":\"facebook\"")
                .contains("\"weightedLength\":84,\"valid\":true")
                .contains("\"lang\":\"en\"")
                .contains("\"confidence\":\"high\",\"confidenceReason\":\"headline is the text's first line\"")
                .doesNotContain("Follow");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void manyInputsAreReadTogetherAndPrintedInTheOrderGivenWithEachFailureInItsPlace() throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--config", CONFIG, "preview", "--json", "--link", "https://example.com/x"));
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i % 7 == 3) {
                args.add(dir.resolve("missing-" + i + ".txt").toString());
                expected.add("missing-" + i + ".txt");
            } else {
                // pages of very different sizes, so they finish out of order when read in parallel
                Path story = write("story-" + i + ".txt", "Story number " + i + " makes the news\n\n" + "Body text. ".repeat(1 + (i * 37) % 4000));
                args.add(story.toString());
                expected.add("Story number " + i + " makes the news");
            }
        }
        HeraldRun run = HeraldRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(60);
        for (int i = 0; i < 60; i++) {
            String line = run.outLines().get(i);
            if (expected.get(i).startsWith("missing-")) assertThat(line).contains("\"error\"").contains(expected.get(i));
            else assertThat(line).contains("\"headline\":\"" + expected.get(i) + "\"");
        }
    }

    @Test
    void humanOutputShowsEachChannelsPostWithItsLengthAndVerdict() {
        HeraldRun run = HeraldRun.of("--config", CONFIG, "preview", "--link", "https://example.com/x", SEED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("headline  New Syrian-Israeli talks to discuss the “security agreement”")
                .contains("link      https://example.com/x")
                .contains("confidence high (headline is the text's first line)")
                .contains("x-main (x, dry-run)  84/280 weighted  fits")
                .contains("  │ New Syrian-Israeli talks to discuss the “security agreement” https://example.com/x")
                .contains("fb-main (facebook, dry-run)")
                .contains("  link: https://example.com/x");
    }

    @Test
    void aPageWhoseTitlesDisagreeIsPreviewedWithLowConfidenceAndWhy() throws IOException {
        Path page = write("page.html", "<html><head><meta property=\"og:title\" content=\"Fed's statement on Operation Twist\">"
                + "<link rel=\"canonical\" href=\"https://example.com/fed\"></head><body><h1>Market Insider</h1></body></html>");
        HeraldRun json = HeraldRun.of("--config", CONFIG, "preview", "--json", page.toString());
        assertThat(json.outLines()).singleElement().asString()
                .contains("\"confidence\":\"low\",\"confidenceReason\":\"the og:title shares no words with the h1\"");
        assertThat(HeraldRun.of("--config", CONFIG, "preview", page.toString()).out())
                .contains("confidence low (the og:title shares no words with the h1)");
    }

    @Test
    void everyBadInputGetsOneLineAndTheOthersStillPrint() throws IOException {
        Path empty = write("empty.txt", "   \n\n");
        Path binary = dir.resolve("image.png");
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[10] = 0;
        Files.write(binary, noise);
        Path noHeadline = write("blank.html", "<!DOCTYPE html><html><head></head><body><div class=x></div></body></html>");
        Path malformed = write("broken.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Oops</channel></rss>");
        Path secret = write("secret.txt", "TOP-SECRET-VALUE-42");
        Path xxe = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><link>https://e.example/</link><description>d</description>"
                + "<item><title>&xxe;</title><link>https://e.example/a</link></item></channel></rss>");
        Path laughs = write("laughs.xml", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]><rss version=\"2.0\"><channel><title>&lol3;</title></channel></rss>");
        Path oversize = dir.resolve("huge.html");
        Files.write(oversize, ("<html><head><title>Big</title></head><body>" + "x".repeat(5 * 1024 * 1024) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8));
        String missing = dir.resolve("missing.txt").toString();

        HeraldRun run = HeraldRun.of("--config", CONFIG, "preview", "--json", "--link", "https://example.com/x",
                missing, empty.toString(), SEED, binary.toString(), noHeadline.toString(), malformed.toString(),
                xxe.toString(), laughs.toString(), oversize.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).isEqualTo("{\"source\":\"" + missing + "\",\"error\":\"no such file\"}");
        assertThat(lines.get(1)).isEqualTo("{\"source\":\"" + empty + "\",\"error\":\"empty: there is no article in it\"}");
        assertThat(lines.get(2)).contains("\"headline\":\"New Syrian-Israeli talks");
        assertThat(lines.get(3)).isEqualTo("{\"source\":\"" + binary + "\",\"error\":\"binary data, not text, HTML or a feed\"}");
        assertThat(lines.get(4)).isEqualTo("{\"source\":\"" + noHeadline + "\",\"error\":\"no headline found in the page\"}");
        assertThat(lines.get(5)).startsWith("{\"source\":\"" + malformed + "\",\"error\":\"malformed feed: ");
        assertThat(lines.get(6)).startsWith("{\"source\":\"" + xxe + "\",\"error\":\"malformed feed: ").contains("DOCTYPE");
        assertThat(lines.get(7)).startsWith("{\"source\":\"" + laughs + "\",\"error\":\"malformed feed: ");
        assertThat(lines.get(8)).isEqualTo("{\"source\":\"" + oversize + "\",\"error\":\"larger than the 5 MiB limit\"}");
        assertThat(run.out()).doesNotContain("TOP-SECRET-VALUE-42").doesNotContain("lollollol");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void humanModeReportsFailuresOnStandardErrorWithoutStackTraces() throws IOException {
        Path malformed = write("broken.xml", "<?xml version=\"1.0\"?><rss><channel><item><title>Oops</channel></rss>");
        HeraldRun run = HeraldRun.of("--config", CONFIG, "preview", "--link", "https://example.com/x",
                malformed.toString(), SEED, dir.resolve("nope.html").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("herald: " + malformed + ": malformed feed: ");
        assertThat(run.errLines().get(1)).isEqualTo("herald: " + dir.resolve("nope.html") + ": no such file");
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.out()).contains("New Syrian-Israeli talks");
    }

    @Test
    void aFeedPrintsOneObjectPerEntryInOrder() {
        HeraldRun run = HeraldRun.of("--config", CONFIG, "preview", "--json", "samples/newsroom.xml");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(4);
        assertThat(run.outLines().get(0)).contains("\"headline\":\"City council approves “green corridor” plan for the old rail line\"")
                .contains("\"link\":\"https://news.example.org/2026/11/24/green-corridor-plan\"")
                .contains("\"guid\":\"sample-2026-11-24-green-corridor\"");
        assertThat(run.outLines().get(1)).contains("\"lang\":\"ar\"").contains("\"dir\":\"rtl\"");
        assertThat(run.outLines().get(2)).contains("\"valid\":true").contains("… https://news.example.org/2026/11/23/storm-hana-coast\"");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(HeraldRun.of("--config", CONFIG, "preview").exitCode()).isEqualTo(2);
        HeraldRun badLink = HeraldRun.of("--config", CONFIG, "preview", "--link", "not a url", SEED);
        assertThat(badLink.exitCode()).isEqualTo(2);
        assertThat(badLink.errLines().get(0)).isEqualTo("herald: --link must be an absolute http(s) URL, not 'not a url'");
        assertThat(HeraldRun.of("--config", CONFIG, "preview", "--nonsense", SEED).exitCode()).isEqualTo(2);
        assertThat(HeraldRun.of("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void helpAndVersionWorkEverywhere() {
        HeraldRun help = HeraldRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--config").contains("--verbose").contains("preview");
        assertThat(HeraldRun.of("preview", "--help").out()).contains("--json").contains("--link");
        assertThat(HeraldRun.of("--version").out()).startsWith("Herald ");
        assertThat(HeraldRun.of("preview", "--version").out()).startsWith("Herald ");
    }

    @Test
    void missingConfigFileIsOneLineAndExitCodeThree() {
        HeraldRun run = HeraldRun.of("--config", dir.resolve("nope.conf").toString(), "preview", SEED);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.errLines()).containsExactly("herald: " + dir.resolve("nope.conf") + ": no such configuration file (pass another with --config FILE)");
    }

    private Path write(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }
}
