/** Turns a story into the exact post a network receives; twitter-text stays in this package. */
@NullMarked
package org.herald.compose;

import org.jspecify.annotations.NullMarked;
