package org.herald.console;

import org.herald.access.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** /calendar and /outbox/{id} over plain HTTP: zones, clock changes, week boundaries, bad input, escaping, sign-in. */
class CalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private CalendarConsole console;

    @AfterEach
    void stop() {
        if (console != null) console.close();
    }

    private Browserless start(Instant now) {
        console = CalendarConsole.start(dir, now);
        console.addUser("maya", Role.EDITOR, Optional.of(BERLIN));
        return console.signIn("maya");
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private static Document page(Browserless browser, String path) {
        HttpResponse<String> r = browser.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    private static Element cell(Document page, String channel, String date) {
        Element cell = page.getElementById("cell-" + channel + "-" + date);
        assertThat(cell).as(channel + " " + date).isNotNull();
        return cell;
    }

    /** Indexes of the quiet half hours of a cell's strip, and of the partly quiet ones as negative numbers minus one. */
    private static List<Integer> quiet(Element cell) {
        Elements segments = cell.select(".strip .seg");
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).hasClass("quiet")) out.add(i);
            if (segments.get(i).hasClass("quiet-part")) out.add(-i - 1);
        }
        return out;
    }

    private static List<Integer> range(int from, int toInclusive) {
        return java.util.stream.IntStream.rangeClosed(from, toInclusive).boxed().toList();
    }

    @Test
    void theWeekIsTheReadersWeekAPostAtHalfPastElevenOnSundayNightIsOnSunday() {
        Browserless maya = start(berlin("2026-12-09T12:00"));
        long sundayNight = console.scheduled("x-main", "Late results", berlin("2026-12-13T23:30"));   // 22:30 UTC
        long mondayEarly = console.scheduled("x-main", "Early briefing", berlin("2026-12-07T00:10"));   // Sunday 23:10 UTC
        long nextWeek = console.scheduled("x-main", "Next week", berlin("2026-12-14T00:05"));
        long lastWeek = console.scheduled("fb-main", "Last week", berlin("2026-12-06T23:55"));

        Document week = page(maya, "/calendar");
        assertThat(week.getElementById("calendar-zone").text()).isEqualTo("Europe/Berlin");
        assertThat(week.getElementById("calendar").attr("data-week")).isEqualTo("2026-12-07");
        assertThat(week.getElementById("day-2026-12-09").hasClass("today")).isTrue();
        Element late = cell(week, "x-main", "2026-12-13").getElementById("post-" + sundayNight);
        assertThat(late).isNotNull();
        assertThat(late.attr("data-time")).isEqualTo("23:30");
        assertThat(late.hasClass("in-quiet")).as("22:30 in London is in x-main's quiet hours").isTrue();
        assertThat(late.attr("href")).isEqualTo("/outbox/" + sundayNight);
        assertThat(cell(week, "x-main", "2026-12-07").getElementById("post-" + mondayEarly).attr("data-time")).isEqualTo("00:10");
        assertThat(week.getElementById("post-" + nextWeek)).isNull();
        assertThat(week.getElementById("post-" + lastWeek)).isNull();
        assertThat(page(maya, "/calendar?week=2026-11-30").getElementById("post-" + lastWeek)).isNotNull();
        assertThat(page(maya, "/calendar?week=2026-12-14").getElementById("post-" + nextWeek)).isNotNull();

        // a reader in UTC sees the same rows in UTC's week: the Monday 00:10 post is Sunday 23:10 for them
        console.addUser("utc", Role.VIEWER, Optional.empty());
        Document utc = page(console.signIn("utc"), "/calendar?week=2026-12-07");
        assertThat(utc.getElementById("calendar-zone").text()).isEqualTo("UTC");
        assertThat(utc.getElementById("post-" + mondayEarly)).isNull();
        assertThat(cell(page(console.signIn("utc"), "/calendar?week=2026-11-30"), "x-main", "2026-12-06")
                .getElementById("post-" + mondayEarly).attr("data-time")).isEqualTo("23:10");
        assertThat(cell(utc, "x-main", "2026-12-13").getElementById("post-" + sundayNight).attr("data-time")).isEqualTo("22:30");
    }

    @Test
    void quietHoursAreShadedInTheReadersZoneFromEachChannelsZone() {
        Browserless maya = start(berlin("2026-12-09T12:00"));
        Document week = page(maya, "/calendar?week=2026-12-07");
        // x-main: 22:00-06:00 London = 23:00-07:00 Berlin in winter; fb-main: 00:00-07:00 New York = 06:00-13:00 Berlin
        for (String date : List.of("2026-12-07", "2026-12-10", "2026-12-13")) {
            Element x = cell(week, "x-main", date);
            assertThat(x.select(".strip .seg")).hasSize(48);
            List<Integer> expected = new java.util.ArrayList<>(range(0, 13));
            expected.addAll(range(46, 47));
            assertThat(quiet(x)).as(date).isEqualTo(expected);
            assertThat(x.select(".quiet-label").text()).isEqualTo("quiet 00:00–07:00, 23:00–24:00");
            Element fb = cell(week, "fb-main", date);
            assertThat(quiet(fb)).isEqualTo(range(12, 25));
            assertThat(fb.select(".quiet-label").text()).isEqualTo("quiet 06:00–13:00");
        }
        assertThat(week.getElementById("lane-x-main").select(".lane-name").text()).contains("quiet 22:00–06:00 Europe/London")
                .contains("at most 3 a day");
    }

    @Test
    void aWeekWithClockChangesInTwoZonesOnDifferentDays() {
        Browserless maya = start(berlin("2026-10-21T12:00"));
        // Berlin and London go back on Sunday 25 October, New York a week later
        long secondHalfPastTwo = console.sent("x-main", "In the hour that happens twice", Instant.parse("2026-10-25T01:30:00Z"));
        long firstHalfPastTwo = console.sent("x-main", "The first time round", Instant.parse("2026-10-25T00:30:00Z"));
        Document october = page(maya, "/calendar?week=2026-10-19");
        Element sunday = cell(october, "x-main", "2026-10-25");
        assertThat(october.getElementById("day-2026-10-25").select(".clock").text()).isEqualTo("clocks go back: a day of 25 hours");
        assertThat(sunday.select(".strip .seg")).hasSize(50);
        assertThat(cell(october, "x-main", "2026-10-24").select(".strip .seg")).hasSize(48);
        // x-main is quiet 22:00-06:00 London: on Saturday night that is 23:00-07:00 in Berlin (both on summer time) ...
        List<Integer> saturday = new java.util.ArrayList<>(range(0, 13));
        saturday.addAll(range(46, 47));
        assertThat(quiet(cell(october, "x-main", "2026-10-24"))).isEqualTo(saturday);
        // ... and on Sunday the night runs from Berlin's midnight to 07:00 CET: eight real hours, 16 half hours
        List<Integer> sundayQuiet = new java.util.ArrayList<>(range(0, 15));
        sundayQuiet.addAll(range(48, 49));
        assertThat(quiet(sunday)).isEqualTo(sundayQuiet);
        assertThat(sunday.select(".quiet-label").text()).isEqualTo("quiet 00:00–07:00, 23:00–24:00");
        // fb-main (New York, still on summer time) is quiet 06:00-13:00 Berlin on Saturday, 05:00-12:00 on Sunday
        assertThat(cell(october, "fb-main", "2026-10-24").select(".quiet-label").text()).isEqualTo("quiet 06:00–13:00");
        assertThat(cell(october, "fb-main", "2026-10-25").select(".quiet-label").text()).isEqualTo("quiet 05:00–12:00");
        // the two 02:30s are told apart by their offsets
        assertThat(sunday.getElementById("post-" + firstHalfPastTwo).attr("data-time")).isEqualTo("02:30 (UTC+02:00)");
        assertThat(sunday.getElementById("post-" + secondHalfPastTwo).attr("data-time")).isEqualTo("02:30 (UTC+01:00)");
        assertThat(sunday.select(".count").text()).startsWith("2/3");

        // New York goes back on Sunday 1 November: its quiet night is nine hours long, 05:00-13:00 Berlin (CET)
        Document november = page(maya, "/calendar?week=2026-10-26");
        assertThat(november.getElementById("day-2026-11-01").select(".clock")).isEmpty();
        assertThat(cell(november, "fb-main", "2026-10-31").select(".quiet-label").text()).isEqualTo("quiet 05:00–12:00");
        assertThat(cell(november, "fb-main", "2026-11-01").select(".quiet-label").text()).isEqualTo("quiet 05:00–13:00");
        assertThat(cell(page(maya, "/calendar?week=2026-11-02"), "fb-main", "2026-11-02").select(".quiet-label").text())
                .isEqualTo("quiet 06:00–13:00");

        // spring: Berlin skips 02:00-03:00 on 29 March 2026, a day of 23 hours
        Document march = page(maya, "/calendar?week=2026-03-23");
        assertThat(march.getElementById("day-2026-03-29").select(".clock").text()).isEqualTo("clocks go forward: a day of 23 hours");
        assertThat(cell(march, "x-main", "2026-03-29").select(".strip .seg")).hasSize(46);
    }

    @Test
    void eachDayCountsWhatGoesOutAgainstMaxPerDayAndMarksItOver() {
        Browserless maya = start(berlin("2026-12-09T12:00"));
        for (int i = 0; i < 3; i++) console.scheduled("x-main", "Tuesday " + i, berlin("2026-12-08T09:0" + i));
        console.sent("x-main", "Tuesday sent", berlin("2026-12-08T08:00"));
        console.held("x-main", "Tuesday held", berlin("2026-12-08T10:00"));
        console.failed("x-main", "Tuesday failed", berlin("2026-12-08T11:00"));
        for (int i = 0; i < 3; i++) console.scheduled("x-main", "Wednesday " + i, berlin("2026-12-09T15:0" + i));
        console.scheduled("fb-main", "Facebook Tuesday", berlin("2026-12-08T14:00"));
        Document week = page(maya, "/calendar?week=2026-12-07");
        Element tuesday = cell(week, "x-main", "2026-12-08").selectFirst(".count");
        assertThat(tuesday.ownText()).isEqualTo("4/3");
        assertThat(tuesday.hasClass("over")).isTrue();
        assertThat(tuesday.text()).contains("over").contains("+1 held");
        Element wednesday = cell(week, "x-main", "2026-12-09").selectFirst(".count");
        assertThat(wednesday.ownText()).isEqualTo("3/3");
        assertThat(wednesday.hasClass("full")).isTrue();
        assertThat(wednesday.hasClass("over")).isFalse();
        assertThat(cell(week, "fb-main", "2026-12-08").selectFirst(".count").ownText()).isEqualTo("1/10");
        assertThat(cell(week, "x-main", "2026-12-10").selectFirst(".count").ownText()).isEqualTo("0/3");
        // failed and expired rows are shown, set apart, and not counted
        assertThat(cell(week, "x-main", "2026-12-08").select(".post.st-failed .tag").text()).isEqualTo("failed");
        assertThat(cell(week, "x-main", "2026-12-08").select(".post.st-pending-review .tag").text()).isEqualTo("held");
    }

    @Test
    void aBusyHourFoldsIntoOneLineWithItsPostsInside() {
        Browserless maya = start(berlin("2026-12-09T12:00"));
        for (int i = 0; i < 12; i++) console.scheduled("fb-main", "Busy " + i, berlin("2026-12-10T09:00").plusSeconds(240L * i));
        console.failed("fb-main", "Busy but failed", berlin("2026-12-10T09:50"));
        console.scheduled("fb-main", "Alone at noon", berlin("2026-12-10T12:00"));
        Element thursday = cell(page(maya, "/calendar?week=2026-12-07"), "fb-main", "2026-12-10");
        Elements groups = thursday.select("li.group");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).select("summary").text()).isEqualTo("13 posts 09:00–10:00 (1 failed)");
        assertThat(groups.get(0).select(".post")).hasSize(13);
        assertThat(thursday.select("ul.posts > li > a.post").text()).contains("Alone at noon");
    }

    @Test
    void aBadWeekGetsOneClearLineAndAnotherDayOfTheWeekGoesToItsMonday() {
        Browserless maya = start(berlin("2026-12-09T12:00"));
        for (String bad : List.of("banana", "2026-02-30", "99999-01-01", "2026-13-01", "%3Cscript%3E")) {
            HttpResponse<String> r = maya.get("/calendar?week=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            Document page = Jsoup.parse(r.body());
            assertThat(page.getElementById("message").text()).as(bad).startsWith("The week must be given as the date of its Monday, such as 2026-11-30;");
            assertThat(r.body()).doesNotContain("<script>");
        }
        HttpResponse<String> old = maya.get("/calendar?week=1900-01-01");
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(old.body()).getElementById("message").text()).isEqualTo("The calendar shows weeks from 1970 to 2999; 1900-01-01 is outside them.");
        HttpResponse<String> wednesday = maya.get("/calendar?week=2026-12-09");
        assertThat(wednesday.statusCode()).isEqualTo(303);
        assertThat(wednesday.headers().firstValue("Location")).hasValue("/calendar?week=2026-12-07");
        assertThat(maya.get("/calendar?week=").statusCode()).isEqualTo(200);
    }

    @Test
    void headlinesAndTextsAreEscapedAndThePageHasNoInlineScriptOrStyle() {
        Browserless maya = start(berlin("2026-12-09T12:00"));
        String evil = "<script>alert(1)</script> \"quoted\" <img src=x onerror=alert(2)>";
        long id = console.scheduled("x-main", evil, berlin("2026-12-09T18:00"));
        HttpResponse<String> r = maya.get("/calendar?week=2026-12-07");
        assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("style=\"")
                .doesNotContainPattern("<script>[^<]").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        Element post = Jsoup.parse(r.body()).getElementById("post-" + id);
        assertThat(post.select(".h").text()).isEqualTo(evil);
        assertThat(post.select("script, img")).isEmpty();
        HttpResponse<String> row = maya.get("/outbox/" + id);
        assertThat(row.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;alert(1)");
    }

    @Test
    void signedOutReadersAreSentToSignInAndEveryRoleMayLook() {
        start(berlin("2026-12-09T12:00"));
        long id = console.scheduled("x-main", "A row", berlin("2026-12-09T18:00"));
        Browserless anonymous = new Browserless(console.url(""));
        for (String path : List.of("/calendar", "/calendar?week=2026-12-07", "/outbox/" + id)) {
            HttpResponse<String> r = anonymous.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(path).hasValue("/login");
        }
        console.addUser("vic", Role.VIEWER, Optional.empty());
        Browserless viewer = console.signIn("vic");
        Document calendar = page(viewer, "/calendar?week=2026-12-07");
        assertThat(calendar.getElementById("post-" + id)).isNotNull();
        assertThat(calendar.select("header.top nav a[href=/calendar]").text()).isEqualTo("Calendar");
        Document row = page(viewer, "/outbox/" + id);
        assertThat(row.getElementById("row-" + id).text()).contains("A row").contains("SCHEDULED");
        assertThat(row.select("#row-" + id + " form")).as("a viewer gets no actions").isEmpty();
        assertThat(row.getElementById("row-calendar").attr("href")).isEqualTo("/calendar?week=2026-12-07#cell-x-main-2026-12-09");
        assertThat(viewer.get("/outbox/999999").statusCode()).isEqualTo(404);
        assertThat(viewer.get("/outbox/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void aChannelNoLongerConfiguredKeepsItsLaneAndAnOverfullWeekSaysSo() throws Exception {
        Browserless maya = start(berlin("2026-12-09T12:00"));
        // rows written straight into the outbox: a channel removed from the settings, and more rows than a week shows
        Instant monday = berlin("2026-12-07T00:00");
        try (java.sql.Connection c = console.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement story = c.prepareStatement("INSERT INTO seen_story (id, link, headline, source, seen_at) VALUES (?, ?, ?, 's', ?)");
                 java.sql.PreparedStatement row = c.prepareStatement("INSERT INTO outbox (story_id, channel, network, text, link, state, due_at, "
                         + "next_attempt_at, created_at, updated_at) VALUES (?, ?, 'x', ?, ?, 'SCHEDULED', ?, ?, ?, ?)")) {
                for (int i = 1; i <= CalendarPage.LIMIT + 1; i++) {
                    var at = monday.plusSeconds(100L * i).atOffset(java.time.ZoneOffset.UTC);
                    story.setLong(1, 100_000 + i);
                    story.setString(2, "https://news.example.org/old/" + i);
                    story.setString(3, "Old channel story " + i);
                    story.setObject(4, at);
                    story.addBatch();
                    row.setLong(1, 100_000 + i);
                    row.setString(2, "x-old");
                    row.setString(3, "Old channel story " + i);
                    row.setString(4, "https://news.example.org/old/" + i);
                    for (int p = 5; p <= 8; p++) row.setObject(p, at);
                    row.addBatch();
                }
                story.executeBatch();
                row.executeBatch();
            }
            c.commit();
        }
        Document week = page(maya, "/calendar?week=2026-12-07");
        assertThat(week.select("tr.lane").eachAttr("id")).containsExactly("lane-fb-main", "lane-x-main", "lane-x-old");
        assertThat(week.getElementById("lane-x-old").select(".lane-name").text()).contains("not in the settings any more").contains("no quiet hours");
        assertThat(week.getElementById("calendar").attr("data-shown")).isEqualTo(String.valueOf(CalendarPage.LIMIT));
        assertThat(week.getElementById("calendar-note").text())
                .isEqualTo("This week has more than 5000 posts; the first 5000 by time are shown.");
        assertThat(cell(week, "x-old", "2026-12-07").selectFirst(".count").ownText()).isEqualTo("863");
    }
}
