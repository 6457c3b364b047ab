package org.herald.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shippedConfigurationDefinesTwoDryRunChannels() {
        HeraldSettings settings = SettingsLoader.load(Path.of("config/application.conf"));
        assertThat(settings.channels()).extracting(ChannelSettings::name).containsExactly("fb-main", "x-main");
        assertThat(settings.channels()).allMatch(ChannelSettings::dryRun);
        ChannelSettings x = settings.channel("x-main").orElseThrow();
        assertThat(x.network()).isEqualTo(Network.X);
        assertThat(x.template()).isEqualTo("{headline} {link}");
        assertThat(settings.channel("fb-main").orElseThrow().template()).isEqualTo("{headline}\n\n{summary}");
        assertThat(settings.fetch().maxBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(settings.fetch().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.fetch().userAgent()).startsWith("Herald/");
    }

    @Test
    void liveChannelWithoutCredentialsNamesTheKeyAndTheVariable() throws IOException {
        Path file = write("""
                channels.x-main { network = x, api-key = ${?HERALD_TEST_UNSET_KEY_1234} }
                """);
        assertThatThrownBy(() -> SettingsLoader.load(file))
                .isInstanceOf(SettingsException.class)
                .hasMessage(file + ": channels.x-main.api-key is missing (set HERALD_TEST_UNSET_KEY_1234)");
    }

    @Test
    void liveFacebookChannelNeedsItsPageId() throws IOException {
        Path file = write("channels.fb { network = facebook, page-access-token = \"t\" }");
        assertThatThrownBy(() -> SettingsLoader.load(file))
                .hasMessage(file + ": channels.fb.page-id is missing (set it in the file, or mark the channel dry-run = true)");
    }

    @Test
    void unknownKeysWrongValuesAndTemplatesAreReportedByName() throws IOException {
        assertThatThrownBy(() -> SettingsLoader.load(write("channels.a { network = x, dry-run = true, api-kye = 1 }")))
                .hasMessageContaining("channels.a.api-kye is not a known key for a x channel");
        assertThatThrownBy(() -> SettingsLoader.load(write("channels.a { network = mastodon }")))
                .hasMessageEndingWith("channels.a.network must be x or facebook, not 'mastodon'");
        assertThatThrownBy(() -> SettingsLoader.load(write("channels.a { network = x, dry-run = true, template = \"{title} {link}\" }")))
                .hasMessageEndingWith("channels.a.template uses unknown placeholder {title} (known: {headline}, {link}, {summary})");
        assertThatThrownBy(() -> SettingsLoader.load(write("fetch.read-timeout = soon")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("read-timeout");
        assertThatThrownBy(() -> SettingsLoader.load(write("channels { a { network = x ")))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith(dir.resolve("app.conf").toString());
    }

    @Test
    void secretsNeverPrint() throws IOException {
        Path file = write("""
                channels.x-live { network = x, api-key = "k-SECRET-1", api-key-secret = "s-SECRET-2",
                  access-token = "t-SECRET-3", access-token-secret = "ts-SECRET-4" }
                channels.fb-live { network = facebook, page-id = "123", page-access-token = "p-SECRET-5", app-secret = "a-SECRET-6" }
                """);
        HeraldSettings settings = SettingsLoader.load(file);
        assertThat(settings.toString()).doesNotContain("SECRET").contains("****");
        XAccount account = settings.channel("x-live").orElseThrow().x().orElseThrow();
        assertThat(account.apiKey().orElseThrow().reveal()).isEqualTo("k-SECRET-1");
    }

    @Test
    void channelUtmTagsBecomeQueryParameters() throws IOException {
        HeraldSettings settings = SettingsLoader.load(write(
                "channels.a { network = x, dry-run = true, utm { source = x, medium = social, campaign = \"\" } }"));
        assertThat(settings.channel("a").orElseThrow().utm()).containsOnlyKeys("utm_source", "utm_medium");
    }

    @Test
    void feedsAndPacingAreCheckedKeyByKey() throws IOException {
        String channel = "channels.x-main { network = x, dry-run = true }\n";
        assertThatThrownBy(() -> SettingsLoader.load(write(channel + "feeds.a { every = 2m }")))
                .hasMessageEndingWith("feeds.a.url is missing (an http(s) or file: URL)");
        assertThatThrownBy(() -> SettingsLoader.load(write(channel + "feeds.a { url = \"file:x.xml\", every = 2m, cron = \"0 * * * * ?\" }")))
                .hasMessageContaining("feeds.a needs exactly one of every");
        assertThatThrownBy(() -> SettingsLoader.load(write(channel + "feeds.a { url = \"file:x.xml\", every = 2m, channels = [fb] }")))
                .hasMessageEndingWith("feeds.a.channels names channel 'fb', which is not configured");
        assertThatThrownBy(() -> SettingsLoader.load(write("channels.x-main { network = x, dry-run = true, quiet-hours = \"late\" }")))
                .hasMessageEndingWith("channels.x-main.quiet-hours must look like 00:00-06:00, not 'late'");
        assertThatThrownBy(() -> SettingsLoader.load(write("channels.x-main { network = x, dry-run = true, time-zone = \"Mars/Olympus\" }")))
                .hasMessageContaining("channels.x-main.time-zone must be a time zone");
        assertThatThrownBy(() -> SettingsLoader.load(write("storage.jdbc-url = \"jdbc:mysql://db/herald\"")))
                .hasMessageContaining("storage.jdbc-url must start with jdbc:h2: or jdbc:postgresql:");
    }

    @Test
    void theShippedFeedAndPacingDefaults() {
        HeraldSettings settings = SettingsLoader.load(Path.of("config/application.conf"));
        FeedSettings newsroom = settings.schedule().feeds().get(0);
        assertThat(newsroom.name()).isEqualTo("newsroom");
        assertThat(newsroom.url()).isEqualTo("file:samples/newsroom.xml");
        assertThat(newsroom.every()).contains(Duration.ofMinutes(2));
        assertThat(newsroom.channels()).containsExactly("x-main", "fb-main");
        Pacing pacing = settings.channel("x-main").orElseThrow().pacing();
        assertThat(pacing.maxLateness()).isEqualTo(Duration.ofHours(6));
        assertThat(pacing.quietHours()).isEmpty();
        assertThat(settings.storage().jdbcUrl()).isEqualTo("jdbc:h2:file:./data/herald");
    }

    @Test
    void databasePasswordsNeverPrint() throws IOException {
        HeraldSettings settings = SettingsLoader.load(write(
                "storage { jdbc-url = \"jdbc:postgresql://db:5432/herald?user=h&password=pg-SECRET-7\", password = \"pg-SECRET-8\" }"));
        assertThat(settings.storage().toString()).doesNotContain("SECRET").contains("password=****");
    }

    @Test
    void clusterKeysHaveDefaultsAndAreChecked() throws IOException {
        HeraldSettings defaults = SettingsLoader.load(write("channels.a { network = x, dry-run = true }"));
        assertThat(defaults.schedule().clusterCheckinInterval()).isEqualTo(Duration.ofMillis(7500));
        assertThat(defaults.storage().poolSize()).isEqualTo(10);
        assertThat(defaults.ops()).isEqualTo(new OpsSettings("127.0.0.1", 8080));

        HeraldSettings set = SettingsLoader.load(write("""
                storage.pool-size = 4
                schedule.cluster-checkin-interval = 1s
                console.listen = "0.0.0.0:0"
                """));
        assertThat(set.storage().poolSize()).isEqualTo(4);
        assertThat(set.schedule().clusterCheckinInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(set.ops()).isEqualTo(new OpsSettings("0.0.0.0", 0));

        assertThatThrownBy(() -> SettingsLoader.load(write("storage.pool-size = 1")))
                .hasMessageEndingWith("storage.pool-size must be between 2 and 200");
        assertThatThrownBy(() -> SettingsLoader.load(write("schedule.cluster-checkin-interval = 10ms")))
                .hasMessageEndingWith("schedule.cluster-checkin-interval must be between 500ms and 5m");
        assertThatThrownBy(() -> SettingsLoader.load(write("console.listen = \"8080\"")))
                .hasMessageContaining("console.listen must be HOST:PORT");
    }

    @Test
    void sendingTimeoutMustOutlastEveryChannelsCall() throws IOException {
        assertThatThrownBy(() -> SettingsLoader.load(write("""
                schedule.sending-timeout = 30s
                channels.slow { network = facebook, dry-run = true, connect-timeout = 10s, read-timeout = 25s }
                """)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("schedule.sending-timeout (30s) must be longer than channel slow's connect-timeout + read-timeout (35s)");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("app.conf");
        Files.writeString(file, content);
        return file;
    }
}
