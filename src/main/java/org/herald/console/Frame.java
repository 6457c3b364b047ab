package org.herald.console;

import java.util.Optional;

/** What every signed-in page's layout needs: the person, their CSRF token, the page, a one-line notice. */
public record Frame(String title, String page, String user, String role, String csrf, String zone, Optional<String> notice,
                    boolean noticeIsError, boolean canEdit, boolean canAdmin) {
}
