/** Posts to X (API v2) through Twitter4J and its v2 extension; Twitter4J types stay in this package. */
@NullMarked
package org.herald.publish.x;

import org.jspecify.annotations.NullMarked;
