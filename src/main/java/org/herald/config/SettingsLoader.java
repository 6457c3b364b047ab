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
            merged.checkValid(reference.resolve(), "fetch", "condense", "post", "storage", "schedule", "channel-defaults", "console");
            refuseUnknownKeys(merged.root(), reference.root(), List.of());
        } catch (ConfigException e) {
            throw new SettingsException(describe(e), e);
        }
        try {
            List<ChannelSettings> channels = channels(merged);
            return new HeraldSettings(file, fetch(merged), condense(merged), post(merged), storage(merged),
                    schedule(merged, channels), channels, console(merged));
        } catch (ConfigException e) {
            throw new SettingsException(describe(e), e);
        }
    }

    /**
     * Every key must be one reference.conf has at the same place, so a new key documented there is known at once.
     * An empty object in reference.conf ({@code feeds {}}, {@code channels {}}, {@code utm {}}) is an open map
     * whose entries the code reading it checks.
     */
    private void refuseUnknownKeys(ConfigObject actual, ConfigObject known, List<String> path) {
        for (String key : new TreeSet<>(actual.keySet())) {
            List<String> here = new ArrayList<>(path);
            here.add(key);
            ConfigValue reference = known.get(key);
            if (reference == null) {
                throw problemAt(actual.get(key), ConfigUtil.joinPath(here), "is not a known key" + suggestion(key, known.keySet())
                        + " (known: " + String.join(", ", new TreeSet<>(known.keySet())) + ")");
            }
            if (reference instanceof ConfigObject expected && !expected.isEmpty() && actual.get(key) instanceof ConfigObject object) {
                refuseUnknownKeys(object, expected, here);
            }
        }
    }

    /** "; did you mean fetch?" for a near miss (a letter or two wrong, missing or swapped), else nothing. */
    private static String suggestion(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(known)) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 2 && bestDistance * 2 < Math.min(key.length(), best.length())
                ? "; did you mean " + best + "?" : "";
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Typed reads of one block of settings. A value of the wrong kind becomes a {@link SettingsException}
     * naming the full key (Typesafe names only the last part once a block is taken apart).
     */
    private final class Keys {
        private final Config config;
        private final java.util.function.UnaryOperator<String> fullName;

        Keys(Config config, String path) {
            this(config, key -> path + "." + key);
        }

        Keys(Config config, java.util.function.UnaryOperator<String> fullName) {
            this.config = config;
            this.fullName = fullName;
        }

        String name(String key) {
            return fullName.apply(key);
        }

        boolean has(String key) {
            return config.hasPath(key);
        }

        Set<String> keys() {
            return config.root().keySet();
        }

        Duration duration(String key) {
            try {
                return config.getDuration(key);
            } catch (ConfigException.WrongType | ConfigException.BadValue e) {
                throw wrong(key, "must be a duration such as 10s");
            }
        }

        long bytes(String key) {
            try {
                return config.getBytes(key);
            } catch (ConfigException.WrongType | ConfigException.BadValue e) {
                throw wrong(key, "must be a size such as 5 MiB");
            }
        }

        int integer(String key) {
            try {
                // Typesafe would quietly truncate 1.5 to 1
                if (config.getValue(key).unwrapped() instanceof Double d && d % 1 != 0) throw wrong(key, "must be a whole number");
                return config.getInt(key);
            } catch (ConfigException.WrongType | ConfigException.BadValue e) {
                throw wrong(key, "must be a whole number");
            }
        }

        boolean bool(String key) {
            try {
                return config.getBoolean(key);
            } catch (ConfigException.WrongType | ConfigException.BadValue e) {
                throw wrong(key, "must be true or false");
            }
        }

        String string(String key) {
            try {
                return config.getString(key);
            } catch (ConfigException.WrongType | ConfigException.BadValue e) {
                throw wrong(key, "must be a text value");
            }
        }

        List<String> strings(String key, String example) {
            try {
                return config.getStringList(key);
            } catch (ConfigException.WrongType | ConfigException.BadValue e) {
                throw wrong(key, "must be a list of " + example);
            }
        }

        Keys block(String key) {
            try {
                return new Keys(config.getConfig(key), name(key));
            } catch (ConfigException.WrongType e) {
                throw wrong(key, "must be a block { ... }");
            }
        }

        private SettingsException wrong(String key, String expected) {
            ConfigValue value = config.getValue(key);
            String shownValue = value.valueType() == ConfigValueType.STRING
                    ? "'" + value.unwrapped() + "'" : value.render(com.typesafe.config.ConfigRenderOptions.concise());
            return problemAt(value, name(key), expected + ", not " + shownValue);
        }
    }

    private FetchSettings fetch(Config merged) {
        Keys c = new Keys(merged.getConfig("fetch"), "fetch");
        long maxBytes = c.bytes("max-bytes");
        int redirects = c.integer("max-redirects");
        Duration connect = positive(c.duration("connect-timeout"), "fetch.connect-timeout");
        Duration read = positive(c.duration("read-timeout"), "fetch.read-timeout");
        if (maxBytes <= 0) throw problem("fetch.max-bytes", "must be a positive size such as 5 MiB");
        if (redirects < 0 || redirects > 20) throw problem("fetch.max-redirects", "must be between 0 and 20");
        String agent = c.string("user-agent").replace("{version}", HeraldVersion.current());
        if (agent.isBlank()) throw problem("fetch.user-agent", "must not be blank");
        return new FetchSettings(connect, read, maxBytes, redirects, agent);
    }

    private CondenseSettings condense(Config merged) {
        int max = new Keys(merged.getConfig("condense"), "condense").integer("summary-max-length");
        if (max < 20 || max > 5000) throw problem("condense.summary-max-length", "must be between 20 and 5000");
        return new CondenseSettings(max);
    }

    private PostSettings post(Config merged) {
        Duration budget = new Keys(merged.getConfig("post"), "post").duration("retry-budget");
        if (budget.isNegative() || budget.compareTo(Duration.ofHours(1)) > 0) {
            throw problem("post.retry-budget", "must be between 0s and 1h");
        }
        return new PostSettings(budget);
    }

    private StorageSettings storage(Config merged) {
        Keys c = new Keys(merged.getConfig("storage"), "storage");
        String url = c.string("jdbc-url").trim();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw problem("storage.jdbc-url", "must start with jdbc:h2: or jdbc:postgresql:, not '" + url + "'");
        }
        int poolSize = c.integer("pool-size");
        if (poolSize < 2 || poolSize > 200) throw problem("storage.pool-size", "must be between 2 and 200");
        return new StorageSettings(url, c.string("user"), optionalString(c, "password").map(Secret::new), poolSize);
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
        String networkId = new Keys(own, path).string("network");
        Network network = Network.byId(networkId)
                .orElseThrow(() -> problem(path + ".network", "must be x or facebook, not '" + networkId + "'"));
        String defaultsPath = ConfigUtil.joinPath("channel-defaults", network.id());
        Config defaults = merged.getConfig(defaultsPath);
        Set<String> known = new TreeSet<>(defaults.root().keySet());
        known.add("network");
        known.addAll(network == Network.X ? X_SECRETS : Set.of("page-id", "page-access-token", "app-secret"));
        for (String key : new TreeSet<>(own.root().keySet())) {
            if (!known.contains(key)) {
                throw problemAt(own.getValue(key), path + "." + key, "is not a known key for a " + network.id() + " channel"
                        + suggestion(key, known) + " (known: " + String.join(", ", known) + ")");
            }
        }
        // a value the channel does not set comes from channel-defaults, and a mistake there is named there
        Keys c = new Keys(own.withFallback(defaults), key -> (own.hasPath(key) ? path : defaultsPath) + "." + key);
        boolean dryRun = c.bool("dry-run");
        String template = template(c.string("template"), c.name("template"), network);
        Map<String, String> utm = utm(c.block("utm"));
        Duration connect = positive(c.duration("connect-timeout"), c.name("connect-timeout"));
        Duration read = positive(c.duration("read-timeout"), c.name("read-timeout"));
        if (network == Network.X) {
            XAccount account = new XAccount(secret(c, path, "api-key", dryRun), secret(c, path, "api-key-secret", dryRun),
                    secret(c, path, "access-token", dryRun), secret(c, path, "access-token-secret", dryRun),
                    baseUrl(c, path, "api-base-url"));
            return new ChannelSettings(name, network, dryRun, template, utm, connect, read, Optional.of(account), Optional.empty(),
                    pacing(c));
        }
        Optional<String> pageId = optionalString(c, "page-id");
        if (pageId.isEmpty() && !dryRun) throw missing(path, "page-id");
        FacebookPage page = new FacebookPage(pageId, secret(c, path, "page-access-token", dryRun),
                optionalString(c, "app-secret").map(Secret::new), baseUrl(c, path, "graph-base-url"));
        return new ChannelSettings(name, network, dryRun, template, utm, connect, read, Optional.empty(), Optional.of(page),
                pacing(c));
    }

    private Pacing pacing(Keys c) {
        Duration minGap = c.duration("min-gap");
        if (minGap.isNegative()) throw problem(c.name("min-gap"), "must not be negative");
        int perHour = c.integer("max-per-hour");
        int perDay = c.integer("max-per-day");
        if (perHour < 0) throw problem(c.name("max-per-hour"), "must be 0 (no limit) or more");
        if (perDay < 0) throw problem(c.name("max-per-day"), "must be 0 (no limit) or more");
        java.time.ZoneId zone;
        String zoneName = c.string("time-zone");
        try {
            zone = java.time.ZoneId.of(zoneName.trim());
        } catch (java.time.DateTimeException e) {
            throw problem(c.name("time-zone"), "must be a time zone such as Asia/Dubai or UTC, not '" + zoneName + "'");
        }
        String quiet = c.string("quiet-hours").trim();
        Optional<Pacing.QuietHours> quietHours = Optional.empty();
        if (!quiet.isEmpty()) {
            Matcher m = QUIET_HOURS.matcher(quiet);
            if (!m.matches()) throw problem(c.name("quiet-hours"), "must look like 00:00-06:00, not '" + quiet + "'");
            try {
                quietHours = Optional.of(new Pacing.QuietHours(java.time.LocalTime.parse(m.group(1)), java.time.LocalTime.parse(m.group(2))));
            } catch (java.time.DateTimeException e) {
                throw problem(c.name("quiet-hours"), "must look like 00:00-06:00, not '" + quiet + "'");
            }
        }
        Duration lateness = positive(c.duration("max-lateness"), c.name("max-lateness"));
        return new Pacing(minGap, perHour, perDay, quietHours, zone, lateness);
    }

    private ScheduleSettings schedule(Config merged, List<ChannelSettings> channels) {
        Keys s = new Keys(merged.getConfig("schedule"), "schedule");
        int maxAttempts = s.integer("max-attempts");
        if (maxAttempts < 1 || maxAttempts > 100) throw problem("schedule.max-attempts", "must be between 1 and 100");
        Duration interval = positive(s.duration("dispatch-interval"), "schedule.dispatch-interval");
        Duration sendingTimeout = positive(s.duration("sending-timeout"), "schedule.sending-timeout");
        // a row still SENDING is settled as abandoned after this: a live call must always have ended by then
        for (ChannelSettings channel : channels) {
            Duration call = channel.connectTimeout().plus(channel.readTimeout());
            if (sendingTimeout.compareTo(call) <= 0) {
                throw problem("schedule.sending-timeout", "(" + shortly(sendingTimeout) + ") must be longer than channel "
                        + channel.name() + "'s connect-timeout + read-timeout (" + shortly(call)
                        + "), or a call still in flight could be taken for an abandoned one and sent twice");
            }
        }
        Duration checkin = s.duration("cluster-checkin-interval");
        if (checkin.compareTo(Duration.ofMillis(500)) < 0 || checkin.compareTo(Duration.ofMinutes(5)) > 0) {
            throw problem("schedule.cluster-checkin-interval", "must be between 500ms and 5m");
        }
        List<FeedSettings> feeds = new ArrayList<>();
        if (merged.hasPath("feeds")) {
            ConfigObject all = merged.getObject("feeds");
            for (String name : new TreeSet<>(all.keySet())) {
                String path = ConfigUtil.joinPath("feeds", name);
                if (all.get(name).valueType() != ConfigValueType.OBJECT) throw problem(path, "must be an object with url and every or cron");
                feeds.add(feed(name, path, new Keys(merged.getConfig(path), path), channels));
            }
        }
        return new ScheduleSettings(feeds, maxAttempts, interval, sendingTimeout, checkin);
    }

    private FeedSettings feed(String name, String path, Keys f, List<ChannelSettings> channels) {
        Set<String> known = new TreeSet<>(Set.of("url", "every", "cron", "channels", "initial-backlog", "review"));
        for (String key : new TreeSet<>(f.keys())) {
            if (!known.contains(key)) {
                throw problem(path + "." + key, "is not a known key for a feed" + suggestion(key, known) + " (known: " + String.join(", ", known) + ")");
            }
        }
        if (!f.has("url") || f.string("url").isBlank()) throw problem(path + ".url", "is missing (an http(s) or file: URL)");
        String url = f.string("url").trim();
        if (!url.matches("(?i)^(https?|file):.+")) throw problem(path + ".url", "must be an http(s) or file: URL, not '" + url + "'");
        boolean hasEvery = f.has("every");
        boolean hasCron = f.has("cron");
        if (hasEvery == hasCron) throw problem(path, "needs exactly one of every (e.g. 2m) or cron (e.g. \"0 */5 * * * ?\")");
        Optional<Duration> every = hasEvery ? Optional.of(f.duration("every")) : Optional.empty();
        if (every.isPresent() && every.get().compareTo(Duration.ofSeconds(1)) < 0) throw problem(path + ".every", "must be at least 1s");
        Optional<String> cron = hasCron ? Optional.of(f.string("cron").trim()) : Optional.empty();
        if (cron.isPresent() && !(cron.get().split("\\s+").length == 6 || cron.get().split("\\s+").length == 7)) {
            throw problem(path + ".cron", "must be a Quartz cron expression with 6 or 7 fields, such as \"0 */5 * * * ?\"");
        }
        List<String> targets = f.has("channels") ? f.strings("channels", "channel names such as [x-main]")
                : channels.stream().map(ChannelSettings::name).toList();
        for (String target : targets) {
            if (channels.stream().noneMatch(c -> c.name().equals(target))) {
                throw problem(path + ".channels", "names channel '" + target + "', which is not configured");
            }
        }
        int backlog = f.has("initial-backlog") ? f.integer("initial-backlog") : 0;
        if (backlog < 0) throw problem(path + ".initial-backlog", "must be 0 or more");
        FeedSettings.Review review = FeedSettings.Review.NEVER;
        if (f.has("review")) {
            String value = f.string("review").trim();
            review = FeedSettings.Review.byId(value).orElseThrow(() -> problem(path + ".review",
                    "must be never, always or when-unsure, not '" + value + "'"));
        }
        return new FeedSettings(name, url, every, cron, targets, backlog, review);
    }

    // --- console: the newsroom console's block (console.*); unknown keys are refused with all others ---
    private static final Pattern LISTEN = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([^:\\s\\[\\]]+)):(\\d{1,5})");

    private ConsoleSettings console(Config merged) {
        Keys c = new Keys(merged.getConfig("console"), "console");
        String listen = c.string("listen").trim();
        Matcher m = LISTEN.matcher(listen);
        if (!m.matches() || Integer.parseInt(m.group(3)) > 65535) {
            throw problem("console.listen", "must be HOST:PORT such as 127.0.0.1:8080 or 0.0.0.0:8080, not '" + listen + "'");
        }
        String host = m.group(1) != null ? m.group(1) : m.group(2);
        Optional<URI> publicUrl = optionalString(c, "public-url").map(value -> {
            try {
                URI uri = new URI(value);
                if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                    throw problem("console.public-url", "must be an http(s) URL such as https://social.example.org/, not '" + value + "'");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw problem("console.public-url", "must be an http(s) URL such as https://social.example.org/, not '" + value + "'");
            }
        });
        java.time.ZoneId zone;
        String zoneName = c.string("time-zone");
        try {
            zone = java.time.ZoneId.of(zoneName.trim());
        } catch (java.time.DateTimeException e) {
            throw problem("console.time-zone", "must be a time zone such as Europe/Paris or UTC, not '" + zoneName + "'");
        }
        Duration idle = positive(c.duration("session-idle-timeout"), "console.session-idle-timeout");
        return new ConsoleSettings(c.bool("enabled"), host, Integer.parseInt(m.group(3)), publicUrl, c.bool("trust-proxy"), zone, idle);
    }
    // --- end console ---

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

    private Map<String, String> utm(Keys c) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String name : new TreeSet<>(c.keys())) {
            if (!UTM_KEYS.contains(name)) {
                throw problem(c.name(name), "is not a UTM tag (use source, medium, campaign, term or content)");
            }
            String value = c.string(name).trim();
            if (!value.isEmpty()) tags.put("utm_" + name, value);
        }
        return tags;
    }

    private Optional<Secret> secret(Keys c, String path, String key, boolean dryRun) {
        Optional<String> value = optionalString(c, key);
        if (value.isEmpty() && !dryRun) throw missing(path, key);
        return value.map(Secret::new);
    }

    private static Optional<String> optionalString(Keys c, String key) {
        if (!c.has(key)) return Optional.empty();
        String value = c.string(key).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private URI baseUrl(Keys c, String path, String key) {
        String value = c.string(key).trim();
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

    /** As {@link #problem}, naming the file the value was written in (an included file, say). */
    private SettingsException problemAt(ConfigValue value, String key, String what) {
        String origin = value.origin().filename();
        return new SettingsException((origin == null ? shown : origin) + ": " + key + " " + what);
    }

    private String describe(ConfigException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        // Typesafe prefixes most messages with the origin ("file: line: ..."); add the file when it did not.
        return message.contains(file.getFileName().toString()) ? message : shown + ": " + message;
    }
}
