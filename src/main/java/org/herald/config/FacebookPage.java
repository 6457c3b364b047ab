package org.herald.config;

import java.net.URI;
import java.util.Optional;

/** A Facebook Page and the token that posts to it; absent values are allowed on a dry-run channel. */
public record FacebookPage(Optional<String> pageId, Optional<Secret> pageAccessToken, Optional<Secret> appSecret,
                           URI graphBaseUrl) {
}
