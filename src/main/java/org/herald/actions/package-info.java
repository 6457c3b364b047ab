/**
 * What a person may do to an outbox row (cancel, retry, edit, reschedule), with one set of rules and
 * messages for the command line and the console alike.
 */
@NullMarked
package org.herald.actions;

import org.jspecify.annotations.NullMarked;
