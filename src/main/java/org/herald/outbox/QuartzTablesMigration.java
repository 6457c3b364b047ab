package org.herald.outbox;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Version 1: Quartz's JDBC job-store tables, created from the DDL the Quartz jar itself ships for the database
 * in use, so the schema always matches the Quartz version on the classpath. The scripts' DROP and COMMIT
 * statements are left out: Flyway runs this once, in its own transaction, on an empty schema.
 */
final class QuartzTablesMigration implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "Quartz job store tables";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String script = product.contains("postgres") ? "tables_postgres.sql" : "tables_h2.sql";
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(read("org/quartz/impl/jdbcjobstore/" + script))) statement.execute(sql);
        }
    }

    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.startsWith("#")) continue;
            withoutComments.append(line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String part : withoutComments.toString().split(";")) {
            String sql = part.strip();
            String upper = sql.toUpperCase(Locale.ROOT);
            if (sql.isEmpty() || upper.startsWith("DROP ") || upper.equals("COMMIT")) continue;
            statements.add(sql);
        }
        return statements;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = QuartzTablesMigration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("Quartz DDL not found on the classpath: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
