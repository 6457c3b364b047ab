/** Turns an article into a story: its headline, canonical link, summary, language and direction. */
@NullMarked
package org.herald.condense;

import org.jspecify.annotations.NullMarked;
