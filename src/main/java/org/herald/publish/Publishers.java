package org.herald.publish;

import org.herald.config.ChannelSettings;
import org.herald.publish.facebook.FacebookPagePublisher;
import org.herald.publish.x.TwitterPublisher;

import java.io.PrintStream;
import java.time.Clock;

/** Builds the publisher a channel's settings call for. */
public final class Publishers {
    private Publishers() {
    }

    public static Publisher forChannel(ChannelSettings channel, boolean forceDryRun, Clock clock, PrintStream out) {
        if (forceDryRun || channel.dryRun()) return new ConsolePublisher(channel.name(), out);
        return switch (channel.network()) {
            case X -> new TwitterPublisher(channel, clock);
            case FACEBOOK -> new FacebookPagePublisher(channel, clock);
        };
    }

    /** Whether the channel has every credential its network needs (a dry-run channel may have none). */
    public static boolean hasCredentials(ChannelSettings channel) {
        return channel.x().map(x -> x.apiKey().isPresent() && x.apiKeySecret().isPresent()
                        && x.accessToken().isPresent() && x.accessTokenSecret().isPresent()).orElse(false)
                || channel.facebook().map(f -> f.pageId().isPresent() && f.pageAccessToken().isPresent()).orElse(false);
    }

    /** A publisher that talks to the platform even for a dry-run channel, for checking credentials it has. */
    public static Publisher live(ChannelSettings channel, Clock clock) {
        return switch (channel.network()) {
            case X -> new TwitterPublisher(channel, clock);
            case FACEBOOK -> new FacebookPagePublisher(channel, clock);
        };
    }
}
