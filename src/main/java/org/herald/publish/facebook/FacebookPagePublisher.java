package org.herald.publish.facebook;

import com.restfb.Connection;
import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.DefaultWebRequestor;
import com.restfb.DebugHeaderInfo;
import com.restfb.FacebookClient;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookException;
import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookJsonMappingException;
import com.restfb.exception.FacebookNetworkException;
import com.restfb.types.GraphResponse;
import com.restfb.types.Page;
import org.herald.compose.Post;
import org.herald.config.ChannelSettings;
import org.herald.config.FacebookPage;
import org.herald.config.Secret;
import org.herald.publish.AccountCheck;
import org.herald.publish.HttpSafety;
import org.herald.publish.PlatformText;
import org.herald.publish.PublishOutcome;
import org.herald.publish.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Posts to a Facebook Page with RestFB ({@code POST /{page-id}/feed} with {@code message} and {@code link},
 * plus {@code appsecret_proof} when an app secret is set) and turns every Graph answer into a
 * {@link PublishOutcome}.
 */
public final class FacebookPagePublisher implements Publisher {
    private static final Logger log = LoggerFactory.getLogger(FacebookPagePublisher.class);
    /** How many of the Page's latest posts are searched when an earlier attempt's outcome is unknown. */
    private static final int RECENT_POSTS = 25;
    /**
     * How far Facebook's dates may run behind this host's clock. Only for a post made outside Herald does this
     * matter: one Herald made is recognised by its id (README, "post again").
     */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final String channel;
    private final String pageId;
    private final FacebookClient client;
    private final Clock clock;

