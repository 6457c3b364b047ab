package org.herald.condense;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com/a?utm_source=x&utm_medium=y#top | https://example.com/a",
            "https://example.com/a?id=7&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3 | https://example.com/a?id=7",
            "HTTPS://Example.COM:443/Path?ref_src=twsrc&page=2 | https://example.com/Path?page=2",
            "http://example.com | http://example.com/",
            "https://example.com/news/ |https://example.com/news/",
            "//cdn.example.com/x.html | https://cdn.example.com/x.html",
            "https://example.com/عاجل/خبر?q=مصر | https://example.com/%D8%B9%D8%A7%D8%AC%D9%84/%D8%AE%D8%A8%D8%B1?q=%D9%85%D8%B5%D8%B1",
            "https://bücher.example/straße | https://xn--bcher-kva.example/stra%C3%9Fe",
            "https://example.com/a b | https://example.com/a%20b",
            "https://example.com/a%20b?x=1&amp;utm_term=z | https://example.com/a%20b?x=1",
    })
    void cleansLinks(String raw, String expected) {
        assertThat(Links.canonical(raw, Optional.empty())).contains(URI.create(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://www.example.com/2020/01/story/ | https://example.com/2020/01/story | true",
            "https://m.example.com/2020/01/story/amp | https://example.com/2020/01/story/ | true",
            "https://example.com./a/%D9%85 | https://example.com/a/%d9%85 | true",
            "https://example.com/2020/01/story | https://example.com/2020/01/other | false",
            "https://example.com/2020/01/story | https://example.org/2020/01/story | false",
    })
    void tellsOnePageByHostAndDecodedPath(String a, String b, boolean same) {
        assertThat(Links.samePage(URI.create(a), URI.create(b))).isEqualTo(same);
    }

    @Test
    void resolvesRelativeLinksAgainstTheBase() {
        assertThat(Links.canonical("/news/2026/11/24/slug?utm_campaign=x", Optional.of(URI.create("https://example.org/other/page"))))
                .contains(URI.create("https://example.org/news/2026/11/24/slug"));
        assertThat(Links.canonical("/news/slug", Optional.empty())).isEmpty();
    }

    @Test
    void refusesLinksThatAreNotWebAddresses() {
        assertThat(Links.canonical("javascript:void(0)", Optional.empty())).isEmpty();
        assertThat(Links.canonical("mailto:desk@example.com", Optional.empty())).isEmpty();
        assertThat(Links.canonical("ftp://example.com/x", Optional.empty())).isEmpty();
        assertThat(Links.canonical("", Optional.empty())).isEmpty();
    }

    @Test
    void addsChannelTagsAfterTheStorysOwnParameters() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("utm_source", "x");
        tags.put("utm_campaign", "morning news");
        assertThat(Links.withTags(URI.create("https://example.com/a?id=7"), tags))
                .isEqualTo(URI.create("https://example.com/a?id=7&utm_source=x&utm_campaign=morning%20news"));
        assertThat(Links.withTags(URI.create("https://example.com/a"), Map.of("utm_medium", "social")))
                .isEqualTo(URI.create("https://example.com/a?utm_medium=social"));
    }
}
