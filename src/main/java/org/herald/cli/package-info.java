/** The command line: one class per command; picocli stays in this package. */
@NullMarked
package org.herald.cli;

import org.jspecify.annotations.NullMarked;
