/** Herald: turns news articles into posts for X and Facebook Pages. */
@NullMarked
package org.herald;

import org.jspecify.annotations.NullMarked;
