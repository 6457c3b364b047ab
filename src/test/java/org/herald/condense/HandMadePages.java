package org.herald.condense;

import org.herald.config.CondenseSettings;
import org.herald.source.WebPage;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Small pages written in a test to show one kind of mistake, condensed as a fetched page would be. */
final class HandMadePages {
    private HandMadePages() {
    }

    static Condensed condensed(String html, String url) {
        return new Condenser(CondenseSettings.defaults())
                .condense(new WebPage("page.html", Optional.ofNullable(url).map(URI::create), html), Optional.empty());
    }

    static Story condense(String html) {
        return condense(html, null);
    }

    static Story condense(String html, String url) {
        Condensed c = condensed(html, url);
        assertThat(c).isInstanceOf(Condensed.Ok.class);
        return ((Condensed.Ok) c).story();
    }

    static String page(String head, String body) {
        return "<html><head>" + head + "</head><body>" + body + "</body></html>";
    }
}
