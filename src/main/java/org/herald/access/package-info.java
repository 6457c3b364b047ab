/**
 * People and what they did: console users and roles, bcrypt password hashes, sessions, the sign-in throttle
 * and the append-only activity log, all in Herald's database. Shared by the console and the {@code user}
 * commands, so neither front door reaches into the other.
 */
@NullMarked
package org.herald.access;

import org.jspecify.annotations.NullMarked;
