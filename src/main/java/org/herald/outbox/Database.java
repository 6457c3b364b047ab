package org.herald.outbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.herald.config.Secret;
import org.herald.config.StorageSettings;

import javax.sql.DataSource;

/** Herald's database: a pooled connection source, migrated to the current schema when opened. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** Opens (creating an embedded H2 file if needed) and migrates; a failure is one line saying why. */
    public static Database open(StorageSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(settings.jdbcUrl()));
        config.setUsername(settings.user());
        settings.password().map(Secret::reveal).ifPresent(config::setPassword);
        config.setMaximumPoolSize(6);
        config.setPoolName("herald");
        config.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open the database " + settings.jdbcUrl() + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .javaMigrations(new QuartzTablesMigration())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new StorageException("cannot bring the database schema up to date: " + rootMessage(e), e);
        }
        return new Database(dataSource, settings.isPostgres());
    }

    /**
     * Settings an embedded H2 file needs, unless the URL sets them: AUTO_SERVER, because the file can be
     * open in one process only and a second Herald command (say, {@code queue} while {@code run} is up)
     * reaches it through the first; WRITE_DELAY=0, because H2 otherwise holds commits back for half a second
     * and a killed process would forget rows it had already marked SENT, then post them again.
     */
    static String jdbcUrl(String configured) {
        if (!configured.startsWith("jdbc:h2:file:")) return configured;
        String upper = configured.toUpperCase(java.util.Locale.ROOT);
        // Same files, read and written through H2's asynchronous channel: a plain FileChannel is closed by
        // Thread.interrupt(), which Quartz uses when it shuts down, and H2 then gives up on the database.
        String url = "jdbc:h2:async:" + configured.substring("jdbc:h2:file:".length());
        if (!upper.contains("AUTO_SERVER")) url += ";AUTO_SERVER=TRUE";
        if (!upper.contains("WRITE_DELAY")) url += ";WRITE_DELAY=0";
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
