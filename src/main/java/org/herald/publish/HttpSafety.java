package org.herald.publish;

/**
 * Both platform clients use {@code HttpURLConnection}, which silently sends a POST a second time when a
 * kept-alive connection drops without an answer: a double post. The JDK reads this switch once, when the
 * class first loads, so Herald sets it at start-up and again here for any other entry point.
 */
public final class HttpSafety {
    private HttpSafety() {
    }

    public static void neverResendPosts() {
        System.setProperty("sun.net.http.retryPost", "false");
    }
}
