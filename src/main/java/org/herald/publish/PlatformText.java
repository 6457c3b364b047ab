package org.herald.publish;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads single fields out of a platform's JSON error body without a JSON library. */
public final class PlatformText {
    private PlatformText() {
    }

    /** The first string value of {@code field} in {@code json}, unescaped. */
    public static Optional<String> field(String json, String field) {
        if (json == null) return Optional.empty();
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) return Optional.empty();
        return Optional.of(unescape(m.group(1)));
    }

    /** Squeezes a platform message onto one line of reasonable length. */
    public static String oneLine(String message) {
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** The innermost cause: the socket-level exception under the client library's wrappers. */
    public static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    /**
     * Whether a network failure happened before the request left (refused, unknown host, connect time-out):
     * then nothing was posted. Anything else (reset, read time-out) may have followed a delivered request.
     */
    public static boolean nothingWasSent(Throwable cause) {
        return cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                || cause instanceof java.net.SocketTimeoutException && String.valueOf(cause.getMessage()).contains("connect");
    }

    /** An exception as one short line: its type and message. */
    public static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + oneLine(message));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append(' ');
                case 't' -> out.append(' ');
                case 'u' -> {
                    if (i + 4 < s.length()) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
