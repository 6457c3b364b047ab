/** Sends one post to one platform and says what happened; the platform clients stay in the sub-packages. */
@NullMarked
package org.herald.publish;

import org.jspecify.annotations.NullMarked;
