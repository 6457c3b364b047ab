package org.herald.schedule;

import org.herald.config.SettingsLoader;
import org.herald.fakes.FakeGraph;
import org.herald.outbox.Database;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Herald processes on one embedded database: while {@code herald run} waits on a slow Facebook call, a
 * {@code run --once} must not take the row it holds for an orphan and post it again.
 */
class OneSenderTest {
    @TempDir
    Path dir;

    @Test
    void aSecondSenderIsRefusedWhileTheFirstIsMidCall() throws Exception {
        try (FakeGraph graph = FakeGraph.start(Clock.systemUTC()).page(TestChannels.FB_PAGE, "Herald Test Page")
                .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true)) {
            // the first post hangs for 8 s and is not stored, so a second process looking on the Page finds nothing
            graph.nextSlowWithoutStoring(Duration.ofSeconds(8));
            Path config = dir.resolve("herald.conf");
            Files.writeString(config, """
                    storage.jdbc-url = "jdbc:h2:file:%s"
                    schedule { dispatch-interval = 200ms }
                    console.listen = "127.0.0.1:0"
                    channels.fb-main { network = facebook, page-id = "%s", page-access-token = "%s", graph-base-url = "%s", read-timeout = 20s }
                    """.formatted(dir.resolve("data/herald").toAbsolutePath(), TestChannels.FB_PAGE, TestChannels.FB_TOKEN, graph.baseUrl()));
            try (HeraldProcess run = HeraldProcess.start(dir.resolve("run.log"), config, "run")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> run.output().contains("herald: running") || !run.isAlive());
                try (HeraldProcess schedule = HeraldProcess.start(dir.resolve("schedule.log"), config, "schedule", "--at", "now",
                        "--link", "https://news.example.org/2026/12/01/one-sender", "../shared/seed/article.txt")) {
                    assertThat(schedule.exitCode(60)).as(schedule.output()).isZero();
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> state() == OutboxState.SENDING);

                try (HeraldProcess once = HeraldProcess.start(dir.resolve("once.log"), config, "run", "--once")) {
                    assertThat(once.exitCode(60)).isEqualTo(1);
                    assertThat(once.output()).contains("already sending").contains("pid " + run.pid());
                }
                assertThat(posts(graph)).as("the second process sent nothing").isEqualTo(1);
                assertThat(state()).isEqualTo(OutboxState.SENDING);

                // the first process gets its 504, retries, and posts the story once
                await().atMost(Duration.ofSeconds(60)).until(() -> state() == OutboxState.SENT);
                assertThat(graph.posts()).hasSize(1);

                // post beside the daemon hands the story to it instead of sending from a second process
                Path second = dir.resolve("second.txt");
                Files.writeString(second, "Harbour reopens after the storm\n\nFerries run again from Monday.\n");
                try (HeraldProcess post = HeraldProcess.start(dir.resolve("post.log"), config, "post",
                        "--link", "https://news.example.org/2026/12/01/handed-over", second.toString())) {
                    assertThat(post.exitCode(60)).as(post.output()).isZero();
                    assertThat(post.output()).contains("fb-main: queued as row 2").contains("pid " + run.pid());
                }
                await().atMost(Duration.ofSeconds(30)).failFast("run stopped", () -> !run.isAlive())
                        .until(() -> graph.posts().size() == 2);
                assertThat(graph.posts().get(1)).containsEntry("link", "https://news.example.org/2026/12/01/handed-over");
                run.stop();
                assertThat(run.exitCode(30)).isZero();
            }
        }
    }

    private OutboxState state() throws Exception {
        try (Database database = Database.open(SettingsLoader.load(dir.resolve("herald.conf")).storage())) {
            List<OutboxEntry> rows = new Outbox(database.dataSource()).list(Optional.empty(), 10);
            return rows.isEmpty() ? OutboxState.SCHEDULED : rows.get(0).state();
        }
    }

    private static long posts(FakeGraph graph) {
        return graph.requests().stream().filter(r -> r.method().equals("POST")).count();
    }
}
