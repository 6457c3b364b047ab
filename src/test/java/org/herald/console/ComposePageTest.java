package org.herald.console;

import org.herald.access.Activity;
import org.herald.access.ActivityLog;
import org.herald.access.Role;
import org.herald.compose.TweetLength;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxState;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose page as plain form posts (no JavaScript) and its htmx endpoints, against the real daemon, outbox and a local site. */
class ComposePageTest {
    private static final String STORY = "/2026/12/01/harbour";
    private static final String CANONICAL = "https://news.example.org/2026/12/01/harbour";

    @TempDir
    Path dir;

    private RunningHerald herald;
    private StoryPages site;
    private Browserless editor;

    @BeforeEach
    void start() {
        site = new StoryPages().article(STORY, "Harbour reopens after the storm", CANONICAL, "Ships sail again from the old harbour on Tuesday.");
        herald = RunningHerald.start(dir, "");
        herald.addUser("eda", Role.EDITOR);
        editor = new Browserless(herald.url(""));
        assertThat(editor.signIn("eda", RunningHerald.PASSWORD).statusCode()).isEqualTo(303);
    }

    @AfterEach
    void stop() {
        if (herald != null) herald.close();
        if (site != null) site.close();
    }

    private HttpResponse<String> read(String url) {
        ComposeFields empty = ComposeFields.of(editor.get("/compose").body());
        return editor.postPairs("/compose", empty.set("url", url).press("read"));
    }

    private static Document doc(HttpResponse<String> page) {
        return Jsoup.parse(page.body());
    }

    private static String error(HttpResponse<String> page) {
        var e = doc(page).getElementById("compose-error");
        return e == null ? "" : e.text();
    }

    private static int weighted(HttpResponse<String> page, String channel) {
        return Integer.parseInt(doc(page).getElementById("count-" + channel).attr("data-weighted"));
    }

    private List<OutboxEntry> rows() {
        return herald.outbox().list(Optional.empty(), 1000);
    }

    private List<Activity> activity() {
        return new ActivityLog(herald.dataSource(), Clock.systemUTC()).recent(Optional.empty(), Optional.empty(), 1000);
    }

