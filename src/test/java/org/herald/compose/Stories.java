package org.herald.compose;

import org.herald.condense.Direction;
import org.herald.condense.Story;

import java.net.URI;
import java.util.Optional;

final class Stories {
    private Stories() {
    }

    static Story story(String headline, String link) {
        return story(headline, link, "", "en");
    }

    static Story story(String headline, String link, String summary, String lang) {
        return new Story("test", headline, Optional.ofNullable(link).map(URI::create), summary, lang, Direction.LTR,
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
