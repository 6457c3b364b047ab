package org.herald.console;

import org.herald.access.Role;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Review before posting in a real browser against the real daemon: a feed with {@code review = always} brings
 * three stories; an editor approves one (editing its tweet), rejects one, and leaves one until it is stale.
 * The fakes of X and Facebook see exactly the approved story, once, with the edit.
 */
@ExtendWith(Chromium.OnFailure.class)
class ReviewBrowserTest {
    /** Short enough that the story left alone expires within the test, long enough to review the other two first. */
    private static final String LATENESS = "40s";

    @TempDir
    static Path dir;

    private static RunningHerald herald;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Path feed = dir.resolve("reviewed.xml");
        Files.writeString(feed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>https://news.example.org/</link><description>w</description>
                <item><title>Harbour reopens after the storm</title><link>https://news.example.org/harbour</link><guid>harbour</guid>
                  <description>Ships sail again from the old harbour.</description><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>
                <item><title>Unconfirmed report of a merger</title><link>https://news.example.org/merger</link><guid>merger</guid>
                  <description>Two banks may merge.</description><pubDate>Tue, 01 Dec 2026 08:01:00 GMT</pubDate></item>
                <item><title>Choir wins regional prize</title><link>https://news.example.org/choir</link><guid>choir</guid>
                  <description>The town choir won.</description><pubDate>Tue, 01 Dec 2026 08:02:00 GMT</pubDate></item>
                </channel></rss>
                """);
        herald = RunningHerald.start(dir, """
                feeds.wire { url = "%s", every = 10m, review = always, initial-backlog = 3 }
                channels.x-main.max-lateness = %s
                channels.fb-main.max-lateness = %s
                """.formatted(feed.toUri(), LATENESS, LATENESS));
        herald.addUser("maya", Role.EDITOR);
        browser = Chromium.startWatched();
        wait = Chromium.patientWait(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (herald != null) herald.close();
    }

    private static List<OutboxEntry> rowsOf(String link) {
        return herald.outbox().list(Optional.empty(), 1000).stream().filter(e -> e.link().map(Object::toString).orElse("").equals(link))
                .sorted(java.util.Comparator.comparing(OutboxEntry::channel).reversed()).toList();   // x-main, fb-main
    }

    private static WebElement held(long id) {
        return browser.findElement(By.id("held-" + id));
    }

    @Test
    void approvedWithAnEditRejectedAndExpired() {
        await().atMost(Duration.ofSeconds(15)).until(() -> herald.outbox().list(Optional.of(OutboxState.PENDING_REVIEW), 100).size() == 6);
        Chromium.signIn(browser, herald.url("/login"), "maya", RunningHerald.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/queue"));
        List<OutboxEntry> harbour = rowsOf("https://news.example.org/harbour");
        List<OutboxEntry> merger = rowsOf("https://news.example.org/merger");
        List<OutboxEntry> choir = rowsOf("https://news.example.org/choir");
        assertThat(browser.findElement(By.id("row-" + harbour.get(0).id())).getText()).contains("PENDING_REVIEW").contains("Waiting for review");

        browser.get(herald.url("/review"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Harbour reopens after the storm").contains("Ships sail again from the old harbour.")
                .contains("https://news.example.org/merger").contains("Choir wins regional prize");
        assertThat(page.indexOf("Harbour reopens")).isLessThan(page.indexOf("Unconfirmed report")).isLessThan(page.indexOf("Choir wins"));
        assertThat(held(harbour.get(0).id()).getText()).contains("Harbour reopens after the storm https://news.example.org/harbour");
        Chromium.screenshot(browser, "review-01-pending");

        // approve the harbour tweet with an edit, and its Facebook post as it is
        String edited = "Harbour open again: ships sail after the storm https://news.example.org/harbour";
        WebElement text = held(harbour.get(0).id()).findElement(By.name("text"));
        text.clear();
        text.sendKeys(edited);
        held(harbour.get(0).id()).findElement(By.className("action-approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "approved with the edited text, due now"));
        held(harbour.get(1).id()).findElement(By.className("action-approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "(fb-main): approved, due now"));

        // reject the merger on both channels at once
        WebElement story = browser.findElement(By.id("story-" + merger.get(0).storyId()));
        story.findElement(By.cssSelector(".story-actions input[name=reason]")).sendKeys("not confirmed");
        story.findElement(By.className("action-reject-all")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "rejected by maya: not confirmed"));

        await().atMost(Duration.ofSeconds(15)).until(() -> herald.x.tweets().size() == 1 && herald.graph.posts().size() == 1);
        assertThat(herald.x.tweets()).containsExactly(edited);
        assertThat(herald.graph.posts()).extracting(p -> p.get("link")).containsExactly("https://news.example.org/harbour");
        assertThat(merger).allSatisfy(e -> assertThat(herald.outbox().find(e.id()).orElseThrow().state()).isEqualTo(OutboxState.CANCELLED));

        // the choir story is left alone until it is stale news
        await().atMost(Duration.ofSeconds(60)).until(() -> choir.stream()
                .allMatch(e -> herald.outbox().find(e.id()).orElseThrow().state() == OutboxState.EXPIRED));
        browser.get(herald.url("/review"));
        assertThat(held(choir.get(0).id()).getText()).contains("EXPIRED").contains("not reviewed within max-lateness 40 s");
        assertThat(held(choir.get(0).id()).findElements(By.name("anyway"))).hasSize(1);
        held(choir.get(0).id()).findElement(By.className("action-approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "expired unreviewed"));
        Chromium.screenshot(browser, "review-02-expired");
        assertThat(herald.outbox().find(choir.get(0).id()).orElseThrow().state()).isEqualTo(OutboxState.EXPIRED);

        // nothing else reached the platforms, and each change is in the activity log under maya's name
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> herald.x.tweets().size() == 1);
        assertThat(herald.graph.posts()).hasSize(1);
        browser.get(herald.url("/activity"));
        String log = browser.findElement(By.tagName("main")).getText();
        assertThat(log).contains("maya").contains("approve").contains("edit").contains("reject").contains("new: " + edited);
        assertThat(Map.of("harbour", harbour.size(), "merger", merger.size(), "choir", choir.size()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("harbour", 2, "merger", 2, "choir", 2));
    }
}
