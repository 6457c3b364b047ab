package org.herald.cli;

import org.herald.access.ActivityLog;
import org.herald.config.SettingsLoader;
import org.herald.outbox.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code user} commands, and {@code run} refusing to start on a taken console address. */
class ConsoleCommandsTest {
    @TempDir
    Path dir;

    private Path config(String extra) throws Exception {
        Path config = dir.resolve("herald.conf");
        Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\n"
                + "feeds.newsroom.url = \"" + Path.of("samples/newsroom.xml").toAbsolutePath().toUri() + "\"\n" + extra);
        return config;
    }

    private HeraldRun herald(String stdin, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config("").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(stdin, all);
    }

    private static HeraldRun run(String stdin, String... all) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HeraldCommand.execute(all, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        return new HeraldRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usersAreAddedListedGivenNewPasswordsAndRemoved() throws Exception {
        HeraldRun added = herald("s3cret-password-1\n", "user", "add", "ana", "--role", "editor");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("user ana added (editor)\n");
        assertThat(added.out() + added.err()).doesNotContain("s3cret");

        HeraldRun twice = herald("another-password\n", "user", "add", "ana", "--role", "viewer");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).isEqualTo("herald: there is already a user ana\n");
        assertThat(herald("short\n", "user", "add", "bo", "--role", "viewer").err()).isEqualTo("herald: a password needs at least 8 characters\n");
        assertThat(herald("", "user", "add", "bo", "--role", "viewer").err()).startsWith("herald: no password on standard input");
        HeraldRun badRole = herald("s3cret-password-1\n", "user", "add", "bo", "--role", "owner");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).startsWith("herald: --role must be viewer, editor or admin, not 'owner'");

        assertThat(herald("", "user", "list").out()).startsWith("ana").contains("editor").contains("0 sessions");
        HeraldRun passwd = herald("a-brand-new-password\n", "user", "passwd", "ana");
        assertThat(passwd.exitCode()).isZero();
        assertThat(passwd.out()).isEqualTo("password of ana changed; 0 sessions ended\n");
        assertThat(herald("", "user", "sessions", "--revoke", "ana").out()).isEqualTo("ana: 0 sessions ended\n");
        assertThat(herald("", "user", "sessions", "--revoke", "zed").err()).isEqualTo("herald: there is no user zed\n");
        assertThat(herald("", "user", "remove", "ana").out()).isEqualTo("user ana removed\n");
        assertThat(herald("", "user", "list").out()).startsWith("no users yet");

        try (Database database = Database.open(SettingsLoader.load(dir.resolve("herald.conf")).storage())) {
            var log = new ActivityLog(database.dataSource(), Clock.systemUTC()).recent(Optional.empty(), Optional.empty(), 100);
            assertThat(log).extracting(a -> a.action()).containsExactly("user-remove", "sessions-revoke", "user-passwd", "user-add");
            assertThat(log).allSatisfy(a -> assertThat(a.detail() + a.target().orElse("")).doesNotContain("password-1").doesNotContain("brand-new"));
        }
    }

    @Test
    void runStopsBeforePollingWhenTheConsoleAddressIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path config = config("console.listen = \"127.0.0.1:" + taken.getLocalPort() + "\"\n");
            HeraldRun run = run("", "--config", config.toString(), "run");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.errLines()).containsExactly("herald: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the address is in use or not available here (choose another with console.listen, or console.enabled = false)");
            assertThat(run.out()).isEmpty();
            HeraldRun queue = run("", "--config", config.toString(), "queue");
            assertThat(queue.out()).startsWith("the outbox is empty");
        }
    }

    @Test
    void aBadListenAddressIsAConfigurationError() throws Exception {
        HeraldRun run = run("", "--config", config("console.listen = \"localhost\"\n").toString(), "config");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("console.listen must be HOST:PORT such as 127.0.0.1:8080");
        HeraldRun zone = run("", "--config", config("console.time-zone = \"Mars/Olympus\"\n").toString(), "config");
        assertThat(zone.err()).contains("console.time-zone must be a time zone");
        HeraldRun unknown = run("", "--config", config("console.colour = blue\n").toString(), "config");
        assertThat(unknown.err()).contains("console.colour is not a known key");
    }
}
