package org.herald.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import org.herald.config.SecretRedaction;

/** Log message and stack trace with every configured secret masked, whoever logged them. */
public final class RedactedMessageConverter extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return SecretRedaction.redact(in);
    }
}
