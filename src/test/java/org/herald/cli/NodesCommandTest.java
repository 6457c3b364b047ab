package org.herald.cli;

import org.herald.publish.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code herald nodes} on the embedded database lists the one process that sends from it, as the console does
 * (the running daemon's case is in {@code EmbeddedDatabaseSecurityTest}).
 */
class NodesCommandTest {
    @TempDir
    Path dir;

    @Test
    void anEmbeddedDatabaseNoDaemonHasRunOnHasNoNodesYet() throws Exception {
        Path config = dir.resolve("herald.conf");
        Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\n");
        MutableClock clock = new MutableClock(Instant.now());

        HeraldRun none = HeraldRun.at(clock, config, "nodes");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).contains("no Herald node has run on this database yet");
        assertThat(none.err()).isEmpty();

    }
}
