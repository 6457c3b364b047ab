package org.herald.cli;

import org.herald.config.ChannelSettings;
import org.herald.config.FacebookPage;
import org.herald.config.FeedSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.Pacing;
import org.herald.config.Secret;
import org.herald.config.SecretRedaction;
import org.herald.config.UrlPasswords;
import org.herald.config.XAccount;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The settings in effect as a tree of the keys a user writes (reference.conf's names, durations like
 * {@code 10s}, sizes like {@code 5 MiB}, secrets as {@code ****}), rendered as HOCON or as JSON. JSON is also
 * valid HOCON, and both load back into the same settings, secrets aside.
 */
final class SettingsDocument {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String MASK = "****";

    /** A value written without quotes in HOCON (a duration or a size); a string in JSON. */
    private record Bare(String text) {
    }

    private final Map<String, Object> root;

    private SettingsDocument(Map<String, Object> root) {
        this.root = root;
    }

    static SettingsDocument of(HeraldSettings s) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> fetch = block(root, "fetch");
        fetch.put("connect-timeout", duration(s.fetch().connectTimeout()));
        fetch.put("read-timeout", duration(s.fetch().readTimeout()));
        fetch.put("max-bytes", size(s.fetch().maxBytes()));
        fetch.put("max-redirects", s.fetch().maxRedirects());
        fetch.put("user-agent", s.fetch().userAgent());
        block(root, "condense").put("summary-max-length", s.condense().summaryMaxLength());
        block(root, "post").put("retry-budget", duration(s.post().retryBudget()));
        Map<String, Object> storage = block(root, "storage");
        storage.put("jdbc-url", UrlPasswords.masked(s.storage().jdbcUrl()));
        storage.put("user", s.storage().user());
        secret(storage, "password", s.storage().password());
        Map<String, Object> schedule = block(root, "schedule");
        schedule.put("max-attempts", s.schedule().maxAttempts());
        schedule.put("dispatch-interval", duration(s.schedule().dispatchInterval()));
        schedule.put("sending-timeout", duration(s.schedule().sendingTimeout()));
        Map<String, Object> feeds = block(root, "feeds");
        for (FeedSettings feed : s.schedule().feeds()) {
            Map<String, Object> f = block(feeds, feed.name());
            f.put("url", UrlPasswords.masked(feed.url()));
            feed.every().ifPresent(every -> f.put("every", duration(every)));
            feed.cron().ifPresent(cron -> f.put("cron", cron));
            f.put("channels", feed.channels());
            f.put("initial-backlog", feed.initialBacklog());
            f.put("review", feed.review().id());
        }
        Map<String, Object> channels = block(root, "channels");
        for (ChannelSettings channel : s.channels()) channel(block(channels, channel.name()), channel);
        Map<String, Object> console = block(root, "console");
        console.put("enabled", s.console().enabled());
        console.put("listen", s.console().listen());
        s.console().publicUrl().ifPresent(url -> console.put("public-url", url.toString()));
        console.put("trust-proxy", s.console().trustProxy());
        console.put("time-zone", s.console().timeZone().getId());
        console.put("session-idle-timeout", duration(s.console().sessionIdleTimeout()));
        return new SettingsDocument(root);
    }

    private static void channel(Map<String, Object> c, ChannelSettings channel) {
        c.put("network", new Bare(channel.network().id()));
        c.put("dry-run", channel.dryRun());
        c.put("template", channel.template());
        Map<String, Object> utm = new TreeMap<>();
        channel.utm().forEach((tag, value) -> utm.put(tag.replaceFirst("^utm_", ""), value));
        c.put("utm", utm);
        c.put("connect-timeout", duration(channel.connectTimeout()));
        c.put("read-timeout", duration(channel.readTimeout()));
        Pacing pacing = channel.pacing();
        c.put("min-gap", duration(pacing.minGap()));
        c.put("max-per-hour", pacing.maxPerHour());
        c.put("max-per-day", pacing.maxPerDay());
        c.put("quiet-hours", pacing.quietHours().map(Pacing.QuietHours::toString).orElse(""));
        c.put("time-zone", pacing.timeZone().getId());
        c.put("max-lateness", duration(pacing.maxLateness()));
        if (channel.x().isPresent()) {
            XAccount x = channel.x().get();
            c.put("api-base-url", x.apiBaseUrl().toString());
            secret(c, "api-key", x.apiKey());
            secret(c, "api-key-secret", x.apiKeySecret());
            secret(c, "access-token", x.accessToken());
            secret(c, "access-token-secret", x.accessTokenSecret());
        }
        if (channel.facebook().isPresent()) {
            FacebookPage page = channel.facebook().get();
            c.put("graph-base-url", page.graphBaseUrl().toString());
            page.pageId().ifPresent(id -> c.put("page-id", id));
            secret(c, "page-access-token", page.pageAccessToken());
            secret(c, "app-secret", page.appSecret());
        }
    }

    /** A secret that is set shows as ****; one that is not set is left out, as the user would leave it out. */
    private static void secret(Map<String, Object> block, String key, Optional<Secret> secret) {
        if (secret.isPresent()) block.put(key, MASK);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> block(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    /** The largest unit that states the duration exactly, as reference.conf writes them. */
    static Bare duration(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) return new Bare("0s");
        long[] sizes = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        String[] units = {"d", "h", "m", "s", "ms", "us", "ns"};
        for (int i = 0; i < sizes.length; i++) {
            if (nanos % sizes[i] == 0) return new Bare(nanos / sizes[i] + units[i]);
        }
        throw new AssertionError("unreachable: every duration is a whole number of nanoseconds");
    }

    static Bare size(long bytes) {
        long[] sizes = {1L << 30, 1L << 20, 1L << 10};
        String[] units = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < sizes.length; i++) {
            if (bytes >= sizes[i] && bytes % sizes[i] == 0) return new Bare(bytes / sizes[i] + " " + units[i]);
        }
        return new Bare(bytes + " bytes");
    }

    String hocon(String header) {
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n")) out.append("# ").append(line).append('\n');
        for (Map.Entry<String, Object> e : root.entrySet()) hoconEntry(out, e.getKey(), e.getValue(), 0);
        return out.toString();
    }

    private static void hoconEntry(StringBuilder out, String key, Object value, int depth) {
        String indent = "  ".repeat(depth);
        String name = BARE_KEY.matcher(key).matches() ? key : quote(key);
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append(indent).append(name).append(" {}\n");
                return;
            }
            out.append(indent).append(name).append(" {\n");
            for (Map.Entry<?, ?> e : map.entrySet()) hoconEntry(out, (String) e.getKey(), e.getValue(), depth + 1);
            out.append(indent).append("}\n");
            return;
        }
        out.append(indent).append(name).append(" = ").append(value instanceof Bare bare ? bare.text() : scalar(value)).append('\n');
    }

    String json() {
        StringBuilder out = new StringBuilder();
        jsonValue(out, root, 0);
        return out.append('\n').toString();
    }

    private static void jsonValue(StringBuilder out, Object value, int depth) {
        if (!(value instanceof Map<?, ?> map)) {
            out.append(value instanceof Bare bare ? quote(bare.text()) : scalar(value));
            return;
        }
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append("  ".repeat(depth + 1)).append(quote((String) e.getKey())).append(": ");
            jsonValue(out, e.getValue(), depth + 1);
            out.append(++i < map.size() ? ",\n" : "\n");
        }
        out.append("  ".repeat(depth)).append('}');
    }

    /** Strings, numbers, booleans and lists of strings, written the same way in HOCON and JSON. */
    private static String scalar(Object value) {
        if (value instanceof String text) return quote(text);
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) out.append(i == 0 ? "" : ", ").append(quote(String.valueOf(list.get(i))));
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
