package org.herald.compose;

import com.twitter.twittertext.TwitterTextParseResults;

/** Counts a tweet written or edited by hand with the same rules and clean-up as a composed one. */
public final class TweetLength {
    /** The text X would receive, its weighted length (links 23, CJK and emoji 2), the limit, and whether it fits. */
    public record Counted(String text, int weightedLength, int maxLength, boolean valid) {
    }

    private TweetLength() {
    }

    public static Counted count(String text) {
        String clean = TweetComposer.sanitize(text).strip();
        TwitterTextParseResults result = TweetComposer.parse(clean);
        return new Counted(clean, result.weightedLength, TweetComposer.MAX_WEIGHTED, result.isValid);
    }
}
