/** Typed, validated settings; the only package that sees Typesafe Config. */
@NullMarked
package org.herald.config;

import org.jspecify.annotations.NullMarked;
