/** Posts to a Facebook Page through RestFB; RestFB types stay in this package. */
@NullMarked
package org.herald.publish.facebook;

import org.jspecify.annotations.NullMarked;
