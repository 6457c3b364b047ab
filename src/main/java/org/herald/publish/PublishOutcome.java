package org.herald.publish;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** What happened to one post on one platform. Expected platform failures are outcomes, not exceptions. */
public sealed interface PublishOutcome {
    /** One line for a person: what happened and, for failures, the platform's own reason. */
    String describe();

    /** The platform has the post now. */
    record Published(String remoteId, URI url) implements PublishOutcome {
        public Published {
            Objects.requireNonNull(remoteId, "remoteId");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String describe() {
            return "published " + url;
        }
    }

    /** The platform already has this post (its duplicate refusal); nothing more to do. */
    record Duplicate(String reason) implements PublishOutcome {
        @Override
        public String describe() {
            return "already posted (" + reason + ")";
        }
    }

    /** Nothing was posted; try again at or after {@code notBefore}. */
    record RetryLater(Instant notBefore, String reason) implements PublishOutcome {
        @Override
        public String describe() {
            return reason + "; retry after " + notBefore;
        }
    }

    /**
     * The request went out and no clear answer came back (a dropped connection, a time-out after sending,
     * a server error): the post may or may not exist. Look for it before sending again.
     */
    record Uncertain(Instant notBefore, String reason) implements PublishOutcome {
        @Override
        public String describe() {
            return "outcome unknown: " + reason;
        }
    }

    /** The platform refused this post for good; sending it again will not help. */
    record Rejected(String reason) implements PublishOutcome {
        @Override
        public String describe() {
            return "rejected: " + reason;
        }
    }

    /** The channel's credentials or permissions are wrong; nothing can be posted there until a person fixes them. */
    record AuthFailed(String reason) implements PublishOutcome {
        @Override
        public String describe() {
            return "authentication failed: " + reason;
        }
    }
}
