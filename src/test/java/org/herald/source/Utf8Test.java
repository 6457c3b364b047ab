package org.herald.source;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte-level UTF-8 check that both the kept pieces of a page and the whole-page decoding rely on. */
class Utf8Test {
    /** Lead bytes of every length, continuation bytes, the edges of overlong forms and surrogates, and ASCII. */
    private static final int[] BYTES = {0x41, 0x20, 0x7F, 0x80, 0x8F, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED,
            0xEF, 0xF0, 0xF4, 0xF5, 0xFF};

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(20261202);
        for (int n = 0; n < 200_000; n++) {
            byte[] b = new byte[random.nextInt(9)];
            for (int k = 0; k < b.length; k++) b[k] = (byte) BYTES[random.nextInt(BYTES.length)];
            assertThat(Utf8.isValid(b, 0, b.length)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(jdkAccepts(b));
        }
    }

    @Test
    void countsCharactersOfSeveralBytesAndEachBadByte() {
        byte[] b = "é€😀a".getBytes(StandardCharsets.UTF_8);
        assertThat(Decoding.Utf8Check.of(b)).isEqualTo(new Decoding.Utf8Check(3, 0));
        byte[] stray = {(byte) 0xC3, (byte) 0xA9, (byte) 0xE9, 0x41, (byte) 0x80, (byte) 0xE2, (byte) 0x82};
        assertThat(Decoding.Utf8Check.of(stray)).isEqualTo(new Decoding.Utf8Check(1, 4));
    }

    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
