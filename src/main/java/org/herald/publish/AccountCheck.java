package org.herald.publish;

/** The result of checking a channel's credentials. */
public sealed interface AccountCheck {
    record Ok(String account) implements AccountCheck {
    }

    record Failed(String reason) implements AccountCheck {
    }
}
