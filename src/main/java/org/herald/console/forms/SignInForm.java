package org.herald.console.forms;

import java.util.Map;
import java.util.Optional;

/** The sign-in form: a user name and a password, both required. The password never appears in toString. */
public record SignInForm(String username, char[] password) {
    public static Optional<SignInForm> parse(Map<String, String> fields) {
        String username = fields.getOrDefault("username", "").strip();
        String password = fields.getOrDefault("password", "");
        if (username.isEmpty() || password.isEmpty() || username.length() > 200 || password.length() > 1000) return Optional.empty();
        return Optional.of(new SignInForm(username, password.toCharArray()));
    }

    @Override
    public String toString() {
        return "SignInForm[username=" + username + ", password=***]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignInForm other && other.username.equals(username) && java.util.Arrays.equals(other.password, password);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}
