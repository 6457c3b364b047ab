/** The durable part of Herald: the database, its migrations, seen stories, feed state and the outbox rows. */
@NullMarked
package org.herald.outbox;

import org.jspecify.annotations.NullMarked;
