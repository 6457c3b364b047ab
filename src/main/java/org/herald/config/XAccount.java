package org.herald.config;

import java.net.URI;
import java.util.Optional;

/** OAuth 1.0a user-context credentials of one X account; any of them may be absent on a dry-run channel. */
public record XAccount(Optional<Secret> apiKey, Optional<Secret> apiKeySecret, Optional<Secret> accessToken,
                       Optional<Secret> accessTokenSecret, URI apiBaseUrl) {
}
