package org.herald.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Configuration mistakes stop every command at load with one line naming the file and the full key, exit 3. */
class ConfigMistakesTest {
    @TempDir
    Path dir;

    private Path config(String feedCron) throws Exception {
        Path file = dir.resolve("herald.conf");
        Files.writeString(file, """
                storage.jdbc-url = "jdbc:h2:file:%s"
                channels.x-main { network = x, dry-run = true }
                feeds.leap { url = "file:samples/newsroom.xml", cron = "%s" }
                """.formatted(dir.resolve("data/herald").toAbsolutePath(), feedCron));
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"config", "run"})
    void aCronThatNeverFiresIsRefusedAtLoad(String command) throws Exception {
        Path file = config("0 0 0 30 2 ?");
        HeraldRun run = command.equals("run") ? HeraldRun.of("--config", file.toString(), "run", "--once")
                : HeraldRun.of("--config", file.toString(), command);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.errLines()).containsExactly("herald: " + file + ": feeds.leap.cron \"0 0 0 30 2 ?\" never fires: no date matches it");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aCronQuartzCannotParseIsRefusedAtLoad() throws Exception {
        Path file = config("0 0 25 * * ?");
        HeraldRun run = HeraldRun.of("--config", file.toString(), "run", "--once");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("herald: " + file + ": feeds.leap.cron \"0 0 25 * * ?\" is not a Quartz cron expression: ")
                .doesNotContain("internal error");
    }

    @Test
    void aCronThatFiresIsAccepted() throws Exception {
        HeraldRun run = HeraldRun.of("--config", config("0 */5 * * * ?").toString(), "config");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aMisspeltTopLevelKeyStopsEveryCommand() throws Exception {
        Path file = dir.resolve("typo.conf");
        Files.writeString(file, "fech.max-bytes = 1\n");
        for (String command : new String[]{"config", "preview"}) {
            HeraldRun run = command.equals("preview") ? HeraldRun.of("--config", file.toString(), "preview", "samples/newsroom.xml")
                    : HeraldRun.of("--config", file.toString(), command);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
            assertThat(run.errLines()).singleElement().asString().startsWith("herald: " + file + ": fech is not a known key; did you mean fetch?");
        }
    }
}
