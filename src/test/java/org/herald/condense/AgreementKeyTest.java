package org.herald.condense;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** ASCII text takes a shortcut past Unicode decomposition; its keys must be the ones decomposition gives. */
class AgreementKeyTest {
    @Test
    void asciiKeysAreTheDecomposedKeys() {
        Random random = new Random(20261202);
        for (int i = 0; i < 100_000; i++) {
            char[] text = new char[random.nextInt(40)];
            for (int k = 0; k < text.length; k++) text[k] = (char) random.nextInt(0x80);
            String s = new String(text);
            assertThat(Agreement.key(s)).as("%s", s).isEqualTo(decomposedKey(s));
            assertThat(SiteNames.key(s)).as("%s", s).isEqualTo(withoutThe(decomposedKey(s)));
        }
    }

    @Test
    void textBeyondAsciiStillComparesWithoutAccentsOrCase() {
        assertThat(Agreement.key("‘Café’ Déjà-vu 2026")).isEqualTo("cafedejavu2026");
        assertThat(Agreement.key("Straße")).isEqualTo(decomposedKey("Straße"));
        assertThat(Agreement.same("The Medium", "‘the medium’")).isTrue();
        assertThat(SiteNames.key("The Guardian")).isEqualTo("guardian");
    }

    /** The key as it was defined before the shortcut: NFKD, lower case, letters and digits only. */
    private static String decomposedKey(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String withoutThe(String key) {
        return key.startsWith("the") && key.length() > 6 ? key.substring(3) : key;
    }
}
