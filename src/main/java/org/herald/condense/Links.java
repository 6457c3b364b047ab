package org.herald.condense;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the one link a story is shared with: absolute, http(s), ASCII-only (non-ASCII hosts in punycode,
 * other characters percent-encoded, so X links the whole address), without tracking parameters or fragment.
 */
public final class Links {
    private static final Pattern PARTS = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(?://([^/?#]*))?([^?#]*)(\\?[^#]*)?(#.*)?$");
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
            "igshid", "igsh", "li_fat_id", "mkt_tok", "_ga", "_gl", "_hsenc", "_hsmi", "oly_anon_id", "oly_enc_id",
            "ref_src", "ref_url", "smid", "sr_share", "xtor", "ocid", "cmpid", "__twitter_impression", "s_cid",
            "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "at_medium", "at_campaign",
            "at_custom1", "at_custom2", "at_custom3", "at_custom4", "ito", "spm", "share_token", "rss", "cmp");
    private static final String[] TRACKING_PREFIXES = {"utm_", "mc_", "pk_", "mtm_", "hsa_", "vero_", "itm_"};

    private Links() {
    }

    /** Resolves {@code raw} against {@code base} and cleans it; empty when it is not a usable http(s) link. */
    public static Optional<URI> canonical(String raw, Optional<URI> base) {
        if (raw == null) return Optional.empty();
        String s = Text.clean(raw).strip();
        if (s.isEmpty() || s.startsWith("javascript:") || s.startsWith("data:") || s.startsWith("mailto:")) {
            return Optional.empty();
        }
        try {
            URI uri = parse(s);
            if (!uri.isAbsolute()) {
                if (s.startsWith("//")) uri = parse("https:" + s);
                else if (base.isEmpty()) return Optional.empty();
                else uri = base.get().resolve(uri);
            }
            return clean(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The link with the given query parameters set, e.g. a channel's {@code utm_*} tags. */
    public static URI withTags(URI link, Map<String, String> tags) {
        if (tags.isEmpty()) return link;
        StringBuilder query = new StringBuilder(link.getRawQuery() == null ? "" : link.getRawQuery());
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (query.length() > 0) query.append('&');
            query.append(encode(tag.getKey())).append('=').append(encode(tag.getValue()));
        }
        String s = link.toString();
        int q = s.indexOf('?');
        String head = q < 0 ? s : s.substring(0, q);
        return URI.create(head + "?" + query);
    }

    private static Optional<URI> clean(URI uri) throws URISyntaxException {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
        String host = uri.getHost();
        if (host == null || host.isEmpty()) return Optional.empty();
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) port = -1;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = cleanQuery(uri.getRawQuery());
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) out.append(uri.getRawUserInfo()).append('@');
        out.append(host);
        if (port != -1) out.append(':').append(port);
        out.append(path);
        if (!query.isEmpty()) out.append('?').append(query);
        return Optional.of(new URI(out.toString()));
    }

    private static String cleanQuery(String query) {
        if (query == null || query.isEmpty()) return "";
        StringJoiner kept = new StringJoiner("&");
        for (String param : query.split("&")) {
            if (param.isEmpty()) continue;
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!isTracking(name)) kept.add(param);
        }
        return kept.toString();
    }

    static boolean isTracking(String name) {
        if (TRACKING.contains(name)) return true;
        for (String prefix : TRACKING_PREFIXES) {
            if (name.startsWith(prefix)) return true;
        }
        return false;
    }

    /** Parses leniently: a non-ASCII host becomes punycode and characters a URI may not hold are encoded. */
    private static URI parse(String s) throws URISyntaxException {
        Matcher m = PARTS.matcher(s);
        if (!m.matches() || s.startsWith("//")) return new URI(escape(s, false));
        StringBuilder out = new StringBuilder(m.group(1)).append(':');
        if (m.group(2) != null) {
            String authority = m.group(2);
            int at = authority.lastIndexOf('@');
            String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
            String hostPort = authority.substring(at + 1);
            String host = hostPort;
            String port = "";
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0 && !hostPort.endsWith("]") && hostPort.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                host = hostPort.substring(0, colon);
                port = hostPort.substring(colon);
            }
            if (!host.chars().allMatch(c -> c < 128)) host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            out.append("//").append(escape(userInfo, false)).append(host).append(port);
        }
        out.append(escape(m.group(3), false));
        if (m.group(4) != null) out.append(escape(m.group(4), true));
        if (m.group(5) != null) out.append(escape(m.group(5), true));
        return new URI(out.toString());
    }

    private static String escape(String s, boolean query) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^'
                    && c != '`' && c != '{' && c != '|' && c != '}' && !(c == '%' && !isEscape(s, i))
                    && !(query && c == '[') && !(query && c == ']');
            if (ok) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            int cp = s.codePointAt(i);
            if (Character.charCount(cp) == 2) i++;
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether two links are one page: the same {@link #siteHost} and decoded path, with or without its last slash or AMP ending. */
    static boolean samePage(URI a, URI b) {
        return siteHost(a).equals(siteHost(b)) && pagePath(a).equals(pagePath(b));
    }

    /** The host without "www." or "m." and a trailing dot, lower-cased: what a site's pages share. */
    static String siteHost(URI u) {
        String h = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.startsWith("www.")) return h.substring(4);
        return h.startsWith("m.") ? h.substring(2) : h;
    }

    private static String pagePath(URI u) {
        // decoded, so "%D9%85" and "%d9%85" (WordPress writes non-Latin slugs in lower case) are one path
        String p = u.getPath() == null ? "" : u.getPath();
        if (p.endsWith("/amp/")) p = p.substring(0, p.length() - 4);
        else if (p.endsWith("/amp")) p = p.substring(0, p.length() - 3);
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
