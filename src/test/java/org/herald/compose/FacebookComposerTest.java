package org.herald.compose;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FacebookComposerTest {
    @Test
    void messageIsHeadlineBlankLineSummaryAndTheLinkTravelsSeparately() {
        Post post = FacebookComposer.INSTANCE.compose(
                Stories.story("Headline here", "https://example.com/a", "The summary.", "en"),
                TestChannels.facebook("{headline}\n\n{summary}"));
        assertThat(post.text()).isEqualTo("Headline here\n\nThe summary.");
        assertThat(post.text()).doesNotContain("https://");
        assertThat(post.link()).hasValueSatisfying(l -> assertThat(l).hasToString("https://example.com/a"));
        assertThat(post.valid()).isTrue();
    }

    @Test
    void emptySummaryLeavesNoTrailingBlankLines() {
        Post post = FacebookComposer.INSTANCE.compose(Stories.story("Headline here", "https://example.com/a"),
                TestChannels.facebook("{headline}\n\n{summary}"));
        assertThat(post.text()).isEqualTo("Headline here");
    }
}
