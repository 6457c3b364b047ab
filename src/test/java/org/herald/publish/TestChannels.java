package org.herald.publish;

import org.herald.config.ChannelSettings;
import org.herald.config.FacebookPage;
import org.herald.config.Network;
import org.herald.config.Secret;
import org.herald.config.XAccount;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Live (not dry-run) channels pointed at the local fakes, with short time-outs. */
public final class TestChannels {
    public static final String X_KEY = "xk-consumer-key-1234";
    public static final String X_KEY_SECRET = "xs-consumer-secret-5678";
    public static final String X_TOKEN = "1850-access-token-abcd";
    public static final String X_TOKEN_SECRET = "xts-token-secret-efgh";
    public static final String FB_PAGE = "1234567890";
    public static final String FB_TOKEN = "EAAG-page-token-for-tests-0001";
    public static final String FB_APP_SECRET = "fb-app-secret-for-tests-9999";
    public static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

    private TestChannels() {
    }

    public static ChannelSettings x(String baseUrl) {
        return x(baseUrl, X_KEY_SECRET, X_TOKEN);
    }

    public static ChannelSettings x(String baseUrl, String keySecret, String token) {
        return new ChannelSettings("x-main", Network.X, false, "{headline} {link}", Map.of(), Duration.ofSeconds(2), READ_TIMEOUT,
                Optional.of(new XAccount(Optional.of(new Secret(X_KEY)), Optional.of(new Secret(keySecret)),
                        Optional.of(new Secret(token)), Optional.of(new Secret(X_TOKEN_SECRET)), URI.create(baseUrl))),
                Optional.empty(), org.herald.config.Pacing.none());
    }

    public static ChannelSettings facebook(String baseUrl) {
        return facebook(baseUrl, FB_TOKEN, Optional.of(FB_APP_SECRET));
    }

    public static ChannelSettings facebook(String baseUrl, String token, Optional<String> appSecret) {
        return new ChannelSettings("fb-main", Network.FACEBOOK, false, "{headline}\n\n{summary}", Map.of(), Duration.ofSeconds(2),
                READ_TIMEOUT, Optional.empty(),
                Optional.of(new FacebookPage(Optional.of(FB_PAGE), Optional.of(new Secret(token)), appSecret.map(Secret::new),
                        URI.create(baseUrl + "/"))), org.herald.config.Pacing.none());
    }

    public static String[] secrets() {
        return new String[]{X_KEY, X_KEY_SECRET, X_TOKEN, X_TOKEN_SECRET, FB_TOKEN, FB_APP_SECRET};
    }
}
