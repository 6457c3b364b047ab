/**
 * Operations endpoints of a running node: {@code /healthz}, {@code /readyz} and {@code /metrics} (Prometheus
 * text through Micrometer); Javalin and Micrometer types stay in this package and the console's.
 */
@NullMarked
package org.herald.ops;

import org.jspecify.annotations.NullMarked;
