package org.herald.cli;

import org.herald.access.ApiTokens;
import org.herald.config.StorageSettings;
import org.herald.outbox.Database;
import org.herald.publish.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** token create prints the token once, alone on the last line; only its hash is stored; list and revoke. */
class TokenCommandTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    private HeraldRun herald(String... args) throws Exception {
        Path config = dir.resolve("herald.conf");
        if (!Files.exists(config)) {
            Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                    + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\nfeeds = null\n");
        }
        return HeraldRun.at(clock, config, args);
    }

    @Test
    void createListRevoke() throws Exception {
        HeraldRun created = herald("token", "create", "cms", "--role", "editor");
        assertThat(created.exitCode()).as(created.err()).isZero();
        List<String> lines = created.outLines();
        String token = lines.get(lines.size() - 1);
        assertThat(token).matches("hrld_[A-Za-z0-9_-]{43}");
        assertThat(herald("token", "create", "cms", "--role", "viewer").err()).isEqualTo("herald: there is already a token named cms (revoked ones keep their name)\n");
        assertThat(herald("token", "create", "boss", "--role", "admin").err()).contains("--role must be viewer or editor, not 'admin'");

        HeraldRun list = herald("token", "list");
        assertThat(list.out()).contains("cms").contains("editor").doesNotContain(token);
        try (Database database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath(), "sa", Optional.empty()))) {
            try (Connection c = database.dataSource().getConnection(); ResultSet r = c.createStatement().executeQuery("SELECT * FROM api_token")) {
                assertThat(r.next()).isTrue();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) assertThat(String.valueOf(r.getObject(i))).doesNotContain(token.substring(5));
            }
            assertThat(new ApiTokens(database.dataSource(), clock).find(token)).isPresent();
        }
        assertThat(herald("token", "revoke", "cms").out()).isEqualTo("token cms revoked\n");
        assertThat(herald("token", "revoke", "cms").err()).isEqualTo("herald: there is no live token named cms\n");
        assertThat(herald("token", "list").out()).contains("REVOKED");
        try (Database database = Database.open(new StorageSettings("jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath(), "sa", Optional.empty()))) {
            assertThat(new ApiTokens(database.dataSource(), clock).find(token)).isEmpty();
        }
    }
}
