/**
 * The newsroom console: a web front door beside the command line, served by Javalin (Jetty 12) with jte
 * templates compiled at build time and htmx from the jar. One class per page; every action goes through the
 * same stages the commands use. Javalin and jte types stay in this package and its sub-packages.
 */
@NullMarked
package org.herald.console;

import org.jspecify.annotations.NullMarked;
