package org.herald.fakes;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * OAuth 1.0a HMAC-SHA1 (RFC 5849) as X checks it: the fake recomputes the signature over method, base URL (with
 * port) and the {@code oauth_*} plus query parameters. A JSON body is not signed, a form body would be. Also
 * signs requests for tests that talk to {@link FakeX} without Twitter4J.
 */
public final class OAuth1 {
    private OAuth1() {
    }

    /** The parameters of an {@code Authorization: OAuth k="v", ...} header (decoded), or null for anything else. */
    public static Map<String, String> parseHeader(String authorization) {
        if (authorization == null || !authorization.startsWith("OAuth ")) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : authorization.substring("OAuth ".length()).split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = item.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            params.put(LocalServer.decode(item.substring(0, eq).trim()), LocalServer.decode(value));
        }
        return params;
    }

    /**
     * The base64 HMAC-SHA1 signature.
     *
     * @param baseUrl    scheme, lower-case host, port unless default, and path; no query
     * @param parameters every signed parameter, decoded ({@code oauth_*} without {@code oauth_signature}/{@code realm},
     *                   query parameters, form parameters); repeated names as repeated entries
     */
    public static String signature(String method, String baseUrl, List<Map.Entry<String, String>> parameters,
                                   String consumerSecret, String tokenSecret) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : parameters) {
            encoded.add(new String[]{encode(p.getKey()), encode(p.getValue())});
        }
        // RFC 5849 3.4.1.3.2: sort by encoded name, then encoded value (byte order)
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        List<String> pairs = new ArrayList<>();
        encoded.forEach(p -> pairs.add(p[0] + "=" + p[1]));
        String base = method.toUpperCase(Locale.ROOT) + "&" + encode(baseUrl) + "&" + encode(String.join("&", pairs));
        String key = encode(consumerSecret) + "&" + encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A complete {@code Authorization} header value for a request, as Twitter4J would build it.
     *
     * @param url the full URL including any query string (its parameters are signed)
     */
    public static String authorization(String method, String url, String consumerKey, String consumerSecret,
                                       String token, String tokenSecret) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", UUID.randomUUID().toString().replace("-", ""));
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        oauth.put("oauth_token", token);
        oauth.put("oauth_version", "1.0");
        int q = url.indexOf('?');
        List<Map.Entry<String, String>> signed = new ArrayList<>(oauth.entrySet());
        if (q >= 0) {
            signed.addAll(LocalServer.parsePairs(url.substring(q + 1)));
        }
        oauth.put("oauth_signature", signature(method, q < 0 ? url : url.substring(0, q), signed, consumerSecret, tokenSecret));
        StringBuilder header = new StringBuilder("OAuth ");
        oauth.forEach((k, v) -> header.append(header.length() > 6 ? "," : "").append(k).append("=\"").append(encode(v)).append('"'));
        return header.toString();
    }

    /** RFC 3986 percent-encoding: everything but {@code A-Z a-z 0-9 - . _ ~}. */
    public static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