    public FacebookPagePublisher(ChannelSettings settings, Clock clock) {
        HttpSafety.neverResendPosts();
        FacebookPage page = settings.facebook()
                .orElseThrow(() -> new IllegalArgumentException(settings.name() + " is not a Facebook channel"));
        this.channel = settings.name();
        this.clock = clock;
        this.pageId = page.pageId().orElseThrow(() -> new IllegalStateException("channel " + channel + " has no page-id"));
        String token = page.pageAccessToken().map(Secret::reveal)
                .orElseThrow(() -> new IllegalStateException("channel " + channel + " has no page-access-token"));
        int connect = (int) settings.connectTimeout().toMillis();
        int read = (int) settings.readTimeout().toMillis();
        DefaultWebRequestor requestor = new DefaultWebRequestor() {
            @Override
            protected void customizeConnection(HttpURLConnection connection) {
                // RestFB's own read timeout is 180 s
                connection.setConnectTimeout(connect);
                connection.setReadTimeout(read);
            }
        };
        String graph = stripTrailingSlash(page.graphBaseUrl().toString());
        DefaultFacebookClient fb = page.appSecret().isPresent()
                ? new DefaultFacebookClient(token, page.appSecret().get().reveal(), requestor, new DefaultJsonMapper(), Version.LATEST)
                : new DefaultFacebookClient(token, requestor, new DefaultJsonMapper(), Version.LATEST);
        fb.setFacebookEndpointUrls(new com.restfb.FacebookEndpoints() {
            @Override
            public String getGraphEndpoint() {
                return graph;
            }
        });
        this.client = fb;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public PublishOutcome publish(Post post) {
        List<Parameter> params = new ArrayList<>();
        params.add(Parameter.with("message", post.text()));
        post.link().ifPresent(link -> params.add(Parameter.with("link", link.toString())));
        try {
            GraphResponse response = client.publish(pageId + "/feed", GraphResponse.class, params.toArray(new Parameter[0]));
            String id = response == null ? null : response.getId();
            if (id == null || id.isBlank()) {
                // RestFB misses errors it cannot recognise and returns an empty response: never call that a success
                return new PublishOutcome.Uncertain(clock.instant(), "Facebook answered without a post id");
            }
            log.debug("{}: post {} created", channel, id);
            return new PublishOutcome.Published(id, postUrl(id));
        } catch (FacebookException e) {
            PublishOutcome outcome = classify(e);
            log.debug("{}: Facebook answered {}", channel, outcome);
            return outcome;
        }
    }

    @Override
    public Optional<PublishOutcome.Published> findPublished(Post post, Instant queuedAt, Set<String> otherPosts) {
        // Facebook's clock and this host's may differ a little; a post from well before the row existed is not its
        Instant notBefore = queuedAt.minus(CLOCK_SKEW);
        try {
            Connection<com.restfb.types.Post> recent = client.fetchConnection(pageId + "/feed", com.restfb.types.Post.class,
                    Parameter.withFields("id,message,link,created_time"), Parameter.withLimit(RECENT_POSTS));
            for (com.restfb.types.Post existing : recent.getData()) {
                if (existing.getCreatedTime() != null && existing.getCreatedTime().toInstant().isBefore(notBefore)) continue;
                if (otherPosts.contains(existing.getId())) continue;
                boolean sameLink = post.link().isPresent() && post.link().get().toString().equals(existing.getLink());
                boolean sameMessage = post.text().equals(existing.getMessage());
                if ((sameLink || post.link().isEmpty()) && sameMessage || sameLink && existing.getMessage() == null) {
                    return Optional.of(new PublishOutcome.Published(existing.getId(), postUrl(existing.getId())));
                }
            }
            return Optional.empty();
        } catch (FacebookException e) {
            log.debug("{}: could not list recent posts: {}", channel, classify(e));
            return Optional.empty();
        }
    }

    @Override
    public AccountCheck check() {
        try {
            Page page = client.fetchObject(pageId, Page.class, Parameter.withFields("id,name"));
            if (page == null || page.getName() == null) return new AccountCheck.Failed("Facebook returned no Page for " + pageId);
            return new AccountCheck.Ok(page.getName() + " (Page " + page.getId() + ")");
        } catch (FacebookException e) {
            return new AccountCheck.Failed(classify(e).describe());
        }
    }

    /** Maps Graph API answers (see platform-apis.md, G1 to G17) to outcomes. */
    PublishOutcome classify(FacebookException e) {
        Instant now = clock.instant();
        if (e instanceof FacebookGraphException graph) return classifyGraph(graph, now);
        if (e instanceof FacebookNetworkException network) {
            Integer status = network.getHttpStatusCode();
            if (status == null) {
                Throwable cause = PlatformText.rootCause(network);
                if (PlatformText.nothingWasSent(cause)) {
                    return new PublishOutcome.RetryLater(now, "could not reach Facebook: " + PlatformText.describe(cause));
                }
                return new PublishOutcome.Uncertain(now, "connection to Facebook lost after sending: " + PlatformText.describe(cause));
            }
            if (status == 429) return new PublishOutcome.RetryLater(now.plus(Duration.ofMinutes(5)), "Facebook answered HTTP 429 Too Many Requests");
            if (status >= 500) return new PublishOutcome.Uncertain(now, "Facebook answered HTTP " + status);
            return new PublishOutcome.Rejected("Facebook answered HTTP " + status);
        }
        if (e instanceof FacebookJsonMappingException) {
            return new PublishOutcome.Uncertain(now, "Facebook sent an answer Herald cannot read");
        }
        return new PublishOutcome.Rejected("Facebook: " + PlatformText.oneLine(String.valueOf(e.getMessage())));
    }

    private PublishOutcome classifyGraph(FacebookGraphException e, Instant now) {
        int code = e.getErrorCode() == null ? -1 : e.getErrorCode();
        Integer subcode = e.getErrorSubcode();
        String message = PlatformText.oneLine(String.valueOf(e.getErrorMessage()));
        String reason = "(#" + code + (subcode == null ? "" : "/" + subcode) + ") " + message + trace(e);
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (code == 190 || code == 102 || code == 10 || (code >= 200 && code <= 299)) {
            return new PublishOutcome.AuthFailed("Facebook refused the token or its permissions " + reason);
        }
        if (code == 100 && (subcode != null && subcode == 33 || lower.contains("appsecret_proof"))) {
            return new PublishOutcome.AuthFailed("Facebook refused the Page or app configuration " + reason);
        }
        if (code == 4 || code == 17 || code == 32 || code == 613 || code == 80001) {
            return new PublishOutcome.RetryLater(now.plus(regainAccess(e).orElse(Duration.ofHours(1))), "Facebook rate limit " + reason);
        }
        if (code == 368) {
            // a policy block lasts hours; retrying sooner only extends it
            return new PublishOutcome.RetryLater(now.plus(Duration.ofHours(6)), "Facebook blocked posting for now " + reason);
        }
        if (code == 506) return new PublishOutcome.Duplicate("Facebook " + reason);
        if (code == 1 || code == 2 || Boolean.TRUE.equals(e.getIsTransient())) {
            return new PublishOutcome.Uncertain(now, "Facebook had a temporary error " + reason);
        }
        return new PublishOutcome.Rejected("Facebook refused the post " + reason);
    }

    private static Optional<Duration> regainAccess(FacebookException e) {
        if (!(e instanceof com.restfb.exception.FacebookErrorMessageException withHeaders)) return Optional.empty();
        DebugHeaderInfo info = withHeaders.getDebugHeaderInfo();
        if (info == null || info.getBusinessUseCaseUsage() == null) return Optional.empty();
        int minutes = 0;
        DebugHeaderInfo.BusinessUseCaseUsage usage = info.getBusinessUseCaseUsage();
        for (String business : usage.getBusinessIds()) {
            for (DebugHeaderInfo.InnerBusinessUseCaseUsage inner : usage.get(business)) {
                if (inner.getEstimatedTimeToRegainAccess() != null) minutes = Math.max(minutes, inner.getEstimatedTimeToRegainAccess());
            }
        }
        return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
    }

    private static String trace(FacebookGraphException e) {
        return e.getFbtraceId() == null ? "" : " [fbtrace_id " + e.getFbtraceId() + "]";
    }

    private static URI postUrl(String id) {
        int underscore = id.indexOf('_');
        return underscore < 0
                ? URI.create("https://www.facebook.com/" + id)
                : URI.create("https://www.facebook.com/" + id.substring(0, underscore) + "/posts/" + id.substring(underscore + 1));
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }


}
