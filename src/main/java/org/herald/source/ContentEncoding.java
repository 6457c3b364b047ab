package org.herald.source;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes a response's {@code Content-Encoding} (gzip, deflate) within the size limit: what counts is the
 * decompressed size, so a small body that inflates to gigabytes (a gzip bomb) stops at the limit.
 */
final class ContentEncoding {
    /** The decoded body, or why there is none. */
    sealed interface Decoded {
        record Bytes(byte[] bytes) implements Decoded {
        }

        record Refused(String reason) implements Decoded {
        }
    }

    private ContentEncoding() {
    }

    static Decoded decode(byte[] body, Optional<String> header, long maxBytes) {
        List<String> codings = new ArrayList<>();
        for (String part : header.orElse("").split(",")) {
            String coding = part.trim().toLowerCase(Locale.ROOT);
            if (!coding.isEmpty() && !coding.equals("identity")) codings.add(coding);
        }
        Collections.reverse(codings); // applied in the order listed, so undone from the last
        byte[] bytes = body;
        for (String coding : codings) {
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("deflate")) {
                return new Decoded.Refused("the response is compressed with '" + coding + "', which Herald cannot read");
            }
            try {
                bytes = inflate(bytes, coding, maxBytes);
            } catch (ZipException | EOFException e) {
                return new Decoded.Refused("the response says it is " + (coding.equals("deflate") ? "deflate" : "gzip")
                        + "-compressed but is not valid " + (coding.equals("deflate") ? "deflate" : "gzip"));
            } catch (IOException e) {
                return new Decoded.Refused("the compressed response could not be read: " + e.getMessage());
            }
            if (bytes.length > maxBytes) {
                return new Decoded.Refused("larger than the " + Sizes.describe(maxBytes) + " limit once decompressed");
            }
        }
        return new Decoded.Bytes(bytes);
    }

    private static byte[] inflate(byte[] bytes, String coding, long maxBytes) throws IOException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
        if (!coding.equals("deflate")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return in.readNBytes(cap);
            }
        }
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes))) {
            return in.readNBytes(cap);
        } catch (ZipException zlibHeaderMissing) {
            // some servers send raw deflate without the zlib wrapper HTTP asks for
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes), new Inflater(true))) {
                return in.readNBytes(cap);
            }
        }
    }
}
