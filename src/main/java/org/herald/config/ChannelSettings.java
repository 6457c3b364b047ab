package org.herald.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One named account on one network: where posts go, how they are worded, and whether they are only printed.
 * Exactly one of {@code x} and {@code facebook} is present, matching {@code network}.
 */
public record ChannelSettings(String name, Network network, boolean dryRun, String template,
                             Map<String, String> utm, Duration connectTimeout, Duration readTimeout,
                             Optional<XAccount> x, Optional<FacebookPage> facebook, Pacing pacing) {
    public ChannelSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(template, "template");
        utm = Map.copyOf(utm);
        Objects.requireNonNull(pacing, "pacing");
        if ((network == Network.X) != x.isPresent() || (network == Network.FACEBOOK) != facebook.isPresent()) {
            throw new IllegalArgumentException("channel " + name + ": account does not match network " + network.id());
        }
    }
}
