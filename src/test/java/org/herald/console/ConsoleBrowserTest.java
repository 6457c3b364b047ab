package org.herald.console;

import org.herald.access.Role;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A social media manager's morning in a real browser (headless Chromium) against the real daemon: its Quartz
 * jobs send from the H2 outbox to the fakes of X and Facebook while the console steers it. One browser and one
 * daemon for the whole class; the tests run in order, as one session would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Chromium.OnFailure.class)
class ConsoleBrowserTest {
    @TempDir
    static Path dir;

    private static RunningHerald herald;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static List<Long> budget;      // x-main, fb-main rows of a story due tomorrow
    private static List<Long> bridge;
    private static long failed;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dir, "");
        herald.addUser("maya", Role.EDITOR);
        herald.addUser("ali", Role.ADMIN);
        herald.addUser("vic", Role.VIEWER);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        budget = herald.enqueue("Council approves the new city budget after a long debate", "https://news.example.org/budget", tomorrow);
        bridge = herald.enqueue("Old bridge to close for repairs in spring", "https://news.example.org/bridge", tomorrow.plusSeconds(60));
        long broken = herald.enqueue("Storm warning for the coast tonight", "https://news.example.org/storm", tomorrow.plusSeconds(120)).get(0);
        // a post X refused for good, as a send cycle records it
        herald.outbox().claim(broken, "test", Instant.now());
        herald.outbox().markFailed(broken, "X refused the post: 403 You are not permitted to perform this action", Instant.now());
        failed = broken;
        browser = Chromium.startWatched();
        wait = Chromium.patientWait(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (herald != null) herald.close();
    }

    private static void open(String path) {
        browser.get(herald.url(path));
    }

    private static WebElement row(long id) {
        return browser.findElement(By.id("row-" + id));
    }

    private static void signIn(String user, String password) {
        Chromium.signIn(browser, herald.url("/login"), user, password);
    }

    private static OutboxEntry stored(long id) {
        return herald.outbox().find(id).orElseThrow();
    }

    @Test
    @Order(1)
    void signsInAfterAWrongPassword() {
        signIn("maya", "not my password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Wrong user name or password."));
        Chromium.screenshot(browser, "01-sign-in-refused");
        signIn("maya", RunningHerald.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/queue"));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("maya (editor)");
    }

    @Test
    @Order(2)
    void seesTheQueuedRowsAndWhyOneFailed() {
        open("/queue");
        assertThat(row(budget.get(0)).getText()).contains("Council approves the new city budget after a long debate https://news.example.org/budget")
                .contains("SCHEDULED").contains("x-main").contains("Europe/Paris");
        assertThat(row(budget.get(1)).getText()).contains("fb-main").contains("facebook");
        assertThat(row(failed).getText()).contains("FAILED").contains("X refused the post: 403 You are not permitted to perform this action");
        Chromium.screenshot(browser, "02-queue");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));   // a phone
        Chromium.screenshot(browser, "02-queue-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1400));
    }

    @Test
    @Order(3)
    void editsAScheduledXPostAndTheEditedTextIsWhatXReceivesOnce() {
        open("/queue");
        long id = budget.get(0);
        row(id).findElement(By.cssSelector("details.edit summary")).click();
        WebElement text = row(id).findElement(By.name("text"));
        text.clear();
        String edited = "Budget passes 7-2 after a six-hour debate https://news.example.org/budget";
        text.sendKeys(edited);
        row(id).findElement(By.className("action-edit")).click();
        wait.until(d -> row(id).getText().contains("text changed"));
        assertThat(stored(id).text()).isEqualTo(edited);
        Chromium.screenshot(browser, "03-edited");

        // now bring it forward: due now, in the reader's zone
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(Instant.now().atZone(ZoneId.of("Europe/Paris")));
        WebElement at = row(id).findElement(By.name("at"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", at, now);
        row(id).findElement(By.className("action-reschedule")).click();
        wait.until(d -> row(id).getText().contains("scheduled for"));
        await().atMost(Duration.ofSeconds(15)).until(() -> stored(id).state() == OutboxState.SENT);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> herald.x.tweets().size() == 1);
        assertThat(herald.x.tweets()).containsExactly(edited);

        open("/queue?state=SENT");
        assertThat(row(id).findElement(By.className("live")).getAttribute("href")).startsWith("https://x.com/i/web/status/");
        open("/activity?row=" + id);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("maya").contains("edit")
                .contains("old: Council approves the new city budget").contains("new: " + edited).contains("reschedule");
        Chromium.screenshot(browser, "04-activity");
    }

    @Test
    @Order(4)
    void cancelsAPostThatIsThenNeverSent() {
        open("/queue");
        long id = bridge.get(0);
        row(id).findElement(By.className("action-cancel")).click();
        wait.until(d -> row(id).getText().contains("cancelled"));
        assertThat(row(id).getAttribute("data-state")).isEqualTo("CANCELLED");
        // a cancelled row is not sent even when its time comes round: reschedule the sibling to now as a control
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> stored(id).state() == OutboxState.CANCELLED);
        assertThat(herald.x.tweets()).noneMatch(t -> t.contains("Old bridge"));
    }

    @Test
    @Order(5)
    void retriesAFailedPostWhichThenGoesOut() {
        open("/queue?state=FAILED");
        row(failed).findElement(By.className("action-retry")).click();
        wait.until(d -> row(failed).getText().contains("scheduled again, due now"));
        await().atMost(Duration.ofSeconds(15)).until(() -> herald.x.tweets().stream().anyMatch(t -> t.startsWith("Storm warning for the coast")));
        // the fake has the tweet a moment before the send cycle marks the row sent
        await().atMost(Duration.ofSeconds(15)).until(() -> stored(failed).state() == OutboxState.SENT);
    }

    @Test
    @Order(6)
    void anAdminPausesAndResumesAChannel() {
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn("ali", RunningHerald.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/queue"));
        open("/channels");
        browser.findElement(By.cssSelector("#channel-x-main .action-pause")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "channel x-main paused"));
        assertThat(browser.findElement(By.id("channel-x-main")).getText()).contains("paused by").contains("ali");
        Chromium.screenshot(browser, "05-channels-paused");

        long id = herald.enqueue("Library opens on Sundays from next month", "https://news.example.org/library", Instant.now()).get(0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> stored(id).state() == OutboxState.SCHEDULED);
        assertThat(herald.x.tweets()).noneMatch(t -> t.startsWith("Library opens"));

        browser.findElement(By.cssSelector("#channel-x-main .action-resume")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "channel x-main resumed"));
        await().atMost(Duration.ofSeconds(15)).until(() -> herald.x.tweets().stream().filter(t -> t.startsWith("Library opens")).count() == 1);

        browser.findElement(By.cssSelector("#channel-x-main .action-check")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "channel x-main: ok"));
        Chromium.screenshot(browser, "06-channels");
        open("/feeds");
        assertThat(browser.findElement(By.id("feed-newsroom")).getText()).contains("every 10m");
        Chromium.screenshot(browser, "07-feeds");
        open("/settings");
        Chromium.screenshot(browser, "08-settings");
    }

    @Test
    @Order(7)
    void aViewerSeesEverythingButIsRefusedAnAction() {
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn("vic", RunningHerald.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/queue"));
        long id = bridge.get(1);
        assertThat(row(id).findElements(By.className("action-cancel"))).isEmpty();
        // the viewer sends the form anyway, as a crafted page would
        String csrf = browser.findElement(By.cssSelector("form[action='/logout'] input[name=csrf]")).getAttribute("value");
        ((JavascriptExecutor) browser).executeScript("""
                const f = document.createElement('form'); f.method = 'post'; f.action = '/outbox/' + arguments[0] + '/cancel';
                const i = document.createElement('input'); i.name = 'csrf'; i.value = arguments[1]; f.appendChild(i);
                document.body.appendChild(f); f.submit();""", id, csrf);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "This needs the editor role"));
        Chromium.screenshot(browser, "09-viewer-refused");
        assertThat(stored(id).state()).isEqualTo(OutboxState.SCHEDULED);
    }

    @Test
    @Order(8)
    void signsOut() {
        open("/queue");
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        open("/queue");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        Chromium.screenshot(browser, "10-signed-out");
    }
}
