package org.herald.outbox;

/** The database cannot be used (unreachable, locked, or its schema cannot be migrated). One line for a person. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
