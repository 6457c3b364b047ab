package org.herald.schedule;

import org.herald.config.Network;

import java.time.Duration;
import java.time.Instant;

/**
 * What the main job tells whoever watches it (metrics, readiness): posts sent, failed and expired, how long
 * each platform call took, feed polls, dispatch cycles, Quartz misfires. Every method must return quickly
 * and never throw: it is called from the send and poll paths.
 */
public interface Activity {
    /** Nobody is watching. */
    Activity NONE = new Activity() {
    };

    /** A row became SENT (published, or the platform already had it). */
    default void sent(String channel) {
    }

    default void failed(String channel) {
    }

    default void expired(String channel) {
    }

    /** One platform call, whatever its outcome. */
    default void published(String channel, Network network, Duration took) {
    }

    /** One feed poll; {@code ok} false when the feed was unhealthy or the poll failed. */
    default void polled(String feed, Duration took, boolean ok) {
    }

    /** A channel's dispatcher is at work on this node (a cycle began, sent a row, or ended). */
    default void dispatching(String channel, Instant at) {
    }

    /** Quartz found a trigger that missed its fire time. */
    default void misfired(String job) {
    }
}