    @Test
    void readingAPageShowsEachChannelsExactPostItsXCountAndTheHeadlinesConfidence() {
        HttpResponse<String> page = read(site.url(STORY));
        assertThat(page.statusCode()).isEqualTo(200);
        Document d = doc(page);
        String tweet = "Harbour reopens after the storm " + CANONICAL;
        assertThat(d.getElementById("text-x-main").val()).isEqualTo(tweet);
        assertThat(d.getElementById("count-x-main").text()).isEqualTo(TweetLength.count(tweet).weightedLength() + "/280 · fits");
        assertThat(d.getElementById("text-fb-main").val()).startsWith("Harbour reopens after the storm\n\nShips sail again");
        assertThat(d.getElementById("post-fb-main").select(".link a").attr("href")).isEqualTo(CANONICAL);
        assertThat(d.getElementById("headline").val()).isEqualTo("Harbour reopens after the storm");
        assertThat(d.getElementById("confidence").attr("data-confidence")).isEqualTo("high");
        assertThat(d.getElementById("confidence").text()).contains("high:");
        assertThat(d.getElementById("zone").select("option[selected]").val()).isEqualTo("Europe/Paris");
        assertThat(d.select("input[name=channel][checked]")).extracting(e -> e.val()).containsExactlyInAnyOrder("x-main", "fb-main");
        assertThat(rows()).as("reading queues nothing").isEmpty();
        assertThat(activity()).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo("eda");
            assertThat(a.action()).isEqualTo("compose");
            assertThat(a.detail()).contains("Harbour reopens after the storm");
        });
    }

    @Test
    void pastedTextWithALinkIsReadAndPostedNowToTheChosenChannelOnly() {
        ComposeFields empty = ComposeFields.of(editor.get("/compose").body());
        HttpResponse<String> page = editor.postPairs("/compose", empty.set("pasted", "Council approves budget\n\nThe vote was 31 to 12.")
                .set("link", "https://news.example.org/budget?utm_source=x").press("read"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(doc(page).getElementById("text-x-main").val()).isEqualTo("Council approves budget https://news.example.org/budget");
        HttpResponse<String> posted = editor.postPairs("/compose", ComposeFields.of(page.body()).untick("channel", "fb-main").press("post"));
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/compose/done?rows=");
        List<OutboxEntry> rows = rows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.channel()).isEqualTo("x-main");
            assertThat(row.state()).isIn(OutboxState.SCHEDULED, OutboxState.SENDING, OutboxState.SENT);
            assertThat(row.text()).isEqualTo("Council approves budget https://news.example.org/budget");
        });
        Document done = doc(editor.get(location));
        assertThat(done.getElementById("notice").text()).contains("Queued row " + rows.get(0).id() + " (x-main): due now");
        assertThat(done.getElementById("created").attr("data-row-ids")).isEqualTo(Long.toString(rows.get(0).id()));
        assertThat(done.getElementById("created-" + rows.get(0).id()).select("a.in-queue").attr("href")).endsWith("#row-" + rows.get(0).id());
        assertThat(activity()).anySatisfy(a -> {
            assertThat(a.actor()).isEqualTo("eda");
            assertThat(a.action()).isEqualTo("compose-post");
            assertThat(a.outboxId()).contains(rows.get(0).id());
        });
    }

    @Test
    void aHeadlineEditRecomposesEveryChannelAndAChannelEditIsCountedOnSubmitWithoutJavaScript() {
        HttpResponse<String> page = read(site.url(STORY));
        HttpResponse<String> edited = editor.postPairs("/compose", ComposeFields.of(page.body()).set("headline", "Harbour open again").press("update"));
        assertThat(edited.statusCode()).isEqualTo(200);
        Document d = doc(edited);
        assertThat(d.getElementById("text-x-main").val()).isEqualTo("Harbour open again " + CANONICAL);
        assertThat(d.getElementById("text-fb-main").val()).startsWith("Harbour open again\n\n");
        assertThat(error(edited)).contains("every channel's post was composed again");

        String tweet = "港口在风暴后重新开放 🚢 " + CANONICAL;
        HttpResponse<String> counted = editor.postPairs("/compose", ComposeFields.of(edited.body()).set("text.x-main", tweet).press("update"));
        assertThat(weighted(counted, "x-main")).isEqualTo(TweetLength.count(tweet).weightedLength());
        assertThat(doc(counted).getElementById("text-x-main").val()).as("the hand edit is kept").isEqualTo(tweet);
        assertThat(doc(counted).getElementById("text-fb-main").val()).startsWith("Harbour open again\n\n");
        assertThat(rows()).isEmpty();
    }

    @Test
    void aHeadlineEditedTooLongForXIsCountedOverNotCutAndRefusedWhenPosted() {
        HttpResponse<String> page = read(site.url(STORY));
        String headline = "Harbour reopens after the storm, ".repeat(9).strip();
        HttpResponse<String> over = editor.postPairs("/compose", ComposeFields.of(page.body()).set("headline", headline).press("update"));
        String tweet = headline + " " + CANONICAL;
        assertThat(doc(over).getElementById("text-x-main").val()).isEqualTo(tweet);
        int length = TweetLength.count(tweet).weightedLength();
        assertThat(length).isGreaterThan(280);
        assertThat(doc(over).getElementById("count-x-main").text()).isEqualTo(length + "/280 · over by " + (length - 280));
        HttpResponse<String> refused = editor.postPairs("/compose", ComposeFields.of(over.body()).press("post"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(error(refused)).startsWith("The post for x-main does not fit (" + length + "/280");
        assertThat(doc(refused).getElementById("headline").val()).isEqualTo(headline);
        assertThat(rows()).isEmpty();
        // the same story on Facebook alone is fine: only the channels ticked are checked
        assertThat(editor.postPairs("/compose", ComposeFields.of(refused.body()).untick("channel", "x-main").press("post")).statusCode()).isEqualTo(303);
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.channel()).isEqualTo("fb-main"));
    }

    @Test
    void postingAfterAHeadlineChangeThatWasNotLookedAtQueuesNothingAndShowsTheNewPosts() {
        HttpResponse<String> page = read(site.url(STORY));
        HttpResponse<String> refused = editor.postPairs("/compose", ComposeFields.of(page.body()).set("headline", "Harbour open again").press("post"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(error(refused)).contains("The headline changed").contains("Nothing was queued");
        assertThat(doc(refused).getElementById("text-x-main").val()).isEqualTo("Harbour open again " + CANONICAL);
        assertThat(rows()).isEmpty();
        HttpResponse<String> posted = editor.postPairs("/compose", ComposeFields.of(refused.body()).press("post"));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(rows()).extracting(OutboxEntry::text).contains("Harbour open again " + CANONICAL);
    }

    @Test
    void spacesTypedAroundAndInsideTheHeadlineAreNotAChange() {
        HttpResponse<String> page = read(site.url(STORY));
        HttpResponse<String> spaced = editor.postPairs("/compose", ComposeFields.of(page.body()).set("headline", "  Harbour   reopens after the storm ")
                .untick("channel", "fb-main").press("post"));
        assertThat(spaced.statusCode()).as(error(spaced)).isEqualTo(303);
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("Harbour reopens after the storm " + CANONICAL));
    }

    @Test
    void anXTextOverTheLimitIsRefusedWithItsCountAndEverythingTypedIsKept() {
        HttpResponse<String> page = read(site.url(STORY));
        String long_ = "Harbour ".repeat(40) + CANONICAL;
        int length = TweetLength.count(long_).weightedLength();
        HttpResponse<String> refused = editor.postPairs("/compose", ComposeFields.of(page.body()).set("text.x-main", long_)
                .set("zone", "Asia/Tokyo").press("post"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(error(refused)).isEqualTo("The post for x-main does not fit (" + length + "/280 as X counts it; shorten it by " + (length - 280)
                + "). Nothing was queued.");
        Document d = doc(refused);
        assertThat(d.getElementById("text-x-main").val()).isEqualTo(long_);
        assertThat(d.getElementById("count-x-main").text()).isEqualTo(length + "/280 · over by " + (length - 280));
        assertThat(d.getElementById("count-x-main").hasClass("over")).isTrue();
        assertThat(d.getElementById("url").val()).isEqualTo(site.url(STORY));
        assertThat(d.getElementById("zone").select("option[selected]").val()).isEqualTo("Asia/Tokyo");
        assertThat(rows()).isEmpty();
    }

    @Test
    void anUnreadablePageAPageWithoutAHeadlineAndPastedTextWithoutALinkAreRefusedKeepingWhatWasTyped() {
        site.missing("/gone").page("/blank", "<!DOCTYPE html><html><head><meta charset=utf-8></head><body><div>   </div></body></html>");
        HttpResponse<String> gone = read(site.url("/gone"));
        assertThat(gone.statusCode()).isEqualTo(422);
        assertThat(error(gone)).startsWith("The page could not be used: ").contains("404");
        assertThat(doc(gone).getElementById("url").val()).isEqualTo(site.url("/gone"));

        HttpResponse<String> blank = read(site.url("/blank"));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(error(blank)).startsWith("The page could not be used: ").containsIgnoringCase("headline");
        assertThat(doc(blank).getElementById("url").val()).isEqualTo(site.url("/blank"));

        ComposeFields empty = ComposeFields.of(editor.get("/compose").body());
        HttpResponse<String> noLink = editor.postPairs("/compose", empty.set("pasted", "Council approves budget\nThe vote was close.").press("read"));
        assertThat(noLink.statusCode()).isEqualTo(422);
        assertThat(error(noLink)).contains("link");
        assertThat(doc(noLink).getElementById("pasted").val()).isEqualTo("Council approves budget\nThe vote was close.");

        HttpResponse<String> notHttp = editor.postPairs("/compose", ComposeFields.of(editor.get("/compose").body()).set("url", "file:///etc/passwd").press("read"));
        assertThat(notHttp.statusCode()).isEqualTo(422);
        assertThat(error(notHttp)).contains("must be an http(s) URL");
        assertThat(rows()).isEmpty();
    }

    @Test
    void aTimePastMaxLatenessOrABadZoneIsRefusedAndAFutureTimeInTheChosenZoneIsKept() {
        HttpResponse<String> page = read(site.url(STORY));
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        String stale = local.format(Instant.now().minus(Duration.ofHours(7)).atZone(ZoneId.of("Europe/Paris")));
        HttpResponse<String> late = editor.postPairs("/compose", ComposeFields.of(page.body()).set("at", stale).press("schedule"));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(error(late)).contains("in the past, more than channel").contains("max-lateness").contains("use Post now").contains("Nothing was queued");
        assertThat(doc(late).getElementById("at").val()).isEqualTo(stale);

        HttpResponse<String> noTime = editor.postPairs("/compose", ComposeFields.of(page.body()).set("at", "").press("schedule"));
        assertThat(error(noTime)).isEqualTo("To schedule, pick a date and time. Nothing was queued.");
        HttpResponse<String> badZone = editor.postPairs("/compose", ComposeFields.of(page.body()).set("zone", "Mars/Olympus").set("at", "2027-01-01T10:00").press("schedule"));
        assertThat(error(badZone)).contains("'Mars/Olympus' is not a time zone");
        assertThat(rows()).isEmpty();

        Instant at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String tokyo = local.format(at.atZone(ZoneId.of("Asia/Tokyo")));
        HttpResponse<String> scheduled = editor.postPairs("/compose", ComposeFields.of(page.body()).set("zone", "Asia/Tokyo").set("at", tokyo).press("schedule"));
        assertThat(scheduled.statusCode()).isEqualTo(303);
        assertThat(rows()).hasSize(2).allSatisfy(row -> {
            assertThat(row.due()).isEqualTo(at);
            assertThat(row.state()).isEqualTo(OutboxState.SCHEDULED);
        });
        String done = editor.get(scheduled.headers().firstValue("Location").orElseThrow()).body();
        assertThat(doc(done).getElementById("notice").text()).contains("scheduled for " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at.atZone(ZoneId.of("Asia/Tokyo"))) + " Asia/Tokyo");
    }

    private static Document doc(String html) {
        return Jsoup.parse(html);
    }

    @Test
    void aStoryAChannelAlreadyHasIsRefusedNamingTheRowUnlessPostAgainIsTicked() {
        HttpResponse<String> page = read(site.url(STORY));
        Instant later = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(later.atZone(ZoneId.of("Europe/Paris")));
        assertThat(editor.postPairs("/compose", ComposeFields.of(page.body()).untick("channel", "fb-main").set("at", at).press("schedule")).statusCode())
                .isEqualTo(303);
        OutboxEntry first = rows().get(0);

        HttpResponse<String> again = editor.postPairs("/compose", ComposeFields.of(read(site.url(STORY)).body()).set("at", at).press("schedule"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(error(again)).startsWith("channel x-main already has this story queued as row " + first.id() + " (SCHEDULED, due ")
                .contains("Nothing was queued; tick \u201cpost again\u201d");
        assertThat(rows()).as("fb-main was not queued either: all or nothing").hasSize(1);
        assertThat(doc(again).getElementById("at").val()).isEqualTo(at);

        HttpResponse<String> posted = editor.postPairs("/compose", ComposeFields.of(again.body()).tick("again", "yes").press("schedule"));
        assertThat(posted.statusCode()).isEqualTo(303);
        List<OutboxEntry> rows = rows();
        assertThat(rows).hasSize(3);
        assertThat(rows).filteredOn(r -> r.channel().equals("x-main")).hasSize(2).allSatisfy(r -> assertThat(r.storyId()).isEqualTo(first.storyId()));
        assertThat(activity()).anySatisfy(a -> assertThat(a.detail()).contains("(post again)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"عاجل: البنك المركزي يرفع أسعار الفائدة بنصف نقطة مئوية", "東京で大雪、交通機関に乱れ", "🔴 Breaking: storm 🌊🌊 👨‍👩‍👧",
            "Read https://news.example.org/a/very/long/path/that/is/much/longer/than/twenty/three/characters and bbc.co.uk",
            "e\u0301te\u0301 \u200f rtl mark", "  spaces around  "})
    void theCountEndpointCountsExactlyAsTwitterTextDoes(String text) {
        HttpResponse<String> counted = editor.post("/compose/count?for=x-main", Map.of("csrf", editor.sessionCsrf(), "text.x-main", text));
        assertThat(counted.statusCode()).isEqualTo(200);
        TweetLength.Counted expected = TweetLength.count(text);
        assertThat(weighted(counted, "x-main")).isEqualTo(expected.weightedLength());
        assertThat(doc(counted).getElementById("count-x-main").attr("data-valid")).isEqualTo(Boolean.toString(expected.valid()));
        assertThat(doc(counted).getElementById("count-x-main").text()).startsWith(expected.weightedLength() + "/280");
    }

    @Test
    void theCountEndpointSaysOverPastTheLimitAndCountsFacebookInCharacters() {
        String over = "字".repeat(141);
        HttpResponse<String> x = editor.post("/compose/count?for=x-main", Map.of("csrf", editor.sessionCsrf(), "text", over));
        assertThat(doc(x).getElementById("count-x-main").text()).isEqualTo("282/280 · over by 2");
        HttpResponse<String> fb = editor.post("/compose/count?for=fb-main", Map.of("csrf", editor.sessionCsrf(), "text.fb-main", over));
        assertThat(doc(fb).getElementById("count-fb-main").text()).isEqualTo("141/63206 · fits");
        assertThat(editor.post("/compose/count?for=nope", Map.of("csrf", editor.sessionCsrf(), "text", "x")).statusCode()).isEqualTo(404);
    }

    @Test
    void theRecomposeEndpointAnswersTheNewPostsForHtmx() {
        HttpResponse<String> page = read(site.url(STORY));
        HttpResponse<String> posts = editor.postPairs("/compose/recompose", ComposeFields.of(page.body()).set("headline", "Ships sail again").press("update"));
        assertThat(posts.statusCode()).isEqualTo(200);
        Document d = doc(posts);
        assertThat(d.getElementById("posts")).isNotNull();
        assertThat(d.getElementById("text-x-main").val()).isEqualTo("Ships sail again " + CANONICAL);
        assertThat(d.select("input[name=composed-from]").val()).isEqualTo("Ships sail again");
        assertThat(weighted(posts, "x-main")).isEqualTo(TweetLength.count("Ships sail again " + CANONICAL).weightedLength());
    }
}
