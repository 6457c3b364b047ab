package org.herald.publish.facebook;

import org.herald.fakes.FakeGraph;
import org.herald.fakes.RecordedRequest;
import org.herald.publish.AccountCheck;
import org.herald.publish.MutableClock;
import org.herald.publish.NoSecretsInLogs;
import org.herald.publish.Posts;
import org.herald.publish.PublishOutcome;
import org.herald.publish.RetryBudget;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The real RestFB client, through {@link FacebookPagePublisher}, against a fake Graph API on 127.0.0.1 (F13 to F28). */
@ExtendWith(NoSecretsInLogs.class)
class FacebookPagePublisherTest {
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final String LINK = "https://example.com/news/2026/11/24/story";

    private final MutableClock clock = new MutableClock(START);
    private FakeGraph graph;
    private FacebookPagePublisher publisher;

    @BeforeEach
    void start() {
        graph = FakeGraph.start(clock)
                .page(TestChannels.FB_PAGE, "Herald Test Page")
                .pageToken(TestChannels.FB_TOKEN, TestChannels.FB_PAGE, null, true)
                .appSecret(TestChannels.FB_APP_SECRET, FakeGraph.ProofMode.CHECKED_IF_PRESENT);
        publisher = new FacebookPagePublisher(TestChannels.facebook(graph.baseUrl()), clock);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private PublishOutcome send(String message, String link) {
        return publisher.publish(Posts.pagePost(message, link));
    }

    @Test
    void f13PublishesMessageAndLinkWithTokenAndAppSecretProof() throws Exception {
        PublishOutcome outcome = send("Headline\n\nSummary.", LINK);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        PublishOutcome.Published published = (PublishOutcome.Published) outcome;
        assertThat(published.remoteId()).startsWith(TestChannels.FB_PAGE + "_");
        assertThat(published.url().toString()).startsWith("https://www.facebook.com/" + TestChannels.FB_PAGE + "/posts/");
        RecordedRequest request = graph.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).matches("/v\\d+\\.\\d+/" + TestChannels.FB_PAGE + "/feed");
        assertThat(request.form()).containsEntry("message", "Headline\n\nSummary.")
                .containsEntry("link", LINK)
                .containsEntry("access_token", TestChannels.FB_TOKEN)
                .containsEntry("appsecret_proof", hmacSha256Hex(TestChannels.FB_APP_SECRET, TestChannels.FB_TOKEN));
        assertThat(graph.posts()).hasSize(1);
    }

    @Test
    void f17HeraldPublishesAtOnceAndNeverUsesFacebookScheduling() {
        // Herald keeps schedules itself (the outbox), so the Graph scheduling window (F17) never applies to it
        assertThat(send("Now", LINK)).isInstanceOf(PublishOutcome.Published.class);
        assertThat(graph.requests().get(0).form()).doesNotContainKeys("published", "scheduled_publish_time");
        assertThat(graph.posts().get(0)).doesNotContainEntry("published", "false");
    }

    @Test
    void f14ExpiredGarbledAndForeignTokensAreAuthFailures() {
        graph.pageToken("EAAG-expired-token-000001", TestChannels.FB_PAGE, START.minus(Duration.ofDays(1)), true)
                .page("999", "Another Page").pageToken("EAAG-other-page-token-0001", "999", null, true);
        PublishOutcome expired = publisherWith("EAAG-expired-token-000001").publish(Posts.pagePost("m", LINK));
        assertThat(expired).isInstanceOf(PublishOutcome.AuthFailed.class);
        assertThat(expired.describe()).contains("190").containsIgnoringCase("expired");
        assertThat(publisherWith("garbage").publish(Posts.pagePost("m", LINK))).isInstanceOf(PublishOutcome.AuthFailed.class);
        assertThat(publisherWith("EAAG-other-page-token-0001").publish(Posts.pagePost("m", LINK))).isInstanceOf(PublishOutcome.AuthFailed.class);
        graph.invalidateToken(TestChannels.FB_TOKEN, 460);
        assertThat(send("m", LINK)).isInstanceOf(PublishOutcome.AuthFailed.class);
        assertThat(graph.posts()).isEmpty();
    }

    @Test
    void f15TokenWithoutPostingPermissionIsAnAuthFailure() {
        graph.pageToken("EAAG-read-only-token-0001", TestChannels.FB_PAGE, null, false);
        PublishOutcome outcome = publisherWith("EAAG-read-only-token-0001").publish(Posts.pagePost("m", LINK));
        assertThat(outcome).isInstanceOf(PublishOutcome.AuthFailed.class);
        assertThat(outcome.describe()).contains("(#200)");
    }

