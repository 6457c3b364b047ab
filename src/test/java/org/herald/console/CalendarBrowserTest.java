package org.herald.console;

import org.herald.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar in a real browser (headless Chromium) against the console as {@code herald console} serves it: a
 * reader in Berlin, two channels with quiet hours in London and New York, a week of scheduled, held, sent, failed
 * and expired posts, and a week of 200 posts that must still fit its columns.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Chromium.OnFailure.class)
class CalendarBrowserTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String QUIET = "rgb(185, 192, 207)";
    private static final String RED = "rgb(179, 38, 30)";

    @TempDir
    static Path dir;

    private static CalendarConsole console;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static long sent;
    private static long scheduled;
    private static long held;
    private static long fbScheduled;
    private static long failed;
    private static long expired;
    private static long sundayNight;
    private static final List<Long> tuesday = new ArrayList<>();

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @BeforeAll
    static void start() {
        console = CalendarConsole.start(dir, berlin("2026-12-09T12:00"));
        console.addUser("maya", Role.EDITOR, Optional.of(BERLIN));
        sent = console.sent("x-main", "Council approves the new city budget", berlin("2026-12-07T12:00"));
        scheduled = console.scheduled("x-main", "Old bridge to close for repairs in spring", berlin("2026-12-09T09:15"));
        held = console.held("x-main", "Unconfirmed report of a bank merger", berlin("2026-12-10T10:30"));
        fbScheduled = console.scheduled("fb-main", "Choir wins regional prize", berlin("2026-12-09T16:45"));
        failed = console.failed("fb-main", "Storm warning for the coast tonight", berlin("2026-12-11T14:00"));
        expired = console.expired("fb-main", "Yesterday's traffic report", berlin("2026-12-12T15:00"));
        sundayNight = console.scheduled("x-main", "Late football results", berlin("2026-12-13T23:30"));
        for (int i = 0; i < 4; i++) tuesday.add(console.scheduled("x-main", "Tuesday story " + i, berlin("2026-12-08T1" + i + ":00")));
        busyWeek();
        browser = Chromium.startWatched();
        wait = Chromium.patientWait(browser);
    }

    /** 200 posts in the week of 14 December: a crowded 09:00 every day on both channels, the rest spread, some with long words. */
    private static void busyWeek() {
        Random random = new Random(1214);
        String[] words = {"council", "budget", "harbour", "storm", "election", "bridge", "choir", "merger", "transport", "hospital"};
        for (int i = 0; i < 200; i++) {
            String channel = i % 2 == 0 ? "x-main" : "fb-main";
            int day = (i / 2) % 7;
            int minute = i < 112 ? 9 * 60 + random.nextInt(60) : random.nextInt(24 * 60);
            StringBuilder headline = new StringBuilder();
            int length = 3 + random.nextInt(25);
            for (int w = 0; w < length; w++) headline.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            if (i % 17 == 0) headline.append(" Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller");
            Instant at = LocalDateTime.parse("2026-12-14T00:00").plusDays(day).plusMinutes(minute).atZone(BERLIN).toInstant();
            switch (i % 10) {
                case 0 -> console.held(channel, headline.toString(), at);
                case 1 -> console.sent(channel, headline.toString(), at);
                case 2 -> console.failed(channel, headline.toString(), at);
                default -> console.scheduled(channel, headline.toString(), at);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (console != null) console.close();
    }

    private static void open(String path) {
        browser.get(console.url(path));
    }

    private static WebElement post(long id) {
        return browser.findElement(By.id("post-" + id));
    }

    private static String cellOf(long id) {
        return (String) js("return arguments[0].closest('td').id", post(id));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static String background(String selector) {
        return (String) js("return getComputedStyle(document.querySelector(arguments[0])).backgroundColor", selector);
    }

    @Test
    @Order(1)
    void showsTheWeekInTheReadersZoneWithEachPostOnItsDayAndTime() {
        Chromium.signIn(browser, console.url("/login"), "maya", CalendarConsole.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/queue"));
        browser.findElement(By.linkText("Calendar")).click();
        wait.until(ExpectedConditions.urlContains("/calendar"));
        assertThat(browser.findElement(By.id("calendar-zone")).getText()).isEqualTo("Europe/Berlin");
        assertThat(browser.findElement(By.id("week-title")).getText()).isEqualTo("Mon 7 Dec – Sun 13 Dec 2026");
        assertThat(browser.findElement(By.id("day-2026-12-09")).getAttribute("class")).contains("today");
        assertThat(browser.findElements(By.cssSelector("td.cell.today"))).extracting(e -> e.getAttribute("id"))
                .containsExactly("cell-fb-main-2026-12-09", "cell-x-main-2026-12-09");

        assertThat(cellOf(sent)).isEqualTo("cell-x-main-2026-12-07");
        assertThat(post(sent).getText()).startsWith("12:00").contains("SENT").contains("Council approves");
        assertThat(cellOf(scheduled)).isEqualTo("cell-x-main-2026-12-09");
        assertThat(post(scheduled).getText()).startsWith("09:15").contains("Old bridge to close");
        assertThat(cellOf(held)).isEqualTo("cell-x-main-2026-12-10");
        assertThat(post(held).getText()).startsWith("10:30").contains("HELD");
        assertThat(cellOf(fbScheduled)).isEqualTo("cell-fb-main-2026-12-09");
        assertThat(post(fbScheduled).getText()).startsWith("16:45");
        assertThat(cellOf(failed)).isEqualTo("cell-fb-main-2026-12-11");
        assertThat(post(failed).getText()).startsWith("14:00").contains("FAILED");
        assertThat(cellOf(expired)).isEqualTo("cell-fb-main-2026-12-12");
        assertThat(post(expired).getText()).contains("EXPIRED");
        assertThat(cellOf(sundayNight)).isEqualTo("cell-x-main-2026-12-13");
        assertThat(post(sundayNight).getText()).startsWith("23:30");
        // states look different: sent green, held amber, failed red, expired grey, scheduled blue
        List<String> edges = new ArrayList<>();
        for (long id : new long[]{scheduled, sent, held, failed, expired}) {
            edges.add((String) js("return getComputedStyle(arguments[0]).borderLeftColor", post(id)));
        }
        assertThat(edges).doesNotHaveDuplicates();
        Chromium.screenshot(browser, "calendar-01-week");
    }

    @Test
    @Order(2)
    void shadesEachChannelsQuietHoursAndCountsEachDayAgainstItsMaximum() {
        open("/calendar?week=2026-12-07");
        // x-main is quiet 22:00-06:00 London, 23:00-07:00 here: half hours 0-13 and 46-47 of each day
        for (int segment : new int[]{1, 14, 47, 48}) {
            assertThat(background("#cell-x-main-2026-12-09 .strip .seg:nth-child(" + segment + ")")).as("x-main " + segment).isEqualTo(QUIET);
        }
        for (int segment : new int[]{15, 30, 46}) {
            assertThat(background("#cell-x-main-2026-12-09 .strip .seg:nth-child(" + segment + ")")).as("x-main " + segment).isNotEqualTo(QUIET);
        }
        // fb-main is quiet 00:00-07:00 New York, 06:00-13:00 here: half hours 12-25
        assertThat(background("#cell-fb-main-2026-12-09 .strip .seg:nth-child(13)")).isEqualTo(QUIET);
        assertThat(background("#cell-fb-main-2026-12-09 .strip .seg:nth-child(26)")).isEqualTo(QUIET);
        assertThat(background("#cell-fb-main-2026-12-09 .strip .seg:nth-child(12)")).isNotEqualTo(QUIET);
        assertThat(background("#cell-fb-main-2026-12-09 .strip .seg:nth-child(27)")).isNotEqualTo(QUIET);
        assertThat(browser.findElement(By.cssSelector("#cell-fb-main-2026-12-09 .quiet-label")).getText()).isEqualTo("quiet 06:00–13:00");
        assertThat(post(sundayNight).getAttribute("class")).contains("in-quiet");

        WebElement over = browser.findElement(By.cssSelector("#cell-x-main-2026-12-08 .count"));
        assertThat(over.getText()).isEqualTo("4/3 OVER");
        assertThat(js("return getComputedStyle(arguments[0]).color", over)).isEqualTo(RED);
        assertThat(browser.findElement(By.cssSelector("#cell-x-main-2026-12-07 .count")).getText()).isEqualTo("1/3");
        assertThat(browser.findElement(By.cssSelector("#cell-x-main-2026-12-10 .count")).getText()).isEqualTo("0/3 +1 held");
        assertThat(browser.findElement(By.cssSelector("#cell-fb-main-2026-12-09 .count")).getText()).isEqualTo("1/10");
        assertThat(js("return getComputedStyle(arguments[0]).color", browser.findElement(By.cssSelector("#cell-x-main-2026-12-07 .count"))))
                .isNotEqualTo(RED);
        Chromium.screenshot(browser, "calendar-02-quiet-and-counts");
    }

    @Test
    @Order(3)
    void goesToTheNextAndPreviousWeeksAndBackToToday() {
        open("/calendar");
        browser.findElement(By.id("next-week")).click();
        wait.until(ExpectedConditions.urlContains("week=2026-12-14"));
        assertThat(browser.findElement(By.id("week-title")).getText()).isEqualTo("Mon 14 Dec – Sun 20 Dec 2026");
        assertThat(browser.findElements(By.cssSelector(".today"))).isEmpty();
        browser.findElement(By.id("prev-week")).click();
        wait.until(ExpectedConditions.urlContains("week=2026-12-07"));
        browser.findElement(By.id("prev-week")).click();
        wait.until(ExpectedConditions.urlContains("week=2026-11-30"));
        assertThat(browser.findElements(By.id("post-" + scheduled))).isEmpty();
        assertThat(browser.findElement(By.id("calendar-empty")).getText()).isEqualTo("No posts this week.");
        browser.findElement(By.id("this-week")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/calendar"));
        assertThat(browser.findElement(By.id("calendar")).getAttribute("data-week")).isEqualTo("2026-12-07");
        // a bookmark of another day of a week lands on its Monday
        open("/calendar?week=2026-12-17");
        wait.until(ExpectedConditions.urlContains("week=2026-12-14"));
        // a bad week is one line, not an error page
        open("/calendar?week=next-tuesday");
        assertThat(browser.findElement(By.id("message")).getText()).contains("'next-tuesday' is not a date");
    }

    @Test
    @Order(4)
    void clickingAPostOpensItsRow() {
        open("/calendar?week=2026-12-07");
        post(scheduled).click();
        wait.until(ExpectedConditions.urlContains("/outbox/" + scheduled));
        WebElement row = browser.findElement(By.id("row-" + scheduled));
        assertThat(row.getText()).contains("Old bridge to close for repairs in spring").contains("SCHEDULED").contains("x-main")
                .contains("2026-12-09 09:15 Europe/Berlin");
        assertThat(row.findElements(By.className("action-cancel"))).as("an editor may act on it here").hasSize(1);
        Chromium.screenshot(browser, "calendar-03-row");
        browser.findElement(By.id("row-calendar")).click();
        wait.until(ExpectedConditions.urlContains("/calendar?week=2026-12-07"));
        assertThat(browser.getCurrentUrl()).endsWith("#cell-x-main-2026-12-09");
        // an action taken on the row page comes back to it
        open("/outbox/" + scheduled);
        browser.findElement(By.id("row-" + scheduled)).findElement(By.className("action-cancel")).click();
        wait.until(d -> d.findElement(By.id("row-" + scheduled)).getText().contains("CANCELLED"));
        assertThat(browser.getCurrentUrl()).endsWith("/outbox/" + scheduled);
    }

    @Test
    @Order(5)
    void aWeekOf200PostsStaysInsideItsColumns() {
        open("/calendar?week=2026-12-14");
        assertThat(browser.findElement(By.id("calendar")).getAttribute("data-shown")).isEqualTo("200");
        List<WebElement> folds = browser.findElements(By.cssSelector("li.group summary"));
        assertThat(folds).isNotEmpty();
        assertThat(folds.get(0).getText()).matches("\\d+ posts 09:00–10:00.*");
        Chromium.screenshot(browser, "calendar-04-200-posts");
        assertFits();
        int shown = browser.findElements(By.cssSelector("a.post")).size();
        assertThat(shown).isEqualTo(200);
        int visible = (int) browser.findElements(By.cssSelector("a.post")).stream().filter(WebElement::isDisplayed).count();
        assertThat(visible).as("busy hours are folded").isLessThan(120);

        // open every fold: still nothing wider than its column
        for (WebElement fold : folds) fold.click();
        assertThat(browser.findElements(By.cssSelector("a.post")).stream().filter(WebElement::isDisplayed).count()).isEqualTo(200);
        assertFits();
        Chromium.screenshot(browser, "calendar-05-200-posts-open");

        // a phone: the table scrolls sideways inside its frame, the page itself does not
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/calendar?week=2026-12-14");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        assertFits();
        Chromium.screenshot(browser, "calendar-06-phone");
        browser.manage().window().setSize(new Dimension(1200, 1400));
    }

    /** Every post, fold, count, strip and label lies inside its cell, and the table inside the page. */
    private static void assertFits() {
        @SuppressWarnings("unchecked")
        List<String> outside = (List<String>) js("""
                const bad = [];
                for (const el of document.querySelectorAll('td.cell a.post, td.cell summary, td.cell .count, td.cell .strip, td.cell .quiet-label, td.cell .h')) {
                  if (el.getClientRects().length === 0) continue;   // inside a closed fold
                  const cell = el.closest('td').getBoundingClientRect();
                  const r = el.getBoundingClientRect();
                  if (r.left < cell.left - 0.5 || r.right > cell.right + 0.5 || el.scrollWidth > el.clientWidth + 1 && el.matches('a.post')) {
                    bad.push((el.id || el.className) + ' in ' + el.closest('td').id + ': ' + r.left + '-' + r.right + ' vs ' + cell.left + '-' + cell.right);
                  }
                }
                const cells = [...document.querySelectorAll('td.cell')].map(c => Math.round(c.getBoundingClientRect().width));
                if (Math.max(...cells) - Math.min(...cells) > 1) bad.push('columns differ in width: ' + cells);
                const wrap = document.querySelector('.calendar-wrap');
                if (wrap.scrollWidth > wrap.clientWidth + 1 && window.innerWidth > 1000) bad.push('the table is wider than its frame');
                return bad;
                """);
        assertThat(outside).isEmpty();
    }
}
