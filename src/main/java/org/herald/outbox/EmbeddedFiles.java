package org.herald.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of an embedded H2 database ({@code data/herald.mv.db} and its lock, password and sender-lock
 * files). The directory is made {@code 0700} and every file {@code 0600}: the lock file holds the key of
 * H2's automatic server and the password file the database password, so only Herald's own user may read them.
 */
public final class EmbeddedFiles {
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final String base;

    private EmbeddedFiles(Path directory, String base) {
        this.directory = directory;
        this.base = base;
    }

    /** For a {@code jdbc:h2:file:} URL, its files, with the directory created owner-only; otherwise empty. */
    static Optional<EmbeddedFiles> of(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) return Optional.empty();
        String path = jdbcUrl.substring("jdbc:h2:file:".length());
        int settings = path.indexOf(';');
        if (settings >= 0) path = path.substring(0, settings);
        Path file = Path.of(path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path).toAbsolutePath().normalize();
        Path directory = file.getParent();
        EmbeddedFiles files = new EmbeddedFiles(directory, file.getFileName().toString());
        files.createDirectory();
        return Optional.of(files);
    }

    public Path directory() {
        return directory;
    }

    /** Where the generated database password is kept. */
    public Path passwordFile() {
        return directory.resolve(base + ".password");
    }

    /** Held by the one process that sends from this database (see {@link SenderLock}). */
    Path senderLockFile() {
        return directory.resolve(base + ".sender.lock");
    }

    /** The database name as a person would recognise it, e.g. {@code data/herald}. */
    public String describe() {
        Path here = Path.of("").toAbsolutePath();
        Path db = directory.resolve(base);
        return db.startsWith(here) ? here.relativize(db).toString() : db.toString();
    }

    /** The generated password, made (random, owner-only file) on first use. */
    String password() {
        Path file = passwordFile();
        try {
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.write(file, password.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            setPermissions(file, OWNER_ONLY_FILE);
            return password;
        } catch (IOException e) {
            throw new StorageException("cannot read or create the database password file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Owner-only modes on the database's files, and on its directory when that holds nothing else (a
     * directory shared with other files, say a home directory, keeps its mode and only Herald's files change).
     */
    void restrict() {
        try (Stream<Path> children = Files.list(directory)) {
            boolean onlyOurs = true;
            for (Path child : (Iterable<Path>) children::iterator) {
                if (child.getFileName().toString().startsWith(base + ".")) setPermissions(child, OWNER_ONLY_FILE);
                else onlyOurs = false;
            }
            if (onlyOurs) setPermissions(directory, OWNER_ONLY_DIR);
        } catch (IOException e) {
            throw new StorageException("cannot restrict access to " + directory + ": " + e.getMessage(), e);
        }
    }

    private void createDirectory() {
        if (Files.isDirectory(directory)) return;
        try {
            Files.createDirectories(directory);
            setPermissions(directory, OWNER_ONLY_DIR);
        } catch (IOException e) {
            throw new StorageException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
    }

    static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX modes (Windows) protects files by their owner's ACL instead
        }
    }
}
