/** Decides when: polls feeds, sends due outbox rows within each channel's pacing; Quartz stays in this package. */
@NullMarked
package org.herald.schedule;

import org.jspecify.annotations.NullMarked;
