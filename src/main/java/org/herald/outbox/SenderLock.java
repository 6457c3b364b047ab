package org.herald.outbox;

import org.herald.config.StorageSettings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most one process sends from an embedded database at a time. Without it, a second Herald (say
 * {@code run --once} while {@code run} waits on a slow platform call) would take the first one's row in
 * SENDING for an orphan and post it again. The lock is an OS file lock, so it ends with its process
 * however that process ends (a SIGKILL included), and the file says who holds it.
 * A server database (PostgreSQL) needs none: rows are settled there only after the sending time-out.
 */
public final class SenderLock implements AutoCloseable {
    /** The lock file's text starts "pid N, herald run since …" (see {@link #tryTake}). */
    private static final Pattern HOLDER_PID = Pattern.compile("pid (\\d{1,19}),");

    private final Optional<FileChannel> channel;
    private final Optional<FileLock> lock;

    private SenderLock(Optional<FileChannel> channel, Optional<FileLock> lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Taken, or held by another process (described for a person: its pid and what it runs). */
    public sealed interface Attempt {
        record Taken(SenderLock lock) implements Attempt {
        }

        record HeldElsewhere(String holder, String database) implements Attempt {
            /** One line for a person: who holds it, and what still works beside it. */
            public String refusal() {
                return "another Herald is already sending from " + database + " (" + holder + "); only one process may send from "
                        + "an embedded database at a time: stop it first (queue, schedule, cancel and retry work beside it)";
            }
        }
    }

    /** Tries to take the database's sender lock for {@code what} (e.g. "herald run"); never waits. */
    public static Attempt tryTake(Database database, String what, Instant now) {
        if (database.embeddedFiles().isEmpty()) return new Attempt.Taken(new SenderLock(Optional.empty(), Optional.empty()));
        EmbeddedFiles files = database.embeddedFiles().get();
        var path = files.senderLockFile();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            EmbeddedFiles.setPermissions(path, EmbeddedFiles.OWNER_ONLY_FILE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return new Attempt.HeldElsewhere(holder(path), files.describe());
            }
            channel.truncate(0);
            String who = "pid " + ProcessHandle.current().pid() + ", " + what + " since " + now + "\n";
            channel.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new Attempt.Taken(new SenderLock(Optional.of(channel), Optional.of(lock)));
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing; the first error is the one to report
                }
            }
            throw new StorageException("cannot take the sender lock " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pid of the process sending from the embedded database, if it is still running: read from the lock
     * file, without taking the lock, so a Herald starting at that moment is never refused because someone looked.
     * An in-memory database is seen only by its own process. Empty for PostgreSQL, which has no sender lock.
     * NOTE: a pid reused by another process after the holder died is taken for the holder.
     */
    public static Optional<Long> livingHolder(StorageSettings storage) {
        if (storage.isPostgres()) return Optional.empty();
        Optional<EmbeddedFiles> files = EmbeddedFiles.of(storage.jdbcUrl());
        if (files.isEmpty()) return Optional.of(ProcessHandle.current().pid());
        var path = files.get().senderLockFile();
        if (!Files.exists(path)) return Optional.empty();
        Matcher pid = HOLDER_PID.matcher(holder(path));
        if (!pid.lookingAt()) return Optional.empty();
        try {
            long holder = Long.parseLong(pid.group(1));
            return ProcessHandle.of(holder).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String holder(java.nio.file.Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isPresent()) lock.get().release();
            if (channel.isPresent()) channel.get().close();
        } catch (IOException e) {
            // the lock ends with the channel or the process anyway
        }
    }
}
