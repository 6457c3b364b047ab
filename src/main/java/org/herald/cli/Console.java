package org.herald.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Herald's standard output and error, always UTF-8 whatever the locale says: headlines in Arabic or
 * Japanese must not turn into question marks on a server with LANG unset.
 */
final class Console {
    final PrintStream out;
    final PrintStream err;
    /** Standard input, for the one line {@code user add} reads when no terminal is attached. */
    final java.io.InputStream in;

    Console(PrintStream out, PrintStream err) {
        this(out, err, System.in);
    }

    Console(PrintStream out, PrintStream err, java.io.InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    static Console system() {
        return new Console(
                new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }
}
