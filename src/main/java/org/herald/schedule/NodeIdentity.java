package org.herald.schedule;

import org.herald.config.HeraldVersion;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who one running Herald is. The instance id is both its Quartz instance id and what it writes into the
 * outbox's {@code claimed_by}, so a row's claimer can always be matched to a node and its check-ins.
 */
public record NodeIdentity(String instanceId, String host, long pid, String version, Instant startedAt) {
    public NodeIdentity {
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank() || instanceId.length() > 200) throw new IllegalArgumentException("instance id must be 1..200 characters");
    }

    /** A new id for this process: host and pid for people, a random part so a restarted pid is never taken for the old node. */
    public static NodeIdentity generate(Instant now) {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String shortHost = host.length() > 150 ? host.substring(0, 150) : host;
        return new NodeIdentity(shortHost + "-" + pid + "-" + HexFormat.of().formatHex(random), host, pid, HeraldVersion.current(), now);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "herald";
        }
    }
}
