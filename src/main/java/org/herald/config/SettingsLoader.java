package org.herald.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@code reference.conf} plus the user's file (and the environment variables it names) into
 * {@link HeraldSettings}. The only class that sees Typesafe Config; every problem becomes one
 * {@link SettingsException} line naming the file, the key and what is expected.
 */
public final class SettingsLoader {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("headline", "link", "summary");
    private static final Pattern ENV_SUBSTITUTION = Pattern.compile("\\$\\{\\??\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Set<String> UTM_KEYS = Set.of("source", "medium", "campaign", "term", "content");
    private static final Pattern QUIET_HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Set<String> X_SECRETS = Set.of("api-key", "api-key-secret", "access-token", "access-token-secret");

    private final Path file;
    private final String shown;
    private Config user = ConfigFactory.empty();

    private SettingsLoader(Path file) {
        this.file = file;
        this.shown = file.toString();
    }

    public static HeraldSettings load(Path file) {
        return new SettingsLoader(file).load();
    }

    private HeraldSettings load() {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException(shown + ": no such configuration file (pass another with --config FILE)");
        }
        Config merged;
        try {
            user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            Config reference = ConfigFactory.parseResources(SettingsLoader.class.getClassLoader(), "reference.conf");
            merged = user.withFallback(reference).resolve();
            merged.checkValid(reference.resolve(), "fetch", "condense", "post", "storage", "schedule", "channel-defaults");
            merged.checkValid(reference.resolve(), "console.listen");
        } catch (ConfigException e) {
            throw new SettingsException(describe(e), e);
        }
        try {
            List<ChannelSettings> channels = channels(merged);
            return new HeraldSettings(file, fetch(merged), condense(merged), post(merged), storage(merged),
                    schedule(merged, channels), channels, ops(merged));
        } catch (ConfigException e) {
            throw new SettingsException(describe(e), e);
        }
    }

    private FetchSettings fetch(Config merged) {
        Config c = merged.getConfig("fetch");
        long maxBytes = c.getBytes("max-bytes");
        int redirects = c.getInt("max-redirects");
        Duration connect = positive(c.getDuration("connect-timeout"), "fetch.connect-timeout");
        Duration read = positive(c.getDuration("read-timeout"), "fetch.read-timeout");
        if (maxBytes <= 0) throw problem("fetch.max-bytes", "must be a positive size such as 5 MiB");
        if (redirects < 0 || redirects > 20) throw problem("fetch.max-redirects", "must be between 0 and 20");
        String agent = c.getString("user-agent").replace("{version}", HeraldVersion.current());
        if (agent.isBlank()) throw problem("fetch.user-agent", "must not be blank");
        return new FetchSettings(connect, read, maxBytes, redirects, agent);
    }

    private CondenseSettings condense(Config merged) {
        int max = merged.getInt("condense.summary-max-length");
        if (max < 20 || max > 5000) throw problem("condense.summary-max-length", "must be between 20 and 5000");
        return new CondenseSettings(max);
    }

    private PostSettings post(Config merged) {
        Duration budget = merged.getDuration("post.retry-budget");
        if (budget.isNegative() || budget.compareTo(Duration.ofHours(1)) > 0) {
            throw problem("post.retry-budget", "must be between 0s and 1h");
        }
        return new PostSettings(budget);
    }

