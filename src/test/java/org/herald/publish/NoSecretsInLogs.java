package org.herald.publish;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turns every logger up to DEBUG for the test, captures what Herald and the platform clients log through
 * Herald's own log pattern, and fails the test if any configured secret appears in it.
 */
public final class NoSecretsInLogs implements BeforeEachCallback, AfterEachCallback {
    private static final String KEY = "capture";

    @Override
    public void beforeEach(ExtensionContext context) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logging);
        encoder.setPattern("%nopex%-5level %logger - %redacted(%msg%n%ex)");
        encoder.start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(logging);
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        logging.getLogger("org.herald").setLevel(Level.DEBUG);
        // as with --verbose: the platform clients log their requests (tokens, appsecret_proof) at DEBUG
        logging.getLogger("com.restfb").setLevel(Level.DEBUG);
        logging.getLogger("twitter4j").setLevel(Level.DEBUG);
        root.addAppender(appender);
        // keep the build output readable: debug lines go only to the capture while the test runs
        ch.qos.logback.core.Appender<ILoggingEvent> console = root.getAppender("STDERR");
        if (console != null) root.detachAppender(console);
        context.getStore(ExtensionContext.Namespace.GLOBAL).put(KEY, new Capture(appender, bytes, before, console));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Capture capture = context.getStore(ExtensionContext.Namespace.GLOBAL).remove(KEY, Capture.class);
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(capture.appender());
        capture.appender().stop();
        if (capture.console() != null) root.addAppender(capture.console());
        root.setLevel(capture.level());
        logging.getLogger("org.herald").setLevel(null);
        logging.getLogger("com.restfb").setLevel(Level.OFF);
        logging.getLogger("twitter4j").setLevel(Level.OFF);
        String logged = capture.bytes().toString(StandardCharsets.UTF_8);
        // derived from the page token and the app secret, and as good as the token to whoever reads it
        assertThat(logged).as("log output of " + context.getDisplayName()).doesNotContainPattern("(?i)appsecret_proof\\W{0,3}[0-9a-f]{16,}");
        for (String secret : TestChannels.secrets()) {
            assertThat(logged).as("log output of " + context.getDisplayName()).doesNotContain(secret);
        }
    }

    private record Capture(OutputStreamAppender<ILoggingEvent> appender, ByteArrayOutputStream bytes, Level level,
                           ch.qos.logback.core.Appender<ILoggingEvent> console) {
    }
}
