package org.herald.console;

import org.herald.access.Role;
import org.herald.outbox.OutboxState;
import org.herald.publish.MutableClock;
import org.herald.publish.TestChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every security point of the console, over plain HTTP against the real daemon and its console. */
class ConsoleSecurityTest {
    @TempDir
    Path dir;

    private RunningHerald herald;

    @AfterEach
    void stop() {
        if (herald != null) herald.close();
    }

    private RunningHerald start(String extra) {
        herald = RunningHerald.start(dir, extra);
        return herald;
    }

    private Browserless signedIn(String user, Role role) {
        herald.addUser(user, role);
        Browserless browser = new Browserless(herald.url(""));
        assertThat(browser.signIn(user, RunningHerald.PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    private OutboxState state(long id) {
        return herald.outbox().find(id).orElseThrow().state();
    }

    @Test
    void healthAnswersWithoutSignInAndRevealsNothing() {
        start("");
        HttpResponse<String> health = new Browserless(herald.url("")).get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
        assertThat(health.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void nothingIsReachableWithoutSigningInAndTheFirstStartNamesTheCommand() {
        start("");
        Browserless anonymous = new Browserless(herald.url(""));
        for (String page : List.of("/", "/queue", "/channels", "/feeds", "/activity", "/settings")) {
            HttpResponse<String> r = anonymous.get(page);
            assertThat(r.statusCode()).as(page).isIn(303);
            assertThat(r.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.body()).contains("herald user add NAME --role admin");
        long id = herald.enqueue("Council approves budget", "https://news.example.org/a", Instant.now().plus(Duration.ofHours(2))).get(0);
        HttpResponse<String> cancel = anonymous.post("/outbox/" + id + "/cancel", Map.of("csrf", "anything"));
        assertThat(cancel.statusCode()).isEqualTo(403);
        assertThat(state(id)).isEqualTo(OutboxState.SCHEDULED);

        herald.addUser("ana", Role.ADMIN);
        assertThat(anonymous.get("/login").body()).doesNotContain("herald user add");
    }

    @Test
    void aWrongNameAndAWrongPasswordGetTheSameAnswer() {
        start("");
        herald.addUser("ana", Role.EDITOR);
        HttpResponse<String> wrongPassword = new Browserless(herald.url("")).signIn("ana", "not the password");
        HttpResponse<String> wrongName = new Browserless(herald.url("")).signIn("bob", RunningHerald.PASSWORD);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongName.statusCode()).isEqualTo(401);
        assertThat(notice(wrongPassword)).isEqualTo(notice(wrongName)).isEqualTo("Wrong user name or password.");
        assertThat(wrongPassword.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("herald_session=");
    }

    @Test
    void fiveFailuresForOneNameRefuseEvenTheRightPasswordUntilTheWindowPasses() {
        MutableClock clock = new MutableClock(Instant.now());
        herald = RunningHerald.start(dir, "console.trust-proxy = true", clock);
        herald.addUser("ana", Role.EDITOR);
        for (int i = 1; i <= 5; i++) {
            Browserless from = new Browserless(herald.url("")).header("X-Forwarded-For", "203.0.113." + i);
            assertThat(from.signIn("ana", "guess-" + i).statusCode()).isEqualTo(401);
        }
        Browserless elsewhere = new Browserless(herald.url("")).header("X-Forwarded-For", "198.51.100.7");
        HttpResponse<String> refused = elsewhere.signIn("ana", RunningHerald.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 900L));
        assertThat(elsewhere.cookies).doesNotContainKey("herald_session");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(elsewhere.signIn("ana", RunningHerald.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void fiveFailuresFromOneAddressRefuseItWhateverTheName() {
        herald = RunningHerald.start(dir, "console.trust-proxy = true", new MutableClock(Instant.now()));
        herald.addUser("ana", Role.EDITOR);
        for (String name : List.of("a1", "a2", "a3", "a4", "a5")) {
            assertThat(new Browserless(herald.url("")).header("X-Forwarded-For", "203.0.113.9").signIn(name, "x").statusCode()).isEqualTo(401);
        }
        assertThat(new Browserless(herald.url("")).header("X-Forwarded-For", "203.0.113.9").signIn("ana", RunningHerald.PASSWORD).statusCode())
                .isEqualTo(429);
        assertThat(new Browserless(herald.url("")).header("X-Forwarded-For", "203.0.113.10").signIn("ana", RunningHerald.PASSWORD).statusCode())
                .isEqualTo(303);
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndNewAtEverySignIn() {
        start("");
        herald.addUser("ana", Role.VIEWER);
        Browserless browser = new Browserless(herald.url(""));
        browser.cookies.put("herald_session", "planted-by-an-attacker");
        HttpResponse<String> first = browser.signIn("ana", RunningHerald.PASSWORD);
        String cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("herald_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        String firstId = browser.cookies.get("herald_session");
        assertThat(firstId).isNotEqualTo("planted-by-an-attacker").hasSizeGreaterThan(40);
        browser.signIn("ana", RunningHerald.PASSWORD);
        assertThat(browser.cookies.get("herald_session")).isNotEqualTo(firstId);
        Browserless old = new Browserless(herald.url(""));
        old.cookies.put("herald_session", firstId);
        assertThat(old.get("/queue").statusCode()).as("the session replaced at sign-in is over").isEqualTo(303);
    }

    @Test
    void behindAnHttpsPublicAddressCookiesAreSecure() {
        start("console.public-url = \"https://social.example.org/\"");
        herald.addUser("ana", Role.VIEWER);
        Browserless browser = new Browserless(herald.url(""));
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.headers().allValues("Set-Cookie")).allMatch(c -> c.contains("Secure"));
        HttpResponse<String> signIn = browser.post("/login", Map.of("username", "ana", "password", RunningHerald.PASSWORD,
                "csrf", Browserless.csrf(login)));
        assertThat(signIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("herald_session=") && c.contains("Secure"));
    }

    @Test
    void signOutEndsTheSessionAndAnIdleSessionEnds() {
        MutableClock clock = new MutableClock(Instant.now());
        herald = RunningHerald.start(dir, "", clock);
        Browserless browser = signedIn("ana", Role.VIEWER);
        String id = browser.cookies.get("herald_session");
        HttpResponse<String> out = browser.post("/logout", Map.of("csrf", browser.sessionCsrf()));
        assertThat(out.statusCode()).isEqualTo(303);
        Browserless replay = new Browserless(herald.url(""));
        replay.cookies.put("herald_session", id);
        assertThat(replay.get("/queue").statusCode()).isEqualTo(303);

        Browserless idle = new Browserless(herald.url(""));
        assertThat(idle.signIn("ana", RunningHerald.PASSWORD).statusCode()).isEqualTo(303);
        clock.advance(Duration.ofHours(11));
        assertThat(idle.get("/queue").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(12).plusMinutes(1));
        assertThat(idle.get("/queue").statusCode()).as("idle for more than console.session-idle-timeout").isEqualTo(303);
    }

    @Test
    void aSessionSurvivesADaemonRestart() {
        start("");
        Browserless browser = signedIn("ana", Role.EDITOR);
        assertThat(browser.get("/queue").statusCode()).isEqualTo(200);
        herald.restart();
        HttpResponse<String> after = browser.get("/queue");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("ana (editor)");
    }

    @Test
    void everyChangeNeedsTheSessionsCsrfTokenFromTheFormOrTheHeader() {
        start("");
        Browserless browser = signedIn("ana", Role.EDITOR);
        long id = herald.enqueue("Council approves budget", "https://news.example.org/a", Instant.now().plus(Duration.ofHours(2))).get(0);
        assertThat(browser.post("/outbox/" + id + "/cancel", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.post("/outbox/" + id + "/cancel", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(browser.post("/settings", Map.of("time-zone", "Asia/Tokyo")).statusCode()).isEqualTo(403);
        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(state(id)).isEqualTo(OutboxState.SCHEDULED);
        assertThat(herald.users().find("ana").orElseThrow().timeZone()).isEmpty();
        assertThat(browser.get("/queue").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> withHeader = browser.post("/outbox/" + id + "/cancel", Map.of(), Map.of("X-CSRF-Token", browser.sessionCsrf()));
        assertThat(withHeader.statusCode()).isEqualTo(303);
        assertThat(state(id)).isEqualTo(OutboxState.CANCELLED);

        Browserless signInForm = new Browserless(herald.url(""));
        signInForm.get("/login");
        assertThat(signInForm.post("/login", Map.of("username", "ana", "password", RunningHerald.PASSWORD, "csrf", "forged")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRequestAboveTheRoleIsRefusedAndChangesNothing() {
        start("");
        Browserless viewer = signedIn("vic", Role.VIEWER);
        Browserless editor = signedIn("eda", Role.EDITOR);
        List<Long> ids = herald.enqueue("Council approves budget", "https://news.example.org/a", Instant.now().plus(Duration.ofHours(2)));
        int activityBefore = herald.activityCount();
        for (String action : List.of("cancel", "retry", "edit", "reschedule")) {
            HttpResponse<String> r = viewer.post("/outbox/" + ids.get(0) + "/" + action, Map.of("csrf", viewer.sessionCsrf(),
                    "text", "changed", "at", "2027-01-01T10:00"));
            assertThat(r.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(herald.outbox().find(ids.get(0)).orElseThrow()).satisfies(row -> {
            assertThat(row.state()).isEqualTo(OutboxState.SCHEDULED);
            assertThat(row.text()).startsWith("Council approves budget");
        });
        for (String action : List.of("/channels/x-main/pause", "/channels/x-main/check", "/feeds/newsroom/pause", "/feeds/newsroom/poll")) {
            assertThat(editor.post(action, Map.of("csrf", editor.sessionCsrf())).statusCode()).as(action).isEqualTo(403);
        }
        assertThat(herald.activityCount()).isEqualTo(activityBefore);
        assertThat(viewer.get("/queue").body()).doesNotContain("action-cancel");
    }

    @Test
    void reviewIsForEditorsEveryReviewFormNeedsCsrfAndWhatFeedsWroteIsEscaped() {
        start("");
        Browserless viewer = signedIn("vic", Role.VIEWER);
        Browserless editor = signedIn("eda", Role.EDITOR);
        List<Long> ids = herald.hold("<script>alert(1)</script> Harbour", "https://news.example.org/h", "<img src=x onerror=alert(3)> summary");
        int activityBefore = herald.activityCount();
        assertThat(viewer.get("/review").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/queue").body()).doesNotContain("href=\"/review\"");
        for (String action : List.of("approve", "reject")) {
            assertThat(viewer.post("/review/" + ids.get(0) + "/" + action, Map.of("csrf", viewer.sessionCsrf(), "all", "yes")).statusCode())
                    .as("viewer " + action).isEqualTo(403);
            assertThat(editor.post("/review/" + ids.get(0) + "/" + action, Map.of("all", "yes")).statusCode()).as("no csrf " + action).isEqualTo(403);
            assertThat(editor.post("/review/" + ids.get(0) + "/" + action, Map.of("csrf", "forged")).statusCode()).as("forged " + action).isEqualTo(403);
        }
        assertThat(ids).allSatisfy(id -> assertThat(state(id)).isEqualTo(OutboxState.PENDING_REVIEW));
        assertThat(herald.activityCount()).isEqualTo(activityBefore);

        String page = editor.get("/review").body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Harbour").doesNotContain("<script>alert(1)")
                .contains("&lt;img src=x onerror=alert(3)&gt; summary").doesNotContain("<img src=x");
        HttpResponse<String> approved = editor.post("/review/" + ids.get(1) + "/approve", Map.of("csrf", editor.sessionCsrf(),
                "text", "<b>edited</b>"));
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(herald.outbox().find(ids.get(1)).orElseThrow().text()).isEqualTo("<b>edited</b>");
        assertThat(editor.get("/activity").body()).contains("&lt;b&gt;edited&lt;/b&gt;").doesNotContain("<b>edited</b>");
    }

    @Test
    void composeIsForEditorsEveryComposeFormNeedsCsrfAndWhatPagesSayIsEscaped() {
        start("");
        Browserless viewer = signedIn("vic", Role.VIEWER);
        Browserless editor = signedIn("eda", Role.EDITOR);
        String hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> Harbour";
        try (StoryPages site = new StoryPages().article("/x", hostile, "https://news.example.org/x", "<b>bold</b> claims & more.")) {
            int activityBefore = herald.activityCount();
            assertThat(viewer.get("/compose").statusCode()).isEqualTo(403);
            assertThat(viewer.get("/queue").body()).doesNotContain("href=\"/compose\"");
            assertThat(editor.get("/queue").body()).contains("href=\"/compose\"");
            Map<String, String> read = Map.of("url", site.url("/x"), "action", "read");
            for (String path : List.of("/compose", "/compose/count?for=x-main", "/compose/recompose")) {
                Map<String, String> withToken = new java.util.HashMap<>(read);
                withToken.put("csrf", viewer.sessionCsrf());
                assertThat(viewer.post(path, withToken).statusCode()).as("viewer " + path).isEqualTo(403);
                assertThat(editor.post(path, read).statusCode()).as("no csrf " + path).isEqualTo(403);
                Map<String, String> forged = new java.util.HashMap<>(read);
                forged.put("csrf", "forged");
                assertThat(editor.post(path, forged).statusCode()).as("forged " + path).isEqualTo(403);
            }
            assertThat(viewer.get("/compose/done?rows=1").statusCode()).isEqualTo(403);
            assertThat(site.requests("/x")).as("nothing was even read").isZero();
            assertThat(herald.activityCount()).isEqualTo(activityBefore);

            // an editor reads it: the page's words are shown, escaped, in the preview, and posting them queues nothing else
            HttpResponse<String> page = editor.postPairs("/compose", ComposeFields.of(editor.get("/compose").body()).set("url", site.url("/x")).press("read"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                    .doesNotContain("<img src=x").doesNotContain("<b>bold</b>").doesNotContainPattern("<script>[^<]").doesNotContain("style=\"");
            ComposeFields fields = ComposeFields.of(page.body());
            assertThat(fields.get("headline")).contains("<script>alert(1)</script>");
            // forms posted without the token, even with every other field right, change nothing
            List<Map.Entry<String, String>> noToken = new java.util.ArrayList<>(fields.press("post"));
            noToken.removeIf(e -> e.getKey().equals("csrf"));
            assertThat(editor.postPairs("/compose", noToken).statusCode()).isEqualTo(403);
            assertThat(herald.outbox().list(java.util.Optional.empty(), 10)).isEmpty();

            HttpResponse<String> posts = editor.postPairs("/compose/recompose", fields.press("update"));
            assertThat(posts.body()).contains("&lt;script&gt;").doesNotContain("<script>alert").doesNotContain("<img src=x");
            HttpResponse<String> count = editor.post("/compose/count?for=x-main", Map.of("csrf", editor.sessionCsrf(), "text", hostile));
            assertThat(count.body()).doesNotContain("<script>").doesNotContain("<img");

            HttpResponse<String> posted = editor.postPairs("/compose", fields.press("post"));
            assertThat(posted.statusCode()).isEqualTo(303);
            String done = editor.get(posted.headers().firstValue("Location").orElseThrow()).body();
            assertThat(done).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
            String queue = editor.get("/queue").body();
            assertThat(queue).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img src=x");
            assertThat(editor.get("/activity").body()).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        }
    }

    @Test
    void whatFeedsAndPeopleWroteIsEscapedAndOnlyHttpLinksAreLinks() throws Exception {
        start("");
        Browserless browser = signedIn("ana", Role.EDITOR);
        long id = herald.enqueue("<script>alert(1)</script> \"quoted\" <b>bold</b>", "https://news.example.org/x", Instant.now().plus(Duration.ofHours(2))).get(0);
        try (Connection c = herald.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE outbox SET link = ?, last_error = ? WHERE id = ?")) {
            s.setString(1, "javascript:alert(2)");
            s.setString(2, "<img src=x onerror=alert(3)>");
            s.setLong(3, id);
            s.executeUpdate();
        }
        String page = browser.get("/queue?q=" + java.net.URLEncoder.encode("<script>", "UTF-8")).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .doesNotContain("<b>bold</b>").doesNotContain("<img src=x").doesNotContainIgnoringCase("href=\"javascript:");
        assertThat(page).contains("#" + id);
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoServerVersion() {
        start("");
        Browserless browser = signedIn("ana", Role.ADMIN);
        for (String path : List.of("/login", "/queue", "/channels", "/feeds", "/activity", "/settings", "/compose", "/healthz", "/no-such-page",
                "/static/console.css", "/webjars/htmx.org/2.0.8/dist/htmx.min.js")) {
            HttpResponse<String> r = browser.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(r.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(r.headers().map().keySet()).as(path).noneMatch(h -> h.equalsIgnoreCase("X-Powered-By"));
        }
        assertThat(browser.get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(browser.get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").statusCode()).isEqualTo(200);
        String page = browser.get("/queue").body();
        assertThat(page).doesNotContain("style=\"").doesNotContainPattern("<script>[^<]").doesNotContain("onclick");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.herald.publish.NoSecretsInLogs.class)
    void secretsNeverAppearInPagesOrTheActivityLog() {
        start("");
        Browserless browser = signedIn("ana", Role.ADMIN);
        new Browserless(herald.url("")).signIn("ana", "a wrong password typed");
        new Browserless(herald.url("")).signIn(RunningHerald.PASSWORD, RunningHerald.PASSWORD); // a password typed as the name
        browser.post("/channels/x-main/check", Map.of("csrf", browser.sessionCsrf()));
        browser.post("/channels/fb-main/check", Map.of("csrf", browser.sessionCsrf()));
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/queue", "/channels", "/feeds", "/activity", "/settings")) all.append(browser.get(path).body());
        assertThat(all.toString()).contains("sign-in-failed").contains("Herald Test")
                .doesNotContain(RunningHerald.PASSWORD).doesNotContain("a wrong password typed")
                .doesNotContain(TestChannels.X_KEY_SECRET).doesNotContain(TestChannels.X_TOKEN).doesNotContain(TestChannels.X_TOKEN_SECRET)
                .doesNotContain(TestChannels.X_KEY).doesNotContain(TestChannels.FB_TOKEN);
    }

    private static String notice(HttpResponse<String> page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"notice\"[^>]*>([^<]*)<").matcher(page.body());
        return m.find() ? m.group(1) : "";
    }
}
