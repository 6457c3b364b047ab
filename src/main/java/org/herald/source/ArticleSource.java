package org.herald.source;

/** Reads the articles of one input (a file path or an http(s) URL). Expected problems come back as a Failure. */
public interface ArticleSource {
    SourceResult read(String input);
}
