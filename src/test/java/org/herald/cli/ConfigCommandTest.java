package org.herald.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCommandTest {
    @Test
    void printsSettingsWithSecretsMasked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.conf");
        Files.writeString(file, """
                channels.x-live { network = x, api-key = "k-SECRET-1", api-key-secret = "s-SECRET-2",
                  access-token = "t-SECRET-3", access-token-secret = "ts-SECRET-4" }
                """);
        HeraldRun run = HeraldRun.of("--config", file.toString(), "config");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("channel x-live: network=x, dry-run=false").contains("****").doesNotContain("SECRET");
        assertThat(HeraldRun.of("--help").out()).doesNotContain("SECRET");
    }
}
