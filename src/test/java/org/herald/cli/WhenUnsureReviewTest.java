package org.herald.cli;

import org.herald.publish.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** review = when-unsure end to end: a story Herald is sure of goes out, a doubtful one waits for an editor. */
class WhenUnsureReviewTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    private HeraldRun herald(Path config, String... args) {
        return HeraldRun.at(clock, config, args);
    }

    @Test
    void aLowConfidenceStoryWaitsInReviewAndAHighOneIsSent() throws Exception {
        Path feed = dir.resolve("wire.xml");
        // the second entry's "title" is a whole paragraph: condensing rates it low
        Files.writeString(feed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>https://news.example.org/</link><description>w</description>
                <item><title>Harbour reopens after the storm</title><link>https://news.example.org/harbour</link><guid>harbour</guid>
                  <description>Ships sail again from the old harbour.</description><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>
                <item><title>The council met on Tuesday evening to discuss the budget, and after a long debate that ran well past midnight, with members of every party speaking at length about roads, schools, the harbour and the old rail line, it voted to postpone the decision until the spring session</title>
                  <link>https://news.example.org/council</link><guid>council</guid>
                  <description>The council postponed its budget vote.</description><pubDate>Tue, 01 Dec 2026 08:01:00 GMT</pubDate></item>
                </channel></rss>
                """);
        Path config = dir.resolve("herald.conf");
        Files.writeString(config, "include \"" + Path.of("config/application.conf").toAbsolutePath() + "\"\n"
                + "storage.jdbc-url = \"jdbc:h2:file:" + dir.resolve("data/herald").toAbsolutePath() + "\"\nfeeds = null\n"
                + "feeds.wire { url = \"" + feed.toUri() + "\", every = 10m, review = when-unsure, initial-backlog = 2 }\n");

        HeraldRun once = herald(config, "run", "--once");
        assertThat(once.out()).contains("Harbour reopens after the storm").doesNotContain("The council met");

        HeraldRun held = herald(config, "queue", "--json", "--state", "pending_review");
        assertThat(held.outLines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("https://news.example.org/council")
                .contains("\"confidence\":\"low\""));
        HeraldRun sent = herald(config, "queue", "--json", "--state", "sent");
        assertThat(sent.outLines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("https://news.example.org/harbour")
                .contains("\"confidence\":\"high\""));
    }
}
