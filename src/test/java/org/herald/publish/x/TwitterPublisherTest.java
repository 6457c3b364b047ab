package org.herald.publish.x;

import org.herald.fakes.FakeX;
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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Twitter4J client, through {@link TwitterPublisher}, against a fake X API v2 on 127.0.0.1 (F1 to F12, F26 to F28). */
@ExtendWith(NoSecretsInLogs.class)
class TwitterPublisherTest {
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private FakeX x;
    private TwitterPublisher publisher;

    @BeforeEach
    void start() {
        x = FakeX.start(clock).acceptCredentials(TestChannels.X_KEY, TestChannels.X_KEY_SECRET, TestChannels.X_TOKEN, TestChannels.X_TOKEN_SECRET);
        publisher = new TwitterPublisher(TestChannels.x(x.baseUrl()), clock);
    }

    @AfterEach
    void stop() {
        x.close();
    }

    private PublishOutcome send(String text) {
        return publisher.publish(Posts.tweet(text));
    }

    @Test
    void f1PublishesAndSendsExactlyTheComposedTextWithOAuth() {
        String text = "Storm closes schools across the region https://example.com/news/2026/11/24/storm-closes-schools";
        PublishOutcome outcome = send(text);

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        PublishOutcome.Published published = (PublishOutcome.Published) outcome;
        assertThat(published.remoteId()).matches("\\d{19}");
        assertThat(published.url()).isEqualTo(URI.create("https://x.com/i/web/status/" + published.remoteId()));
        assertThat(x.tweets()).containsExactly(text);
        RecordedRequest request = x.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2/tweets");
        assertThat(request.json()).containsEntry("text", text);
        assertThat(request.headers().get("authorization")).startsWith("OAuth ")
                .contains("oauth_consumer_key=\"" + TestChannels.X_KEY + "\"")
                .contains("oauth_token=\"" + TestChannels.X_TOKEN + "\"")
                .contains("oauth_signature=\"").contains("oauth_signature_method=\"HMAC-SHA1\"")
                .doesNotContain(TestChannels.X_KEY_SECRET).doesNotContain(TestChannels.X_TOKEN_SECRET);
    }

    @Test
    void f2WrongSecretOrRevokedTokenIsAnAuthFailure() {
        TwitterPublisher wrongSecret = new TwitterPublisher(TestChannels.x(x.baseUrl(), "not-the-secret", TestChannels.X_TOKEN), clock);
        assertThat(wrongSecret.publish(Posts.tweet("Hello"))).isInstanceOf(PublishOutcome.AuthFailed.class)
                .extracting(PublishOutcome::describe).asString().contains("401");
        x.revokeToken(TestChannels.X_TOKEN);
        assertThat(send("Hello again")).isInstanceOf(PublishOutcome.AuthFailed.class);
        assertThat(x.tweets()).isEmpty();
    }

