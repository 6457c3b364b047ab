/** Signing in and out, the session and CSRF checks every request passes, and role checks for actions. */
@NullMarked
package org.herald.console.auth;

import org.jspecify.annotations.NullMarked;
