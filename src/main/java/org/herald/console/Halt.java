package org.herald.console;

/** Ends a request early with a status and a message page (not signed in, no CSRF token, role too low, not found). */
public final class Halt extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public Halt(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
