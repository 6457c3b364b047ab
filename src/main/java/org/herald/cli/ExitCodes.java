package org.herald.cli;

/** Herald's exit codes, documented in the README. */
final class ExitCodes {
    static final int OK = 0;
    /** At least one input, post or channel failed; the others were still processed. */
    static final int FAILED = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** The configuration file is missing or invalid. */
    static final int CONFIG = 3;

    private ExitCodes() {
    }
}
