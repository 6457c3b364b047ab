package org.herald.condense;

/** Where a piece of headline evidence came from; the independent ones are weighed against each other. */
enum Evidence {
    OG_TITLE("og:title"), TWITTER_TITLE("twitter:title"), JSON_LD("JSON-LD headline"), H1("h1"), TITLE("title"),
    META("title meta"), FEED("feed title"), TEXT("first line");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