    @Test
    void f3TextOverTheLimitIsRejectedAndTheLimitItselfIsAccepted() {
        String url = " https://example.com/a";
        assertThat(send("A".repeat(256) + url)).isInstanceOf(PublishOutcome.Published.class);
        PublishOutcome tooLong = send("B".repeat(257) + url);
        assertThat(tooLong).isInstanceOf(PublishOutcome.Rejected.class);
        assertThat(tooLong.describe()).contains("too long");
        x.tooLongStatus(403);
        assertThat(send("C".repeat(257) + url)).isInstanceOf(PublishOutcome.Rejected.class)
                .extracting(PublishOutcome::describe).asString().contains("too long");
        assertThat(send("字".repeat(140))).isInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void f4EmptyTextIsRejected() {
        assertThat(send("")).isInstanceOf(PublishOutcome.Rejected.class);
    }

    @Test
    void f5SameTextTwiceIsADuplicateAndADifferentLinkIsNot() {
        assertThat(send("Same words https://example.com/1")).isInstanceOf(PublishOutcome.Published.class);
        assertThat(send("Same words https://example.com/1")).isInstanceOf(PublishOutcome.Duplicate.class);
        assertThat(send("Same words https://example.com/2")).isInstanceOf(PublishOutcome.Published.class);
        assertThat(x.tweets()).hasSize(2);
    }

    @Test
    void f6RateLimitWindowGivesTheResetTimeAndRecovers() {
        x.rateLimit(2, Duration.ofMinutes(15));
        send("one");
        send("two");
        PublishOutcome third = send("three");
        assertThat(third).isInstanceOf(PublishOutcome.RetryLater.class);
        Instant reset = ((PublishOutcome.RetryLater) third).notBefore();
        assertThat(reset).isAfter(START).isBeforeOrEqualTo(START.plus(Duration.ofMinutes(15)));
        clock.advance(Duration.between(START, reset).plusSeconds(1));
        assertThat(send("three")).isInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void f7DailyCapWaitsForTheTwentyFourHourReset() {
        x.dailyCaps(1, 1000);
        send("first of the day");
        PublishOutcome capped = send("second of the day");
        assertThat(capped).isInstanceOf(PublishOutcome.RetryLater.class);
        assertThat(((PublishOutcome.RetryLater) capped).notBefore()).isAfter(START.plus(Duration.ofHours(1)));
        assertThat(capped.describe()).contains("daily user limit");
    }

    @Test
    void f8AccessAndPlanRefusalsPauseTheChannelAndTheMonthlyCapWaitsForNextMonth() {
        for (FakeX.XRefusal refusal : List.of(FakeX.XRefusal.READ_ONLY_APP, FakeX.XRefusal.ACCESS_LEVEL_453,
                FakeX.XRefusal.CLIENT_NOT_ENROLLED, FakeX.XRefusal.CREDITS_DEPLETED)) {
            x.nextRefuse(refusal);
            assertThat(send("refused " + refusal)).as(refusal.name()).isInstanceOf(PublishOutcome.AuthFailed.class);
        }
        x.nextRefuse(FakeX.XRefusal.MONTHLY_CAP);
        PublishOutcome cap = send("capped");
        assertThat(cap).isInstanceOf(PublishOutcome.RetryLater.class);
        assertThat(((PublishOutcome.RetryLater) cap).notBefore()).isEqualTo(
                START.atZone(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant());
        x.nextRefuse(FakeX.XRefusal.INVALID_REQUEST);
        assertThat(send("bad request")).isInstanceOf(PublishOutcome.Rejected.class);
        assertThat(x.tweets()).isEmpty();
    }

    @Test
    void f9StoredThenDroppedIsUncertainAndTheResendEndsAsPublishedOnce() {
        for (FakeX.Failure failure : FakeX.Failure.values()) {
            x.nextStoreThenFail(failure);
            String text = "Ambiguous " + failure + " https://example.com/a";
            RetryBudget.Delivery delivery = new RetryBudget(Duration.ofSeconds(30), clock, clock, new Random(1))
                    .deliver(publisher, Posts.tweet(text));
            assertThat(delivery.outcome()).as(failure.name()).isInstanceOf(PublishOutcome.Duplicate.class);
            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(x.tweets().stream().filter(text::equals)).hasSize(1);
        }
        // exactly two requests per scenario: the JDK did not silently re-send a POST
        assertThat(x.requests()).hasSize(2 * FakeX.Failure.values().length);
    }

    @Test
    void f10ServerErrorsAreRetriedUntilTheyRecover() {
        x.nextServerError(500, FakeX.ErrorBody.PROBLEM_JSON)
                .nextServerError(503, FakeX.ErrorBody.HTML)
                .nextServerError(502, FakeX.ErrorBody.EMPTY);
        assertThat(send("first try")).isInstanceOf(PublishOutcome.Uncertain.class);
        RetryBudget.Delivery delivery = new RetryBudget(Duration.ofSeconds(30), clock, clock, new Random(1))
                .deliver(publisher, Posts.tweet("Recovered https://example.com/r"));
        assertThat(delivery.outcome()).isInstanceOf(PublishOutcome.Published.class);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(x.tweets()).containsExactly("Recovered https://example.com/r");
    }

    @Test
    void f11SlowAnswerTimesOutAsUncertainAndTheRetryPosts() {
        x.nextSlowWithoutStoring(TestChannels.READ_TIMEOUT.plusSeconds(1));
        assertThat(send("Slow")).isInstanceOf(PublishOutcome.Uncertain.class);
        assertThat(send("Slow")).isInstanceOf(PublishOutcome.Published.class);
        assertThat(x.tweets()).containsExactly("Slow");
    }

    @Test
    void connectionRefusedIsRetryLaterNotUncertain() {
        TwitterPublisher nowhere = new TwitterPublisher(TestChannels.x("http://127.0.0.1:1/2/"), clock);
        assertThat(nowhere.publish(Posts.tweet("Hello"))).isInstanceOf(PublishOutcome.RetryLater.class);
    }

    @Test
    void connectionDroppedBeforeStoringIsUncertainAndTheResendPosts() {
        x.nextDropBeforeStoring();
        assertThat(send("Dropped")).isInstanceOf(PublishOutcome.Uncertain.class);
        assertThat(send("Dropped")).isInstanceOf(PublishOutcome.Published.class);
        assertThat(x.tweets()).containsExactly("Dropped");
    }

    @Test
    void f12RateLimitWithoutHeadersStillGivesARetryTime() {
        x.rateLimitHeaders(false).rateLimit(1, Duration.ofMinutes(15));
        send("one");
        PublishOutcome limited = send("two");
        assertThat(limited).isInstanceOf(PublishOutcome.RetryLater.class);
        assertThat(((PublishOutcome.RetryLater) limited).notBefore()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    }

    @Test
    void f26ArabicEmojiAndCjkArriveIntact() {
        String text = "\u200Fعاجل: ارتفاع التضخم إلى ٣٫٢٪ 👨‍👩‍👧‍👦 🇺🇦 東京で震度5弱 https://example.com/a";
        assertThat(send(text)).isInstanceOf(PublishOutcome.Published.class);
        assertThat(x.requests().get(0).json()).containsEntry("text", text);
    }

    @Test
    void f27TwoPostsAtOnceGetTwoIds() {
        var first = CompletableFuture.supplyAsync(() -> send("Parallel one"));
        var second = CompletableFuture.supplyAsync(() -> send("Parallel two"));
        PublishOutcome.Published a = (PublishOutcome.Published) first.join();
        PublishOutcome.Published b = (PublishOutcome.Published) second.join();
        assertThat(a.remoteId()).isNotEqualTo(b.remoteId());
        assertThat(x.tweets()).containsExactlyInAnyOrder("Parallel one", "Parallel two");
    }

    @Test
    void f28TheFakeListensOnLoopbackOnly() {
        assertThat(URI.create(x.baseUrl()).getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void checkNamesTheAccountOrTheFailure() {
        assertThat(publisher.check()).isEqualTo(new AccountCheck.Ok("@herald_test (Herald Test)"));
        TwitterPublisher wrong = new TwitterPublisher(TestChannels.x(x.baseUrl(), "not-the-secret", TestChannels.X_TOKEN), clock);
        assertThat(wrong.check()).isInstanceOf(AccountCheck.Failed.class);
        assertThat(x.requests()).allMatch(r -> r.method().equals("GET") && r.path().equals("/2/users/me"));
    }

}
