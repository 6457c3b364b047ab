package org.herald.outbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.herald.config.Secret;
import org.herald.config.StorageSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/** Herald's database: a pooled connection source, migrated to the current schema when opened. */
public final class Database implements AutoCloseable {
    static {
        // H2's automatic server (see jdbcUrl) binds every interface unless told otherwise; this must be set
        // before H2's classes read their system properties, which happens on the first connection.
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private static final String WRONG_PASSWORD = "28000";

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final Optional<EmbeddedFiles> files;

    private Database(HikariDataSource dataSource, boolean postgres, Optional<EmbeddedFiles> files) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.files = files;
    }

    /** Opens (creating an embedded H2 file if needed) and migrates; a failure is one line saying why. */
    public static Database open(StorageSettings settings) {
        Optional<EmbeddedFiles> files = EmbeddedFiles.of(settings.jdbcUrl());
        String url = jdbcUrl(settings.jdbcUrl());
        Optional<String> password = settings.password().map(Secret::reveal);
        if (files.isPresent() && password.isEmpty()) {
            password = Optional.of(managedPassword(files.get(), url, settings));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        // a database that stops answering is reported within seconds (readiness, one log line), not after
        // Hikari's default half minute
        config.setConnectionTimeout(5_000);
        config.setPoolName("herald");
        config.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open the database " + settings.maskedUrl() + ": " + rootMessage(e), e);
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
        files.ifPresent(EmbeddedFiles::restrict);
        return new Database(dataSource, settings.isPostgres(), files);
    }

    /**
     * The embedded database is protected by a password Herald generates and keeps in a file only its own user
     * can read; H2's automatic server (below) then admits only processes that can read it. A database made
     * before Herald did this has the empty password: it is given the generated one on first open.
     */
    private static String managedPassword(EmbeddedFiles files, String url, StorageSettings settings) {
        String password = files.password();
        try (Connection ignored = DriverManager.getConnection(url, settings.user(), password)) {
            return password;
        } catch (SQLException e) {
            if (!WRONG_PASSWORD.equals(e.getSQLState())) {
                throw new StorageException("cannot open the database " + settings.maskedUrl() + ": " + rootMessage(e), e);
            }
        }
        try (Connection c = DriverManager.getConnection(url, settings.user(), "");
             Statement s = c.createStatement()) {
            // the generated password is base64url: nothing in it needs quoting
            s.execute("ALTER USER \"" + settings.user().toUpperCase(Locale.ROOT).replace("\"", "") + "\" SET PASSWORD '" + password + "'");
            return password;
        } catch (SQLException e) {
            throw new StorageException("cannot open the database " + settings.maskedUrl() + ": the password in " + files.passwordFile()
                    + " does not open it (restore that file, or set storage.password)", e);
        }
    }

    /**
     * Settings an embedded H2 file needs, unless the URL sets them: AUTO_SERVER, because the file can be
     * open in one process only and a second Herald command (say, {@code queue} while {@code run} is up)
     * reaches it through the first, over a server bound to 127.0.0.1 that asks for the database password
     * and the key in the lock file (both readable by Herald's user only); WRITE_DELAY=0, because H2
     * otherwise holds commits back for half a second and a killed process would forget rows it had already
     * marked SENT, then post them again.
     */
    static String jdbcUrl(String configured) {
        if (!configured.startsWith("jdbc:h2:file:")) return configured;
        String upper = configured.toUpperCase(Locale.ROOT);
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

    /** The embedded database's files, or empty for a server database such as PostgreSQL. */
    public Optional<EmbeddedFiles> embeddedFiles() {
        return files;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // a driver may echo part of the URL (PostgreSQL reads "user:password@host" as a host name)
        return org.herald.config.SecretRedaction.redact(org.herald.config.UrlPasswords.masked(message.replaceAll("\\s+", " ").strip()));
    }
}
