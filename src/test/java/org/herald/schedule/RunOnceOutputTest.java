package org.herald.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person sees from {@code run --once} in a terminal (stdout and stderr together): each problem once. */
class RunOnceOutputTest {
    @TempDir
    Path dir;

    @Test
    void aFailingFeedIsReportedOnceAndTheOthersStillFlow() throws Exception {
        Path config = dir.resolve("herald.conf");
        Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\n"
                + "feeds.broken { url = \"" + dir.resolve("missing.xml").toUri() + "\", every = 5m }\n");
        try (HeraldProcess once = HeraldProcess.start(dir.resolve("once.log"), config, "run", "--once")) {
            assertThat(once.exitCode(60)).isEqualTo(1);
            String output = once.output();
            assertThat(Arrays.stream(output.split("\n")).filter(line -> line.contains("broken"))).as(output)
                    .singleElement().asString().startsWith("herald: feed broken: ");
            assertThat(output).contains("feed newsroom: 4 new stories").doesNotContain("\tat ");
        }
    }
}
