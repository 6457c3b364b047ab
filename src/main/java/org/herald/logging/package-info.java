/** Logback plumbing: masks secrets in every log line. */
@NullMarked
package org.herald.logging;

import org.jspecify.annotations.NullMarked;
