/**
 * The HTTP API under /api/v1 for scripts and a newsroom's CMS: JSON in and out, bearer tokens instead of
 * sessions and CSRF, the same rules as the console and the command line.
 */
@NullMarked
package org.herald.console.api;

import org.jspecify.annotations.NullMarked;
