package org.herald.publish;

import org.herald.compose.Post;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Sends one post to one platform. Expected failures come back as a result, not an exception. */
public interface Publisher {
    String channel();

    PublishOutcome publish(Post post);

    /**
     * After an {@link PublishOutcome.Uncertain} outcome: looks on the platform for this post. Empty when it
     * is not there or the platform cannot be asked (X refuses an identical resend as a duplicate instead).
     * A post the platform dates from before {@code queuedAt} (when Herald queued this one), or one of
     * {@code otherPosts} (the ids the story's other rows on this channel were given), is an earlier post of the same
     * words, such as the original of a story posted again, and never this one.
     */
    default Optional<PublishOutcome.Published> findPublished(Post post, Instant queuedAt, Set<String> otherPosts) {
        return Optional.empty();
    }

    /** A cheap authenticated read: the account's name, or why the credentials do not work. */
    AccountCheck check();
}
