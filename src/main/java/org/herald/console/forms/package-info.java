/** One record per console form: parse and validate the submitted fields into a value or a message; no HTTP types. */
@NullMarked
package org.herald.console.forms;

import org.jspecify.annotations.NullMarked;
