package org.herald.access;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed sign-ins for one user name, or from one client
 * address, within {@link #WINDOW}, every further attempt is refused (even with the right password) until the
 * oldest of those failures leaves the window.
 */
public final class SignInThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Jdbc jdbc;
    private final Clock clock;

    public SignInThrottle(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** Empty if an attempt may be made now; otherwise how long until one may. */
    public Optional<Duration> retryAfter(String userName, String client) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        Optional<Instant> byName = blockedUntil("user_name", key(userName), since);
        Optional<Instant> byClient = blockedUntil("client", client, since);
        Optional<Instant> until = byName.isPresent() && byClient.isPresent()
                ? Optional.of(byName.get().isAfter(byClient.get()) ? byName.get() : byClient.get())
                : byName.or(() -> byClient);
        return until.filter(now::isBefore).map(u -> Duration.between(now, u));
    }

    public void recordFailure(String userName, String client) {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO sign_in_failure (user_name, client, at) VALUES (?, ?, ?)", key(userName), client, Jdbc.time(now));
        // old failures count for nothing; keep the table small
        jdbc.update("DELETE FROM sign_in_failure WHERE at < ?", Jdbc.time(now.minus(WINDOW.multipliedBy(2))));
    }

    /** When the {@code MAX_FAILURES}-th most recent failure leaves the window, if there are that many in it. */
    private Optional<Instant> blockedUntil(String column, String value, Instant since) {
        List<Instant> recent = jdbc.query("SELECT at FROM sign_in_failure WHERE " + column + " = ? AND at > ? ORDER BY at DESC",
                r -> Jdbc.instant(r, "at"), value, Jdbc.time(since));
        if (recent.size() < MAX_FAILURES) return Optional.empty();
        return Optional.of(recent.get(MAX_FAILURES - 1).plus(WINDOW));
    }

    private static String key(String userName) {
        String k = userName.strip().toLowerCase(Locale.ROOT);
        return k.length() > 100 ? k.substring(0, 100) : k;
    }
}
