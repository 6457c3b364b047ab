package org.herald.publish.x;

import org.herald.compose.Post;
import org.herald.config.ChannelSettings;
import org.herald.config.Secret;
import org.herald.config.XAccount;
import org.herald.publish.AccountCheck;
import org.herald.publish.HttpSafety;
import org.herald.publish.PlatformText;
import org.herald.publish.PublishOutcome;
import org.herald.publish.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.CreateTweetResponse;
import twitter4j.RateLimitStatus;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.TwitterV2;
import twitter4j.TwitterV2ExKt;
import twitter4j.UsersResponse;
import twitter4j.V2ConfigurationKt;
import twitter4j.conf.ConfigurationBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Tweets through Twitter4J's X API v2 extension ({@code POST /2/tweets}, OAuth 1.0a user context) and turns
 * every answer X gives into a {@link PublishOutcome}.
 */
public final class TwitterPublisher implements Publisher {
    private static final Logger log = LoggerFactory.getLogger(TwitterPublisher.class);

    private final String channel;
    private final TwitterV2 v2;
    private final Clock clock;

    public TwitterPublisher(ChannelSettings settings, Clock clock) {
        HttpSafety.neverResendPosts();
        XAccount account = settings.x().orElseThrow(() -> new IllegalArgumentException(settings.name() + " is not an X channel"));
        this.channel = settings.name();
        this.clock = clock;
        String base = account.apiBaseUrl().toString();
        Twitter twitter = new TwitterFactory(new ConfigurationBuilder()
                .setOAuthConsumerKey(reveal(account.apiKey(), "api-key"))
                .setOAuthConsumerSecret(reveal(account.apiKeySecret(), "api-key-secret"))
                .setOAuthAccessToken(reveal(account.accessToken(), "access-token"))
                .setOAuthAccessTokenSecret(reveal(account.accessTokenSecret(), "access-token-secret"))
                .setHttpConnectionTimeout((int) settings.connectTimeout().toMillis())
                .setHttpReadTimeout((int) settings.readTimeout().toMillis())
                .setHttpRetryCount(0)
                // Twitter4J keeps v2 settings in a JVM-wide map keyed by configuration equality; a distinct
                // REST base per API root keeps two channels on different roots from sharing one.
                .setRestBaseURL(base)
                .setTrimUserEnabled(true)
                .build()).getInstance();
        V2ConfigurationKt.getV2Configuration(twitter.getConfiguration()).setBaseURL(base);
        this.v2 = TwitterV2ExKt.getV2(twitter);
    }

