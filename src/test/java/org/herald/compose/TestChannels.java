package org.herald.compose;

import org.herald.config.ChannelSettings;
import org.herald.config.FacebookPage;
import org.herald.config.Network;
import org.herald.config.XAccount;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Dry-run channels as reference.conf would configure them, for composer tests. */
final class TestChannels {
    private TestChannels() {
    }

    static ChannelSettings x(String template) {
        return x(template, Map.of());
    }

    static ChannelSettings x(String template, Map<String, String> utm) {
        return new ChannelSettings("x-main", Network.X, true, template, utm, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Optional.of(new XAccount(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        URI.create("https://api.twitter.com/2/"))), Optional.empty(), org.herald.config.Pacing.none());
    }

    static ChannelSettings facebook(String template) {
        return new ChannelSettings("fb-main", Network.FACEBOOK, true, template, Map.of(), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Optional.empty(),
                Optional.of(new FacebookPage(Optional.empty(), Optional.empty(), Optional.empty(),
                        URI.create("https://graph.facebook.com/"))), org.herald.config.Pacing.none());
    }
}
