package org.herald.console;

import org.herald.access.Role;
import org.herald.compose.TweetLength;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.herald.publish.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Compose in a real browser against the real daemon: read a page a local site serves, lengthen the headline
 * until X's counter (server-side, through htmx) says over and the post is refused, shorten it, schedule it two
 * minutes ahead in another zone, find it in the queue and on the calendar, move the daemon's clock past its time, and see the fake
 * X and Facebook receive it exactly once, with the edited words.
 */
@ExtendWith(Chromium.OnFailure.class)
class ComposeBrowserTest {
    private static final String CANONICAL = "https://news.example.org/2026/12/01/harbour";

    @TempDir
    static Path dir;

    private static MutableClock clock;
    private static StoryPages site;
    private static RunningHerald herald;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        site = new StoryPages().article("/harbour", "Harbour reopens after the storm", CANONICAL, "Ships sail again from the old harbour on Tuesday.");
        clock = new MutableClock(Instant.now());
        herald = RunningHerald.start(dir, "", clock, clock);
        herald.addUser("maya", Role.EDITOR);
        browser = Chromium.startWatched();
        wait = Chromium.patientWait(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (herald != null) herald.close();
        if (site != null) site.close();
    }

    private static String count(String channel) {
        return browser.findElement(By.id("count-" + channel)).getText();
    }

    private static void typeHeadline(String headline) {
        WebElement field = browser.findElement(By.id("headline"));
        field.clear();
        field.sendKeys(headline);
    }