    private String reveal(java.util.Optional<Secret> secret, String key) {
        return secret.map(Secret::reveal).orElseThrow(() -> new IllegalStateException(
                "channel " + channel + " has no " + key + "; it can only run dry"));
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public PublishOutcome publish(Post post) {
        try {
            CreateTweetResponse response = v2.createTweet(null, null, null, null, null, null, null, null, null, null, null, post.text());
            String id = Long.toString(response.getId());
            log.debug("{}: tweet {} created", channel, id);
            return new PublishOutcome.Published(id, URI.create("https://x.com/i/web/status/" + id));
        } catch (TwitterException e) {
            PublishOutcome outcome = classify(e);
            log.debug("{}: X answered {} -> {}", channel, e.getStatusCode(), outcome);
            return outcome;
        }
    }

    @Override
    public AccountCheck check() {
        try {
            UsersResponse me = v2.getMe("", null, null);
            if (me.getUsers().isEmpty()) return new AccountCheck.Failed("X returned no user for these credentials");
            var user = me.getUsers().get(0);
            return new AccountCheck.Ok("@" + user.getScreenName() + " (" + user.getName() + ")");
        } catch (TwitterException e) {
            return new AccountCheck.Failed(classify(e).describe());
        }
    }

    /** Maps X's answers (see platform-apis.md, X1 to X14) to outcomes. */
    PublishOutcome classify(TwitterException e) {
        Instant now = clock.instant();
        int status = e.getStatusCode();
        String body = body(e);
        // Twitter4J decodes only the v1.1 error shape ({"errors":[{"message","code"}]}); v2 problems stay raw
        String decoded = e.getErrorMessage() == null ? "" : e.getErrorMessage();
        String reason = reason(status, decoded, body);
        if (status <= 0 || e.isCausedByNetworkIssue()) {
            Throwable cause = PlatformText.rootCause(e);
            if (PlatformText.nothingWasSent(cause)) {
                return new PublishOutcome.RetryLater(now, "could not reach X: " + PlatformText.describe(cause));
            }
            return new PublishOutcome.Uncertain(now, "connection to X lost after sending: " + PlatformText.describe(cause));
        }
        String lower = (body + " " + decoded).toLowerCase(Locale.ROOT);
        if (lower.contains("too long")) return new PublishOutcome.Rejected("X says the text is too long (" + reason + ")");
        if (status == 429) return rateLimited(e, lower, now, reason);
        if (status == 401) return new PublishOutcome.AuthFailed("X refused the credentials (" + reason + ")");
        if (status == 402) return new PublishOutcome.AuthFailed("X account is out of credits (" + reason + ")");
        if (status == 403) {
            if (lower.contains("duplicate content")) return new PublishOutcome.Duplicate("X: " + reason);
            if (lower.contains("usagecapexceeded") || lower.contains("\"period\":\"monthly\"")) return monthlyCap(now, reason);
            if (e.getErrorCode() == 453 || lower.contains("oauth1-permissions") || lower.contains("app permissions") || lower.contains("client-not-enrolled")
                    || lower.contains("client-forbidden") || lower.contains("access level") || lower.contains("\"code\":453")
                    || lower.contains("unsupported-authentication")) {
                return new PublishOutcome.AuthFailed("X refused this app or account (" + reason + ")");
            }
            return new PublishOutcome.Rejected("X refused the post (" + reason + ")");
        }
        if (status >= 500) return new PublishOutcome.Uncertain(now, "X answered " + reason);
        return new PublishOutcome.Rejected("X refused the post (" + reason + ")");
    }

    private PublishOutcome rateLimited(TwitterException e, String lower, Instant now, String reason) {
        if (lower.contains("usagecapexceeded") || lower.contains("\"period\":\"monthly\"")) return monthlyCap(now, reason);
        // X sends the 24-hour caps only on some plans; Twitter4J's header lookup throws when one is absent.
        for (String scope : List.of("user", "app")) {
            String remaining = header(e, "x-" + scope + "-limit-24hour-remaining");
            String reset = header(e, "x-" + scope + "-limit-24hour-reset");
            if ("0".equals(remaining) && reset != null && reset.matches("\\d+")) {
                return new PublishOutcome.RetryLater(Instant.ofEpochSecond(Long.parseLong(reset)),
                        "X daily " + scope + " limit reached (" + reason + ")");
            }
        }
        RateLimitStatus limit = e.getRateLimitStatus();
        if (limit != null && limit.getResetTimeInSeconds() > 0) {
            return new PublishOutcome.RetryLater(Instant.ofEpochSecond(limit.getResetTimeInSeconds()), "X rate limit reached (" + reason + ")");
        }
        // no reset time given: the usual window is 15 minutes
        return new PublishOutcome.RetryLater(now.plus(Duration.ofMinutes(15)), "X rate limit reached (" + reason + ")");
    }

    private static PublishOutcome monthlyCap(Instant now, String reason) {
        ZonedDateTime next = now.atZone(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        return new PublishOutcome.RetryLater(next.toInstant(), "X monthly post cap reached (" + reason + ")");
    }

    /** A response header, or null. Twitter4J 4.0.7 looks names up case-sensitively and throws when absent. */
    private static String header(TwitterException e, String name) {
        for (String candidate : List.of(name, capitalize(name))) {
            try {
                String value = e.getResponseHeader(candidate);
                if (value != null) return value.trim();
            } catch (RuntimeException absent) {
                // try the next spelling
            }
        }
        return null;
    }

    private static String capitalize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean up = true;
        for (char c : name.toCharArray()) {
            b.append(up ? Character.toUpperCase(c) : c);
            up = c == '-';
        }
        return b.toString();
    }

    /** The raw response body: Twitter4J's message is "status:canned text" followed by the body. */
    private static String body(TwitterException e) {
        String message = String.valueOf(e.getMessage());
        int brace = message.indexOf('{');
        return brace < 0 ? "" : message.substring(brace);
    }

    private static String reason(int status, String decoded, String body) {
        java.util.Optional<String> fromClient = decoded.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(decoded);
        String detail = fromClient
                .or(() -> PlatformText.field(body, "message"))
                .or(() -> PlatformText.field(body, "detail"))
                .or(() -> PlatformText.field(body, "title"))
                .orElse(status > 0 ? "no details" : "");
        return PlatformText.oneLine((status > 0 ? status + " " : "") + detail);
    }


}