    @Test
    void f16AppSecretProofRequiredMissingOrWrongIsAnAuthFailure() {
        graph.appSecret(TestChannels.FB_APP_SECRET, FakeGraph.ProofMode.REQUIRED);
        FacebookPagePublisher noSecret = new FacebookPagePublisher(
                TestChannels.facebook(graph.baseUrl(), TestChannels.FB_TOKEN, Optional.empty()), clock);
        assertThat(noSecret.publish(Posts.pagePost("m", LINK))).isInstanceOf(PublishOutcome.AuthFailed.class)
                .extracting(PublishOutcome::describe).asString().contains("appsecret_proof");
        FacebookPagePublisher wrongSecret = new FacebookPagePublisher(
                TestChannels.facebook(graph.baseUrl(), TestChannels.FB_TOKEN, Optional.of("wrong-app-secret-000")), clock);
        assertThat(wrongSecret.publish(Posts.pagePost("m", LINK))).isInstanceOf(PublishOutcome.AuthFailed.class);
        assertThat(send("m", LINK)).isInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void f18NeitherMessageNorLinkOrAnUnreachableLinkIsRejected() {
        assertThat(send("", null)).isInstanceOf(PublishOutcome.Rejected.class);
        graph.unreachableLink("https://unreachable.example/x");
        assertThat(send("m", "https://unreachable.example/x")).isInstanceOf(PublishOutcome.Rejected.class);
    }

    @Test
    void f19DuplicateMessageIsADuplicateAndTheBlockModeWaitsHours() {
        graph.duplicateWindow(Duration.ofHours(24), FakeGraph.DuplicateMode.CODE_506);
        assertThat(send("Same message", LINK)).isInstanceOf(PublishOutcome.Published.class);
        assertThat(send("Same message", LINK)).isInstanceOf(PublishOutcome.Duplicate.class);
        graph.duplicateWindow(Duration.ofHours(24), FakeGraph.DuplicateMode.CODE_368);
        PublishOutcome blocked = send("Same message", LINK);
        assertThat(blocked).isInstanceOf(PublishOutcome.RetryLater.class);
        assertThat(((PublishOutcome.RetryLater) blocked).notBefore()).isAfterOrEqualTo(START.plus(Duration.ofHours(1)));
    }

    @Test
    void f20RateLimitWaitsForTheEstimatedTimeToRegainAccess() {
        graph.rateLimit(2, 32);
        send("one", LINK);
        send("two", LINK);
        PublishOutcome limited = send("three", LINK);
        assertThat(limited).isInstanceOf(PublishOutcome.RetryLater.class);
        assertThat(limited.describe()).contains("(#32)");
        assertThat(((PublishOutcome.RetryLater) limited).notBefore()).isAfter(START);
    }

    @Test
    void f21PolicyBlockWaitsHoursWhateverTheContent() {
        graph.policyBlock(Duration.ofHours(2));
        PublishOutcome blocked = send("Anything", LINK);
        assertThat(blocked).isInstanceOf(PublishOutcome.RetryLater.class);
        assertThat(blocked.describe()).contains("(#368)");
    }

    @Test
    void f22TransientErrorThatCreatedThePostIsFoundInsteadOfPostingTwice() {
        graph.nextTransient(true);
        RetryBudget.Delivery delivery = new RetryBudget(Duration.ofSeconds(30), clock, clock, new Random(1))
                .deliver(publisher, Posts.pagePost("Created anyway", LINK));
        assertThat(delivery.outcome()).isInstanceOf(PublishOutcome.Published.class);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(graph.posts()).hasSize(1);

        graph.nextTransient(false);
        delivery = new RetryBudget(Duration.ofSeconds(30), clock, clock, new Random(1))
                .deliver(publisher, Posts.pagePost("Not created the first time", LINK + "?id=2"));
        assertThat(delivery.outcome()).isInstanceOf(PublishOutcome.Published.class);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(graph.posts()).hasSize(2);
    }

    @Test
    void anEarlierPostOfTheSameWordsIsNeverTakenForTheCopyPostedAgain() {
        PublishOutcome original = send("Posted again", LINK);
        assertThat(original).isInstanceOf(PublishOutcome.Published.class);
        clock.advance(Duration.ofDays(2));
        Instant copyQueued = clock.instant();
        // the copy's call was cut off before Facebook stored it: the original must not count as the copy
        assertThat(publisher.findPublished(Posts.pagePost("Posted again", LINK), copyQueued, Set.of())).isEmpty();

        clock.advance(Duration.ofSeconds(3));
        PublishOutcome copy = send("Posted again", LINK);
        assertThat(publisher.findPublished(Posts.pagePost("Posted again", LINK), copyQueued, Set.of()))
                .map(PublishOutcome.Published::remoteId)
                .contains(((PublishOutcome.Published) copy).remoteId())
                .isNotEqualTo(Optional.of(((PublishOutcome.Published) original).remoteId()));
    }

    @Test
    void aCopyQueuedBeforeItsOriginalWentOutIsNotSettledWithTheOriginal() {
        Instant copyQueued = clock.instant();
        clock.advance(Duration.ofHours(3));
        PublishOutcome original = send("Queued twice", LINK);
        String originalId = ((PublishOutcome.Published) original).remoteId();
        // past the Page's duplicate window, inside which Facebook itself refuses the same message again
        clock.advance(Duration.ofHours(25));
        // newer than the copy's row, but it is the original's post, recorded on the original's row
        assertThat(publisher.findPublished(Posts.pagePost("Queued twice", LINK), copyQueued, Set.of(originalId))).isEmpty();

        PublishOutcome copy = send("Queued twice", LINK);
        assertThat(publisher.findPublished(Posts.pagePost("Queued twice", LINK), copyQueued, Set.of(originalId)))
                .map(PublishOutcome.Published::remoteId).contains(((PublishOutcome.Published) copy).remoteId());
    }

    @Test
    void aPostFacebookDatesAMinuteBeforeTheRowWasQueuedIsStillFound() {
        // this host's clock a minute ahead of Facebook's
        PublishOutcome created = send("Clocks differ", LINK);
        Instant queuedByAFastClock = clock.instant().plus(Duration.ofMinutes(1));
        assertThat(publisher.findPublished(Posts.pagePost("Clocks differ", LINK), queuedByAFastClock, Set.of()))
                .map(PublishOutcome.Published::remoteId).contains(((PublishOutcome.Published) created).remoteId());
    }

    @Test
    void storedThenDroppedIsFoundOnThePage() {
        graph.nextStoreThenDrop();
        RetryBudget.Delivery delivery = new RetryBudget(Duration.ofSeconds(30), clock, clock, new Random(1))
                .deliver(publisher, Posts.pagePost("Dropped after storing", LINK));
        assertThat(delivery.outcome()).isInstanceOf(PublishOutcome.Published.class);
        assertThat(graph.posts()).hasSize(1);
        assertThat(graph.requests().stream().filter(r -> r.method().equals("POST"))).hasSize(1);
    }

    @Test
    void f23StatusesRestFbDoesNotParseAreRetryable() {
        for (int status : new int[]{429, 502, 503, 504}) {
            graph.nextStatus(status, "<html>busy</html>");
            PublishOutcome outcome = send("m" + status, LINK);
            assertThat(outcome).as("HTTP " + status)
                    .isInstanceOfAny(PublishOutcome.RetryLater.class, PublishOutcome.Uncertain.class);
        }
        graph.nextStatus(302, "");
        assertThat(send("m302", LINK)).isNotInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void f24OddBodiesAreNeverTakenForSuccess() {
        graph.nextStatus(500, "<html><body>Internal error</body></html>");
        assertThat(send("a", LINK)).isNotInstanceOf(PublishOutcome.Published.class);
        graph.nextStatus(400, "");
        assertThat(send("b", LINK)).isNotInstanceOf(PublishOutcome.Published.class);
        graph.nextStatus(200, "{\"foo\":1}");
        PublishOutcome noId = send("c", LINK);
        assertThat(noId).isInstanceOf(PublishOutcome.Uncertain.class);
        assertThat(noId.describe()).contains("without a post id");
    }

    @Test
    void f25ErrorsCarryTheTraceId() {
        graph.policyBlock(Duration.ofHours(1));
        assertThat(send("m", LINK).describe()).contains("fbtrace_id");
    }

    @Test
    void f26UnicodeArrivesIntact() {
        String message = "\u200Fعاجل: ارتفاع التضخم 👨‍👩‍👧‍👦 東京で震度5弱\n\n«Résumé» — ok";
        assertThat(send(message, LINK)).isInstanceOf(PublishOutcome.Published.class);
        assertThat(graph.requests().get(0).form()).containsEntry("message", message);
    }

    @Test
    void f27TwoPostsAtOnceGetTwoIds() {
        var first = CompletableFuture.supplyAsync(() -> send("Parallel one", LINK));
        var second = CompletableFuture.supplyAsync(() -> send("Parallel two", LINK + "?id=2"));
        PublishOutcome.Published a = (PublishOutcome.Published) first.join();
        PublishOutcome.Published b = (PublishOutcome.Published) second.join();
        assertThat(a.remoteId()).isNotEqualTo(b.remoteId());
    }

    @Test
    void f28TheFakeListensOnLoopbackOnly() {
        assertThat(URI.create(graph.baseUrl()).getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void checkNamesThePageOrTheFailure() {
        assertThat(publisher.check()).isEqualTo(new AccountCheck.Ok("Herald Test Page (Page " + TestChannels.FB_PAGE + ")"));
        assertThat(publisherWith("garbage").check()).isInstanceOf(AccountCheck.Failed.class);
    }

    private FacebookPagePublisher publisherWith(String token) {
        return new FacebookPagePublisher(TestChannels.facebook(graph.baseUrl(), token, Optional.of(TestChannels.FB_APP_SECRET)), clock);
    }

    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
