package org.herald.schedule;

import org.herald.config.StorageSettings;
import org.herald.outbox.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded database while {@code herald run} is up: nothing listens beyond loopback, the automatic
 * server admits no one without the generated password, and the files that hold the password and the
 * server key are readable by Herald's user only.
 */
class EmbeddedDatabaseSecurityTest {
    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path config = dir.resolve("herald.conf");
        Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\n"
                + "feeds = null\n"
                + "console.listen = \"127.0.0.1:0\"\n");
        return config;
    }

    @Test
    void theRunningDaemonListensOnLoopbackOnlyAndItsDatabaseNeedsTheSecret() throws Exception {
        Path config = config();
        Path lockFile = dir.resolve("data/herald.lock.db");
        try (HeraldProcess herald = HeraldProcess.start(dir.resolve("run.log"), config, "run")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> herald.output().contains("herald: running") || !herald.isAlive());
            assertThat(herald.isAlive()).as(herald.output()).isTrue();
            assertThat(Files.readString(lockFile)).contains("server=");

            List<InetSocketAddress> listening = ListeningSockets.of(herald.pid());
            assertThat(listening).as("H2's automatic server is up").isNotEmpty();
            assertThat(listening).allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                    .as("listens on " + socket).isTrue());

            // someone who can read the lock file (here: the test, as the same user) still needs the password
            String url = "jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + ";AUTO_SERVER=TRUE";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));

            // Herald's own commands reach the running database through that server, with the password file
            String password = Files.readString(dir.resolve("data/herald.password"), StandardCharsets.US_ASCII).strip();
            try (Connection c = DriverManager.getConnection(url, "sa", password)) {
                assertThat(c.isValid(5)).isTrue();
            }
            try (Database database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath(),
                    "sa", Optional.empty()))) {
                assertThat(new org.herald.outbox.Outbox(database.dataSource()).list(Optional.empty(), 10)).isEmpty();
            }

            // herald nodes beside it lists the running process as the database's one live node
            try (HeraldProcess nodes = HeraldProcess.start(dir.resolve("nodes.log"), config, "nodes", "--json")) {
                assertThat(nodes.exitCode(60)).as(nodes.output()).isZero();
                assertThat(nodes.output()).contains("\"pid\":" + herald.pid() + ",").contains("\"state\":\"alive\"");
            }

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data")))).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(dir.resolve("data"))) {
                assertThat(files.toList()).isNotEmpty().allSatisfy(file -> assertThat(
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------"));
            }
            herald.stop();
            assertThat(herald.exitCode(30)).isZero();
        }
    }

    @Test
    void aDatabaseMadeWithTheEmptyPasswordIsGivenTheGeneratedOne() throws Exception {
        Path db = dir.resolve("old/herald");
        String plain = "jdbc:h2:file:" + db.toAbsolutePath();
        // as Herald made it before it managed a password: user sa, empty password
        try (Database earlier = Database.open(new StorageSettings(plain, "sa", Optional.of(new org.herald.config.Secret(""))))) {
            assertThat(earlier.dataSource().getConnection().isValid(5)).isTrue();
        }
        assertThat(Files.exists(dir.resolve("old/herald.password"))).isFalse();
        try (Database database = Database.open(new StorageSettings(plain, "sa", Optional.empty()))) {
            assertThat(database.dataSource().getConnection().isValid(5)).isTrue();
        }
        assertThat(Files.exists(dir.resolve("old/herald.password"))).isTrue();
        assertThatThrownBy(() -> DriverManager.getConnection(plain + ";AUTO_SERVER=TRUE", "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        try (Database again = Database.open(new StorageSettings(plain, "sa", Optional.empty()))) {
            assertThat(again.dataSource().getConnection().isValid(5)).isTrue();
        }
    }
}
