package org.herald.cli;

import org.herald.fakes.FakeGraph;
import org.herald.fakes.FakeX;
import org.herald.publish.MutableClock;
import org.herald.publish.NoSecretsInLogs;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code herald post} and {@code herald check} end to end: real clients, fake platforms, a config file. */
@ExtendWith(NoSecretsInLogs.class)
class PostCommandTest {
    private static final String SEED = "../shared/seed/article.txt";
    private static final String HEADLINE = "New Syrian-Israeli talks to discuss the “security agreement”";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private FakeX x;
    private FakeGraph graph;
    private Path config;

    @BeforeEach
    void start() throws IOException {
        x = FakeX.start(clock).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET);
        graph = FakeGraph.start(clock).page(TestChannels.FB_PAGE, "Herald Test Page")
                .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true)
                .appSecret(TestChannels.FB_APP_SECRET, FakeGraph.ProofMode.REQUIRED);
        config = writeConfig(TestChannels.X_TOKEN);
    }

    @AfterEach
    void stop() {
        x.close();
        graph.close();
    }

    private Path writeConfig(String xToken) throws IOException {
        Path file = dir.resolve("live-" + xToken.hashCode() + ".conf");
        Files.writeString(file, """
                storage.jdbc-url = "jdbc:h2:file:%s"
                post.retry-budget = 30s
                channels {
                  x-main { network = x, api-key = "%s", api-key-secret = "%s", access-token = "%s", access-token-secret = "%s",
                           api-base-url = "%s", read-timeout = 2s }
                  fb-main { network = facebook, page-id = "%s", page-access-token = "%s", app-secret = "%s",
                            graph-base-url = "%s", read-timeout = 2s }
                }
                """.formatted(dir.resolve("data/herald").toAbsolutePath(), TestChannels.X_KEY, TestChannels.X_KEY_SECRET, xToken, TestChannels.X_TOKEN_SECRET, x.baseUrl(),
                TestChannels.FB_PAGE, TestChannels.FB_TOKEN, TestChannels.FB_APP_SECRET, graph.baseUrl()));
        return file;
    }

    private HeraldRun herald(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = HeraldCommand.execute(args, console, clock, clock);
        return new HeraldRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void postsTheSeedArticleToBothChannelsAndPrintsTheirUrls() {
        HeraldRun run = herald("--config", config.toString(), "post", "--link", "https://example.com/x", SEED);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).startsWith("fb-main (facebook): published https://www.facebook.com/" + TestChannels.FB_PAGE + "/posts/");
        assertThat(run.outLines().get(1)).startsWith("x-main (x): published https://x.com/i/web/status/");
        assertThat(x.tweets()).containsExactly(HEADLINE + " https://example.com/x");
        assertThat(graph.posts()).hasSize(1);
        assertThat(graph.posts().get(0)).containsEntry("link", "https://example.com/x");
        assertThat(graph.posts().get(0).get("message")).startsWith(HEADLINE + "\n\nHigh-ranking Syrian").doesNotContain("Follow");
        assertThat(run.out() + run.err()).doesNotContain(TestChannels.FB_TOKEN).doesNotContain(TestChannels.X_KEY_SECRET);
    }

    @Test
    void jsonReportsOneObjectPerChannel() {
        HeraldRun run = herald("--config", config.toString(), "post", "--json", "--channel", "x-main", "--link", "https://example.com/x", SEED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.outLines().get(0)).startsWith("{\"channel\":\"x-main\",\"network\":\"x\",\"outcome\":\"published\",\"remoteId\":\"")
                .contains("\"url\":\"https://x.com/i/web/status/").contains("\"error\":null");
        assertThat(graph.posts()).isEmpty();
    }

    @Test
    void authFailureExitsNonZeroWithOneClearLine() throws IOException {
        HeraldRun run = herald("--config", writeConfig("revoked-token-1234").toString(), "post", "--channel", "x-main",
                "--link", "https://example.com/x", SEED);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("herald: x-main (x): authentication failed: X refused the credentials (401");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void transientFailuresAreRetriedWithinTheBudget() {
        x.nextServerError(503, FakeX.ErrorBody.HTML);
        HeraldRun run = herald("--config", config.toString(), "post", "--channel", "x-main", "--link", "https://example.com/x", SEED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("after 2 attempts");
        assertThat(x.tweets()).hasSize(1);
    }

    @Test
    void aRateLimitBeyondTheBudgetFailsWithTheResetTime() {
        x.rateLimit(0, java.time.Duration.ofMinutes(15));
        HeraldRun run = herald("--config", config.toString(), "post", "--channel", "x-main", "--link", "https://example.com/x", SEED);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("x-main (x): X rate limit reached").contains("retry after 2026-11-25T09:");
    }

    @Test
    void plainTextWithoutALinkIsRefusedBeforeAnythingIsSent() {
        HeraldRun run = herald("--config", config.toString(), "post", SEED);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("herald: " + SEED + " has no link of its own: pass --link URL so the post can point to the story");
        assertThat(x.requests()).isEmpty();
        assertThat(graph.requests()).isEmpty();
    }

    @Test
    void dryRunPrintsExactlyWhatWouldBeSentAndSendsNothing() {
        HeraldRun run = herald("--config", config.toString(), "post", "--dry-run", "--link", "https://example.com/x", SEED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("── dry-run x-main (x)\n  │ " + HEADLINE + " https://example.com/x\n")
                .contains("── dry-run fb-main (facebook)\n  │ " + HEADLINE + "\n  │ \n  │ High-ranking")
                .contains("  link: https://example.com/x\n")
                .contains("x-main (x): published dry-run:x-main");
        assertThat(x.requests()).isEmpty();
        assertThat(graph.requests()).isEmpty();
    }

    @Test
    void unknownChannelIsAUsageError() {
        HeraldRun run = herald("--config", config.toString(), "post", "--channel", "mastodon", "--link", "https://example.com/x", SEED);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("herald: unknown channel 'mastodon' (configured: fb-main, x-main)");
    }

    @Test
    void checkPrintsEachAccountAndNoSecret() throws IOException {
        HeraldRun ok = herald("--config", config.toString(), "check");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.outLines()).containsExactly("fb-main (facebook): ok, Herald Test Page (Page " + TestChannels.FB_PAGE + ")",
                "x-main (x): ok, @herald_test (Herald Test)");
        HeraldRun bad = herald("--config", writeConfig("revoked-token-1234").toString(), "check");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.errLines()).hasSize(1);
        assertThat(bad.errLines().get(0)).startsWith("herald: x-main (x): authentication failed");
        for (String secret : TestChannels.secrets()) assertThat(ok.out() + bad.out() + bad.err()).doesNotContain(secret);
    }
}
