package org.herald.cli;

import org.herald.config.HeraldSettings;
import org.herald.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code herald config} prints the settings in effect as the HOCON a user would write, or JSON for scripts. */
class ConfigCommandTest {
    @TempDir
    Path dir;

    private Path shippedConfigWithDatabaseIn(Path dir) throws Exception {
        Path file = dir.resolve("herald.conf");
        Files.writeString(file, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\n");
        return file;
    }

    @Test
    void printsSettingsWithSecretsMasked() throws Exception {
        Path file = dir.resolve("live.conf");
        Files.writeString(file, """
                channels.x-live { network = x, api-key = "k-SECRET-1", api-key-secret = "s-SECRET-2",
                  access-token = "t-SECRET-3", access-token-secret = "ts-SECRET-4", utm { source = x, medium = social } }
                channels.fb-live { network = facebook, page-id = "1234567890", page-access-token = "p-SECRET-5", app-secret = "a-SECRET-6" }
                """);
        HeraldRun run = HeraldRun.of("--config", file.toString(), "config");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("SECRET").doesNotContain("Optional").doesNotContain("PT").doesNotContain("Settings[")
                .contains("    api-key = \"****\"\n", "    access-token-secret = \"****\"\n", "    page-access-token = \"****\"\n",
                        "    app-secret = \"****\"\n", "    page-id = \"1234567890\"\n")
                .contains("  read-timeout = 30s\n", "  max-bytes = 5 MiB\n", "  dispatch-interval = 2s\n", "    max-lateness = 6h\n")
                .contains("  x-live {\n    network = x\n    dry-run = false\n    template = \"{headline} {link}\"\n")
                .contains("    utm {\n      medium = \"social\"\n      source = \"x\"\n    }\n")
                .contains("    template = \"{headline}\\n\\n{summary}\"\n");
        assertThat(HeraldRun.of("--help").out()).doesNotContain("SECRET");
    }

    @Test
    void theHoconPrintedLoadsBackToTheSameSettings() throws Exception {
        Path file = shippedConfigWithDatabaseIn(dir);
        HeraldRun run = HeraldRun.of("--config", file.toString(), "config");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Settings in effect: " + file).contains("feeds {\n  newsroom {\n    url = \"file:samples/newsroom.xml\"\n"
                + "    every = 2m\n    channels = [\"x-main\", \"fb-main\"]\n    initial-backlog = 4\n    review = \"never\"\n  }\n}\n");
        Path printed = dir.resolve("printed.conf");
        Files.writeString(printed, run.out());
        assertSameSettings(SettingsLoader.load(printed), SettingsLoader.load(file));
    }

    @Test
    void jsonIsStrictJsonWithTheSameSettings() throws Exception {
        Path file = shippedConfigWithDatabaseIn(dir);
        Files.writeString(file, Files.readString(file) + "feeds.hourly { url = \"https://news.example.org/rss\", cron = \"0 0 * * * ?\", channels = [x-main] }\n"
                + "channels.x-main.quiet-hours = \"23:00-06:30\"\nchannels.x-main.time-zone = Asia/Dubai\n");
        HeraldRun run = HeraldRun.of("--config", file.toString(), "config", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{").endsWith("}\n").contains("\"read-timeout\": \"30s\"", "\"max-redirects\": 5", "\"dry-run\": true",
                "\"cron\": \"0 0 * * * ?\"", "\"quiet-hours\": \"23:00-06:30\"", "\"time-zone\": \"Asia/Dubai\"");
        // a .json file is read with strict JSON syntax: anything HOCON-only in the output would fail here
        Path printed = dir.resolve("printed.json");
        Files.writeString(printed, run.out());
        assertSameSettings(SettingsLoader.load(printed), SettingsLoader.load(file));
    }

    @Test
    void everyPasswordFormInTheJdbcUrlIsMasked() throws Exception {
        for (String url : new String[]{
                "jdbc:postgresql://herald:pw-SECRET-1@db.example.org:5432/herald?sslmode=require",
                "jdbc:postgresql://db.example.org/herald?user=herald&password=pw-SECRET-2&ssl=true",
                "jdbc:postgresql://db.example.org/herald?password=pw-SECRET-3",
                "jdbc:h2:file:./data/x;USER=sa;PASSWORD=pw-SECRET-4;MODE=PostgreSQL"}) {
            Path file = dir.resolve("db.conf");
            Files.writeString(file, "storage.jdbc-url = \"" + url + "\"\nstorage.password = \"pw-SECRET-5\"\n");
            for (String format : new String[]{"", "--json"}) {
                HeraldRun run = format.isEmpty() ? HeraldRun.of("--config", file.toString(), "config")
                        : HeraldRun.of("--config", file.toString(), "config", format);
                assertThat(run.exitCode()).isZero();
                assertThat(run.out()).as(url).doesNotContain("SECRET").contains("****");
            }
        }
        Files.writeString(dir.resolve("db.conf"), "storage.jdbc-url = \"jdbc:postgresql://herald:pw-SECRET-1@db.example.org:5432/herald\"\n");
        assertThat(HeraldRun.of("--config", dir.resolve("db.conf").toString(), "config").out())
                .contains("  jdbc-url = \"jdbc:postgresql://herald:****@db.example.org:5432/herald\"\n");
    }

    private static void assertSameSettings(HeraldSettings actual, HeraldSettings expected) {
        assertThat(actual.fetch()).isEqualTo(expected.fetch());
        assertThat(actual.condense()).isEqualTo(expected.condense());
        assertThat(actual.post()).isEqualTo(expected.post());
        assertThat(actual.storage()).isEqualTo(expected.storage());
        assertThat(actual.schedule()).isEqualTo(expected.schedule());
        assertThat(actual.channels()).isEqualTo(expected.channels());
    }
}
