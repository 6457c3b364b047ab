package org.herald.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DecodingTest {
    @Test
    void cleanUtf8WinsOverAWrongDeclaration() {
        byte[] bytes = "<meta charset=\"iso-8859-1\"><title>Zürich – “quotes”</title>".getBytes(StandardCharsets.UTF_8);
        assertThat(Decoding.decode(bytes, Optional.of("text/html; charset=iso-8859-1"))).contains("Zürich – “quotes”");
    }

    @Test
    void declaredLegacyCharsetIsUsedWhenTheBytesAreNotUtf8() {
        byte[] sjis = "<meta charset=\"shift_jis\"><title>東京で初雪</title>".getBytes(Charset.forName("windows-31j"));
        assertThat(Decoding.decode(sjis, Optional.empty())).contains("東京で初雪");
        byte[] korean = "<title>서울 속보</title>".getBytes(Charset.forName("x-windows-949"));
        assertThat(Decoding.decode(korean, Optional.of("text/html; charset=euc-kr"))).contains("서울 속보");
    }

    @Test
    void undeclaredNonUtf8FallsBackToWindows1252() {
        byte[] bytes = "<title>Caf\u00e9 \u201cna\u00efve\u201d</title>".getBytes(Charset.forName("windows-1252"));
        assertThat(Decoding.decode(bytes, Optional.empty())).contains("Café “naïve”");
    }

    @Test
    void byteOrderMarksDecideTheEncoding() {
        byte[] utf16 = "\uFEFF<title>Hello</title>".getBytes(StandardCharsets.UTF_16BE);
        assertThat(Decoding.decode(utf16, Optional.empty())).isEqualTo("<title>Hello</title>");
    }

    @Test
    void mostlyUtf8WithAStrayByteStaysUtf8() {
        byte[] good = "<title>مرحبا بالعالم مرحبا بالعالم مرحبا</title>".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 1];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xFF;
        assertThat(Decoding.decode(bytes, Optional.empty())).contains("مرحبا بالعالم");
    }
}