    @Test
    void composeEditOverShortenScheduleAndSeeItPostedOnce() {
        Chromium.signIn(browser, herald.url("/login"), "maya", RunningHerald.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/queue"));
        browser.findElement(By.id("nav-compose")).click();
        wait.until(ExpectedConditions.urlContains("/compose"));

        browser.findElement(By.id("url")).sendKeys(site.url("/harbour"));
        browser.findElement(By.id("read")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-x-main")));
        String original = "Harbour reopens after the storm " + CANONICAL;
        assertThat(browser.findElement(By.id("text-x-main")).getAttribute("value")).isEqualTo(original);
        assertThat(count("x-main")).isEqualTo(TweetLength.count(original).weightedLength() + "/280 · fits");
        assertThat(browser.findElement(By.id("post-fb-main")).getText()).contains("Link: " + CANONICAL);
        assertThat(browser.findElement(By.id("confidence")).getText()).contains("high");
        Chromium.screenshot(browser, "compose-01-read");
        // on a phone the form fits the screen: nothing makes the page scroll sideways
        org.openqa.selenium.Dimension desk = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Chromium.screenshot(browser, "compose-01-read-phone");
        assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).isLessThanOrEqualTo(0L);
        browser.manage().window().setSize(desk);

        // a headline far too long: every channel is composed again as it is typed, and X's counter says over
        String tooLong = "Harbour reopens after the storm as ships, ferries and fishing boats return to the old port, "
                + "the mayor thanks the crews who worked through the night, and the harbour master warns that the outer wall "
                + "still needs repairs before the winter gales arrive in the first week of January";
        typeHeadline(tooLong);
        int overLength = TweetLength.count(tooLong + " " + CANONICAL).weightedLength();
        assertThat(overLength).isGreaterThan(280);
        wait.until(d -> count("x-main").equals(overLength + "/280 · over by " + (overLength - 280)));
        assertThat(browser.findElement(By.id("count-x-main")).getAttribute("class")).contains("over");
        assertThat(browser.findElement(By.id("text-fb-main")).getAttribute("value")).startsWith(tooLong + "\n\n");
        Chromium.screenshot(browser, "compose-02-over");
        browser.findElement(By.id("post-now")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("compose-error"), "The post for x-main does not fit (" + overLength + "/280"));
        assertThat(browser.findElement(By.id("headline")).getAttribute("value")).as("what was typed is kept").isEqualTo(tooLong);
        assertThat(herald.outbox().list(Optional.empty(), 100)).as("nothing queued").isEmpty();

        // shortened: it fits again; one channel's text edited by hand is counted as typed
        String edited = "Harbour open again: ships sail after the storm";
        typeHeadline(edited);
        String tweet = edited + " " + CANONICAL;
        wait.until(d -> count("x-main").equals(TweetLength.count(tweet).weightedLength() + "/280 · fits"));
        assertThat(browser.findElement(By.id("text-x-main")).getAttribute("value")).isEqualTo(tweet);
        String message = edited + "\n\nShips sail again from the old harbour on Tuesday. Photos on our site.";
        WebElement fbText = browser.findElement(By.id("text-fb-main"));
        fbText.clear();
        fbText.sendKeys(message);
        wait.until(d -> count("fb-main").equals(message.codePointCount(0, message.length()) + "/63206 · fits"));

        // two minutes ahead, in another zone than maya's own (Europe/Paris)
        assertThat(browser.findElement(By.id("zone-shown")).getText()).isEqualTo("Europe/Paris");
        ZoneId zone = ZoneId.of("America/New_York");
        new Select(browser.findElement(By.id("zone"))).selectByValue(zone.getId());
        wait.until(ExpectedConditions.textToBe(By.id("zone-shown"), zone.getId()));
        Instant due = clock.instant().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("at")),
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(due.atZone(zone)));
        Chromium.screenshot(browser, "compose-03-ready");
        browser.findElement(By.id("schedule")).click();
        wait.until(ExpectedConditions.urlContains("/compose/done"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("scheduled for "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(due.atZone(zone)) + " America/New_York");
        List<Long> ids = Arrays.stream(browser.findElement(By.id("created")).getAttribute("data-row-ids").split(",")).map(Long::parseLong).toList();
        assertThat(ids).hasSize(2);
        Chromium.screenshot(browser, "compose-04-queued");
        String donePage = browser.getCurrentUrl();

        for (long id : ids) {
            OutboxEntry row = herald.outbox().find(id).orElseThrow();
            assertThat(row.state()).isEqualTo(OutboxState.SCHEDULED);
            assertThat(row.due()).isEqualTo(due);
        }
        browser.findElement(By.id("created-" + ids.get(0))).findElement(By.className("in-queue")).click();
        wait.until(ExpectedConditions.urlContains("/queue"));
        browser.get(herald.url("/queue"));
        for (long id : ids) {
            WebElement row = browser.findElement(By.id("row-" + id));
            assertThat(row.getAttribute("data-state")).isEqualTo("SCHEDULED");
            assertThat(row.getText()).contains(edited);
        }
        Chromium.screenshot(browser, "compose-05-in-queue");

        // on the calendar: each channel's post in its lane, on its day and at its time in maya's own zone
        browser.get(donePage);
        browser.findElement(By.id("created-" + ids.get(0))).findElement(By.className("on-calendar")).click();
        wait.until(ExpectedConditions.urlContains("/calendar"));
        ZoneId mayas = ZoneId.of("Europe/Paris");
        for (long id : ids) {
            String channel = herald.outbox().find(id).orElseThrow().channel();
            WebElement cell = browser.findElement(By.id("cell-" + channel + "-" + due.atZone(mayas).toLocalDate()));
            WebElement post = cell.findElement(By.id("post-" + id));
            assertThat(post.getAttribute("data-state")).isEqualTo("SCHEDULED");
            assertThat(post.getAttribute("data-time")).isEqualTo(DateTimeFormatter.ofPattern("HH:mm").format(due.atZone(mayas)));
        }
        Chromium.screenshot(browser, "compose-05b-on-calendar");
        browser.findElement(By.id("post-" + ids.get(0))).click();
        wait.until(ExpectedConditions.urlContains("/outbox/" + ids.get(0)));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(edited);

        // not yet due: nothing goes out (the daemon dispatches every 500 ms of real time, by its own clock)
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> herald.x.tweets().isEmpty() && herald.graph.posts().isEmpty());
        clock.advance(Duration.ofMinutes(4));
        await().atMost(Duration.ofSeconds(15)).until(() -> herald.x.tweets().size() == 1 && herald.graph.posts().size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> herald.x.tweets().size() == 1 && herald.graph.posts().size() == 1);
        assertThat(herald.x.tweets()).containsExactly(tweet);
        assertThat(herald.graph.posts()).singleElement().satisfies(p -> {
            assertThat(p.get("message")).isEqualTo(message);
            assertThat(p.get("link")).isEqualTo(CANONICAL);
        });
        browser.get(herald.url("/queue"));
        for (long id : ids) assertThat(browser.findElement(By.id("row-" + id)).getAttribute("data-state")).isEqualTo("SENT");
        browser.get(herald.url("/activity"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("maya").contains("compose").contains("compose-schedule");
        Chromium.screenshot(browser, "compose-06-sent");
    }
}
