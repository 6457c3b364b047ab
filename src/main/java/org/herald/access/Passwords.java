package org.herald.access;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** bcrypt hashing of console passwords (at.favre.lib:bcrypt), at a cost that takes a good fraction of a second. */
final class Passwords {
    static final int COST = 11;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    static final int MAX_BYTES = 72;
    /** Checked against when the user name is unknown, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY = BCrypt.withDefaults().hashToString(COST, "no such user".toCharArray());

    private Passwords() {
    }

    static String hash(char[] password) {
        return BCrypt.withDefaults().hashToString(COST, password);
    }

    static boolean matches(char[] password, String hash) {
        if (tooLong(password)) return false;
        return BCrypt.verifyer().verify(password, hash).verified;
    }

    static void spendTheSameTime(char[] password) {
        BCrypt.verifyer().verify(tooLong(password) ? new char[0] : password, DUMMY);
    }

    static boolean tooLong(char[] password) {
        byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
        boolean tooLong = bytes.length > MAX_BYTES;
        Arrays.fill(bytes, (byte) 0);
        return tooLong;
    }
}
