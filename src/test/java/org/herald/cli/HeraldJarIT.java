package org.herald.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar, run as a separate process the way users run it: stdout carries only the command's output. */
class HeraldJarIT {
    private static final Path JAR = Path.of("target/herald.jar");

    private record Result(int exitCode, List<String> out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(out, StandardCharsets.UTF_8);
        return new Result(process.exitValue(), stdout.isEmpty() ? List.of() : List.of(stdout.split("\n")), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void previewJsonOfTheSampleFeedPrintsExactlyOneLinePerEntry() throws Exception {
        assertThat(Files.exists(JAR)).isTrue();
        Result result = run("preview", "--json", "samples/newsroom.xml");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).hasSize(4).allMatch(line -> line.startsWith("{\"source\":\"samples/newsroom.xml\",\"headline\":"));
        assertThat(result.err()).isEmpty();
        assertThat(result.out().get(1)).contains("\"headline\":\"عاجل: المصرف المركزي يثبّت أسعار الفائدة للمرة الثالثة على التوالي\"");
    }

    @Test
    void runOnceOnTheEmbeddedDefaultPrintsTheSamplePostsAndASecondRunPostsNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path config = dir.resolve("herald.conf");
        Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\n");
        Result first = run("--config", config.toString(), "run", "--once");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out().stream().filter(l -> l.startsWith("── dry-run "))).hasSize(8);
        assertThat(first.out()).contains("feed newsroom: 4 new stories, 8 posts queued", "channel x-main: 4 sent (dry-run)", "channel fb-main: 4 sent (dry-run)");
        Result second = run("--config", config.toString(), "run", "--once");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).containsExactly("feed newsroom: 0 new stories, 0 posts queued", "channel fb-main: 0 sent (dry-run)",
                "channel x-main: 0 sent (dry-run)");
        assertThat(second.err()).isEmpty();
    }

    @Test
    void theJarServesTheConsoleWithItsCompiledTemplatesAndHtmx(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path config = dir.resolve("herald.conf");
        Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\n"
                + "console.listen = \"127.0.0.1:0\"\n");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "--config", config.toString(), "console").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            var err = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            String line = err.readLine();
            assertThat(line).startsWith("herald: console on http://127.0.0.1:");
            String base = line.replaceAll("^herald: console on (http://[^/]+)/.*$", "$1");
            var http = java.net.http.HttpClient.newHttpClient();
            var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("herald user add NAME --role admin");
            var htmx = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/webjars/htmx.org/2.0.8/dist/htmx.min.js")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(htmx.statusCode()).isEqualTo(200);
            assertThat(htmx.body()).contains("htmx");
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void badInputIsOneLineOnStandardErrorWithExitCodeOne() throws Exception {
        Result result = run("preview", "no-such-file.html");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("herald: no-such-file.html: no such file\n");
    }

    @Test
    void versionAndUsageErrors() throws Exception {
        assertThat(run("--version").out()).singleElement().asString().matches("Herald \\d+\\.\\d+\\.\\d+.*");
        assertThat(run("preview").exitCode()).isEqualTo(2);
    }

    @Test
    void sigtermEndsTheDaemonWithinSecondsWhileAFeedPollIsStalled(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (org.herald.fakes.SlowHttpServer feed = org.herald.fakes.SlowHttpServer.stallingAfter(0, "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Stalled</title><link>https://news.example.org/</link>"
                        + "<description>d</description><item><title>Never arrives</title><link>https://news.example.org/1</link>"
                        + "</item></channel></rss>")) {
            Path config = dir.resolve("herald.conf");
            // a read time-out far beyond the test: only the stop signal can end this poll
            Files.writeString(config, """
                    fetch.read-timeout = 10m
                    console.listen = "127.0.0.1:0"
                    storage.jdbc-url = "jdbc:h2:file:%s"
                    feeds.stalled { url = "%s", every = 1m }
                    channels.x-main { network = x, dry-run = true }
                    """.formatted(dir.resolve("data/herald").toAbsolutePath(), feed.url("/rss.xml")));
            Path log = dir.resolve("run.log");
            Process herald = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    JAR.toString(), "--config", config.toString(), "run")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> feed.requests() >= 1);
                herald.destroy(); // SIGTERM
                assertThat(herald.waitFor(10, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
                assertThat(herald.exitValue()).as(Files.readString(log)).isZero();
                assertThat(Files.readString(log)).contains("herald: stopped");
            } finally {
                herald.destroyForcibly();
            }
        }
    }
}
