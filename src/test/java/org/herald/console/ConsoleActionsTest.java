package org.herald.console;

import org.herald.access.Role;
import org.herald.outbox.FeedPolls;
import org.herald.outbox.OutboxState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console's actions as plain form posts (no JavaScript): the outcome comes back on the page the form came from. */
class ConsoleActionsTest {
    @TempDir
    Path dir;

    private RunningHerald herald;
    private Browserless editor;
    private Browserless admin;

    @BeforeEach
    void start() {
        herald = RunningHerald.start(dir, "");
        herald.addUser("eda", Role.EDITOR);
        herald.addUser("ali", Role.ADMIN);
        editor = new Browserless(herald.url(""));
        editor.signIn("eda", RunningHerald.PASSWORD);
        admin = new Browserless(herald.url(""));
        admin.signIn("ali", RunningHerald.PASSWORD);
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    private String afterRedirect(HttpResponse<String> post, Browserless who) {
        assertThat(post.statusCode()).isEqualTo(303);
        return who.get(post.headers().firstValue("Location").orElseThrow()).body();
    }

    @Test
    void anXEditOverTheLimitIsRefusedWithItsLengthAndTheRowKeepsItsText() {
        List<Long> ids = herald.enqueue("Council approves budget", "https://news.example.org/a", Instant.now().plus(Duration.ofHours(3)));
        String page = afterRedirect(editor.post("/outbox/" + ids.get(0) + "/edit", Map.of("csrf", editor.sessionCsrf(),
                "text", "long ".repeat(60) + "https://news.example.org/a", "back", "/queue?channel=x-main")), editor);
        assertThat(page).contains("row " + ids.get(0) + ": the tweet is 323/280 as X counts it").contains("class=\"notice error\"");
        assertThat(herald.outbox().find(ids.get(0)).orElseThrow().text()).isEqualTo("Council approves budget https://news.example.org/a");
        assertThat(editor.get("/queue").body()).as("a notice is shown once").doesNotContain("323/280");
    }

    @Test
    void eachRowShowsHowSureCondensingWasOfItsHeadline() {
        long id = herald.enqueue("Council approves budget", "https://news.example.org/a", Instant.now().plus(Duration.ofHours(3))).get(0);
        String confidence = herald.outbox().find(id).orElseThrow().confidence().orElseThrow().id();
        assertThat(editor.get("/queue").body()).contains("<dt>headline confidence</dt><dd>" + confidence);
    }

    @Test
    void rescheduleTakesTheTimeInTheReadersZoneAndTheSecondCancelIsRefused() {
        long id = herald.enqueue("Council approves budget", "https://news.example.org/a", Instant.now().plus(Duration.ofHours(3))).get(1);
        editor.post("/settings", Map.of("csrf", editor.sessionCsrf(), "time-zone", "Asia/Tokyo"));
        String page = afterRedirect(editor.post("/outbox/" + id + "/reschedule", Map.of("csrf", editor.sessionCsrf(), "at", "2027-01-02T09:15")), editor);
        assertThat(page).contains("row " + id + " (fb-main): scheduled for 2027-01-02 09:15 JST");
        assertThat(herald.outbox().find(id).orElseThrow().nextAttempt()).isEqualTo(Instant.parse("2027-01-02T00:15:00Z"));
        assertThat(page).contains("2027-01-02 09:15 Asia/Tokyo");

        afterRedirect(editor.post("/outbox/" + id + "/cancel", Map.of("csrf", editor.sessionCsrf())), editor);
        String again = afterRedirect(editor.post("/outbox/" + id + "/cancel", Map.of("csrf", editor.sessionCsrf())), editor);
        assertThat(again).contains("row " + id + " is CANCELLED; it can be cancelled only while SCHEDULED, PENDING_REVIEW, FAILED or EXPIRED");
        assertThat(editor.get("/activity?row=" + id).body()).contains("reschedule").contains("cancel").contains("eda");
    }

    @Test
    void anHtmxActionAnswersWithTheChangedRow() {
        long id = herald.enqueue("Council approves budget", "https://news.example.org/a", Instant.now().plus(Duration.ofHours(3))).get(0);
        HttpResponse<String> r = editor.post("/outbox/" + id + "/cancel", Map.of("csrf", editor.sessionCsrf()), Map.of("HX-Request", "true"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("<article class=\"row\" id=\"row-" + id + "\" data-state=\"CANCELLED\"")
                .contains("row " + id + " (x-main): cancelled").doesNotContain("<html");
    }

    @Test
    void anAdminPausesAFeedPollsOneNowAndSeesWhatItBrought() {
        assertThat(afterRedirect(admin.post("/feeds/newsroom/poll", Map.of("csrf", admin.sessionCsrf())), admin))
                .contains("feed newsroom: poll started");
        await().atMost(Duration.ofSeconds(15)).until(() -> new FeedPolls(herald.dataSource()).all().containsKey("newsroom"));
        assertThat(admin.get("/feeds").body()).contains("0 new stories, 0 posts queued").contains("healthy");

        assertThat(afterRedirect(admin.post("/feeds/newsroom/pause", Map.of("csrf", admin.sessionCsrf())), admin))
                .contains("feed newsroom paused").contains("paused by");
        assertThat(afterRedirect(admin.post("/feeds/newsroom/poll", Map.of("csrf", admin.sessionCsrf())), admin))
                .contains("feed newsroom is paused; resume it first");
        assertThat(afterRedirect(admin.post("/feeds/newsroom/resume", Map.of("csrf", admin.sessionCsrf())), admin)).contains("feed newsroom resumed");
        assertThat(admin.post("/feeds/nope/pause", Map.of("csrf", admin.sessionCsrf())).statusCode()).isEqualTo(404);
        assertThat(admin.get("/activity").body()).contains("pause").contains("resume").contains("feed newsroom");
    }

    @Test
    void aPausedChannelHoldsItsRowsUntilResumed() {
        admin.post("/channels/x-main/pause", Map.of("csrf", admin.sessionCsrf()));
        List<Long> ids = herald.enqueue("Library opens on Sundays", "https://news.example.org/lib", Instant.now());
        await().atMost(Duration.ofSeconds(15)).until(() -> herald.outbox().find(ids.get(1)).orElseThrow().state() == OutboxState.SENT);
        assertThat(herald.outbox().find(ids.get(0)).orElseThrow().state()).isEqualTo(OutboxState.SCHEDULED);
        assertThat(herald.x.tweets()).isEmpty();
        herald.restart();
        assertThat(admin.get("/channels").body()).as("the pause holds across a restart").contains("paused by");
        admin.post("/channels/x-main/resume", Map.of("csrf", admin.sessionCsrf()));
        await().atMost(Duration.ofSeconds(15)).until(() -> herald.x.tweets().size() == 1);
    }
}
