package org.herald.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** CSRF tokens are compared in constant time, so response timing reveals nothing about the expected token. */
final class Csrf {
    private Csrf() {
    }

    static boolean matches(String expected, String given) {
        if (given == null || given.isEmpty()) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
