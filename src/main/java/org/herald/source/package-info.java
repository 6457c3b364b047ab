/** Reads articles from text files, web pages and feeds; Rome and the HTTP fetcher stay in this package. */
@NullMarked
package org.herald.source;

import org.jspecify.annotations.NullMarked;