    private StorageSettings storage(Config merged) {
        Config c = merged.getConfig("storage");
        String url = c.getString("jdbc-url").trim();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw problem("storage.jdbc-url", "must start with jdbc:h2: or jdbc:postgresql:, not '" + url + "'");
        }
        int poolSize = c.getInt("pool-size");
        if (poolSize < 2 || poolSize > 200) throw problem("storage.pool-size", "must be between 2 and 200");
        return new StorageSettings(url, c.getString("user"), optionalString(c, "password").map(Secret::new), poolSize);
    }

    /** {@code console.listen}: host:port, the port 0 for any free one. */
    private OpsSettings ops(Config merged) {
        String listen = merged.getString("console.listen").trim();
        int colon = listen.lastIndexOf(':');
        String host = colon > 0 ? listen.substring(0, colon).trim() : "";
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(listen.substring(colon + 1).trim()) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isBlank() || port < 0 || port > 65535) {
            throw problem("console.listen", "must be host:port such as 127.0.0.1:8080 (port 0: any free port), not '" + listen + "'");
        }
        return new OpsSettings(host, port);
    }

    private List<ChannelSettings> channels(Config merged) {
        if (!merged.hasPath("channels")) return List.of();
        ConfigObject all = merged.getObject("channels");
        List<ChannelSettings> channels = new ArrayList<>();
        for (String name : new TreeSet<>(all.keySet())) {
            String path = ConfigUtil.joinPath("channels", name);
            if (all.get(name).valueType() != ConfigValueType.OBJECT) {
                throw problem(path, "must be an object with at least network = x or network = facebook");
            }
            channels.add(channel(name, path, merged.getConfig(path), merged));
        }
        return channels;
    }

    private ChannelSettings channel(String name, String path, Config own, Config merged) {
        if (!own.hasPath("network")) throw problem(path + ".network", "is missing (x or facebook)");
        Network network = Network.byId(own.getString("network"))
                .orElseThrow(() -> problem(path + ".network", "must be x or facebook, not '" + own.getString("network") + "'"));
        Config defaults = merged.getConfig(ConfigUtil.joinPath("channel-defaults", network.id()));
        Set<String> known = new TreeSet<>(defaults.root().keySet());
        known.add("network");
        known.addAll(network == Network.X ? X_SECRETS : Set.of("page-id", "page-access-token", "app-secret"));
        for (String key : own.root().keySet()) {
            if (!known.contains(key)) {
                throw problem(path + "." + key, "is not a known key for a " + network.id() + " channel (known: "
                        + String.join(", ", known) + ")");
            }
        }
        Config c = own.withFallback(defaults);
        boolean dryRun = c.getBoolean("dry-run");
        String template = template(c.getString("template"), path + ".template", network);
        Map<String, String> utm = utm(c.getConfig("utm"), path + ".utm");
        Duration connect = positive(c.getDuration("connect-timeout"), path + ".connect-timeout");
        Duration read = positive(c.getDuration("read-timeout"), path + ".read-timeout");
        if (network == Network.X) {
            XAccount account = new XAccount(secret(c, path, "api-key", dryRun), secret(c, path, "api-key-secret", dryRun),
                    secret(c, path, "access-token", dryRun), secret(c, path, "access-token-secret", dryRun),
                    baseUrl(c, path, "api-base-url"));
            return new ChannelSettings(name, network, dryRun, template, utm, connect, read, Optional.of(account), Optional.empty(),
                    pacing(c, path));
        }
        Optional<String> pageId = optionalString(c, "page-id");
        if (pageId.isEmpty() && !dryRun) throw missing(path, "page-id");
        FacebookPage page = new FacebookPage(pageId, secret(c, path, "page-access-token", dryRun),
                optionalString(c, "app-secret").map(Secret::new), baseUrl(c, path, "graph-base-url"));
        return new ChannelSettings(name, network, dryRun, template, utm, connect, read, Optional.empty(), Optional.of(page),
                pacing(c, path));
    }

    private Pacing pacing(Config c, String path) {
        Duration minGap = c.getDuration("min-gap");
        if (minGap.isNegative()) throw problem(path + ".min-gap", "must not be negative");
        int perHour = c.getInt("max-per-hour");
        int perDay = c.getInt("max-per-day");
        if (perHour < 0) throw problem(path + ".max-per-hour", "must be 0 (no limit) or more");
        if (perDay < 0) throw problem(path + ".max-per-day", "must be 0 (no limit) or more");
        java.time.ZoneId zone;
        try {
            zone = java.time.ZoneId.of(c.getString("time-zone").trim());
        } catch (java.time.DateTimeException e) {
            throw problem(path + ".time-zone", "must be a time zone such as Asia/Dubai or UTC, not '" + c.getString("time-zone") + "'");
        }
        String quiet = c.getString("quiet-hours").trim();
        Optional<Pacing.QuietHours> quietHours = Optional.empty();
        if (!quiet.isEmpty()) {
            Matcher m = QUIET_HOURS.matcher(quiet);
            if (!m.matches()) throw problem(path + ".quiet-hours", "must look like 00:00-06:00, not '" + quiet + "'");
            try {
                quietHours = Optional.of(new Pacing.QuietHours(java.time.LocalTime.parse(m.group(1)), java.time.LocalTime.parse(m.group(2))));
            } catch (java.time.DateTimeException e) {
                throw problem(path + ".quiet-hours", "must look like 00:00-06:00, not '" + quiet + "'");
            }
        }
        Duration lateness = positive(c.getDuration("max-lateness"), path + ".max-lateness");
        return new Pacing(minGap, perHour, perDay, quietHours, zone, lateness);
    }

    private ScheduleSettings schedule(Config merged, List<ChannelSettings> channels) {
        Config s = merged.getConfig("schedule");
        int maxAttempts = s.getInt("max-attempts");
        if (maxAttempts < 1 || maxAttempts > 100) throw problem("schedule.max-attempts", "must be between 1 and 100");
        Duration interval = positive(s.getDuration("dispatch-interval"), "schedule.dispatch-interval");
        Duration sendingTimeout = positive(s.getDuration("sending-timeout"), "schedule.sending-timeout");
        // a row still SENDING is settled as abandoned after this: a live call must always have ended by then
        for (ChannelSettings channel : channels) {
            Duration call = channel.connectTimeout().plus(channel.readTimeout());
            if (sendingTimeout.compareTo(call) <= 0) {
                throw problem("schedule.sending-timeout", "(" + shortly(sendingTimeout) + ") must be longer than channel "
                        + channel.name() + "'s connect-timeout + read-timeout (" + shortly(call)
                        + "), or a call still in flight could be taken for an abandoned one and sent twice");
            }
        }
        Duration checkin = s.getDuration("cluster-checkin-interval");
        if (checkin.compareTo(Duration.ofMillis(500)) < 0 || checkin.compareTo(Duration.ofMinutes(5)) > 0) {
            throw problem("schedule.cluster-checkin-interval", "must be between 500ms and 5m");
        }
        List<FeedSettings> feeds = new ArrayList<>();
        if (merged.hasPath("feeds")) {
            ConfigObject all = merged.getObject("feeds");
            for (String name : new TreeSet<>(all.keySet())) {
                String path = ConfigUtil.joinPath("feeds", name);
                if (all.get(name).valueType() != ConfigValueType.OBJECT) throw problem(path, "must be an object with url and every or cron");
                feeds.add(feed(name, path, merged.getConfig(path), channels));
            }
        }
        return new ScheduleSettings(feeds, maxAttempts, interval, sendingTimeout, checkin);
    }

    private FeedSettings feed(String name, String path, Config f, List<ChannelSettings> channels) {
        Set<String> known = Set.of("url", "every", "cron", "channels", "initial-backlog");
        for (String key : f.root().keySet()) {
            if (!known.contains(key)) throw problem(path + "." + key, "is not a known key for a feed (known: " + String.join(", ", new TreeSet<>(known)) + ")");
        }
        if (!f.hasPath("url") || f.getString("url").isBlank()) throw problem(path + ".url", "is missing (an http(s) or file: URL)");
        String url = f.getString("url").trim();
        if (!url.matches("(?i)^(https?|file):.+")) throw problem(path + ".url", "must be an http(s) or file: URL, not '" + url + "'");
        boolean hasEvery = f.hasPath("every");
        boolean hasCron = f.hasPath("cron");
        if (hasEvery == hasCron) throw problem(path, "needs exactly one of every (e.g. 2m) or cron (e.g. \"0 */5 * * * ?\")");
        Optional<Duration> every = hasEvery ? Optional.of(f.getDuration("every")) : Optional.empty();
        if (every.isPresent() && every.get().compareTo(Duration.ofSeconds(1)) < 0) throw problem(path + ".every", "must be at least 1s");
        Optional<String> cron = hasCron ? Optional.of(f.getString("cron").trim()) : Optional.empty();
        if (cron.isPresent() && !(cron.get().split("\\s+").length == 6 || cron.get().split("\\s+").length == 7)) {
            throw problem(path + ".cron", "must be a Quartz cron expression with 6 or 7 fields, such as \"0 */5 * * * ?\"");
        }
        List<String> targets = f.hasPath("channels") ? f.getStringList("channels")
                : channels.stream().map(ChannelSettings::name).toList();
        for (String target : targets) {
            if (channels.stream().noneMatch(c -> c.name().equals(target))) {
                throw problem(path + ".channels", "names channel '" + target + "', which is not configured");
            }
        }
        int backlog = f.hasPath("initial-backlog") ? f.getInt("initial-backlog") : 0;
        if (backlog < 0) throw problem(path + ".initial-backlog", "must be 0 or more");
        return new FeedSettings(name, url, every, cron, targets, backlog);
    }

    private String template(String template, String key, Network network) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw problem(key, "uses unknown placeholder " + m.group() + " (known: {headline}, {link}, {summary})");
            }
        }
        if (!template.contains("{headline}")) throw problem(key, "must contain {headline}");
        if (network == Network.FACEBOOK && template.contains("{link}")) {
            throw problem(key, "must not contain {link}: Facebook receives the link as its own field");
        }
        return template;
    }

    private Map<String, String> utm(Config c, String key) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String name : new TreeSet<>(c.root().keySet())) {
            if (!UTM_KEYS.contains(name)) {
                throw problem(key + "." + name, "is not a UTM tag (use source, medium, campaign, term or content)");
            }
            String value = c.getString(name).trim();
            if (!value.isEmpty()) tags.put("utm_" + name, value);
        }
        return tags;
    }

    private Optional<Secret> secret(Config c, String path, String key, boolean dryRun) {
        Optional<String> value = optionalString(c, key);
        if (value.isEmpty() && !dryRun) throw missing(path, key);
        return value.map(Secret::new);
    }

    private static Optional<String> optionalString(Config c, String key) {
        if (!c.hasPath(key)) return Optional.empty();
        String value = c.getString(key).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private URI baseUrl(Config c, String path, String key) {
        String value = c.getString(key).trim();
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw problem(path + "." + key, "must be an http(s) URL, not '" + value + "'");
            }
            return value.endsWith("/") ? uri : new URI(value + "/");
        } catch (URISyntaxException e) {
            throw problem(path + "." + key, "must be an http(s) URL, not '" + value + "'");
        }
    }

    private static String shortly(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private Duration positive(Duration d, String key) {
        if (d.isNegative() || d.isZero()) throw problem(key, "must be a positive duration such as 10s");
        return d;
    }

    private SettingsException missing(String path, String key) {
        String hint = environmentVariable(path, key)
                .map(v -> "set " + v)
                .orElse("set it in the file, or mark the channel dry-run = true");
        return problem(path + "." + key, "is missing (" + hint + ")");
    }

    /** The variable named by the user's {@code ${?VAR}} for this key, read from the file before resolution. */
    private Optional<String> environmentVariable(String path, String key) {
        ConfigValue value = user.root();
        for (String part : ConfigUtil.splitPath(path + "." + key)) {
            if (!(value instanceof ConfigObject object) || object.get(part) == null) return Optional.empty();
            value = object.get(part);
        }
        Matcher m = ENV_SUBSTITUTION.matcher(value.render());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private SettingsException problem(String key, String what) {
        return new SettingsException(shown + ": " + key + " " + what);
    }

    private String describe(ConfigException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        // Typesafe prefixes most messages with the origin ("file: line: ..."); add the file when it did not.
        return message.contains(file.getFileName().toString()) ? message : shown + ": " + message;
    }
}
