package org.herald.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every key Herald does not know is refused, at any level; every mistake names the file and the full key. */
class UnknownAndMistypedKeysTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("app.conf");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aMisspeltTopLevelKeyIsRefusedWithTheKnownOnesListed() throws IOException {
        Path file = write("fech.max-bytes = 1\n");
        assertThatThrownBy(() -> SettingsLoader.load(file))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(file + ": fech is not a known key; did you mean fetch? (known: ")
                .hasMessageContaining("channels, ").hasMessageContaining("feeds, ").hasMessageContaining("fetch, ")
                .hasMessageContaining("storage");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fetch.max-byte = 1               | fetch.max-byte is not a known key; did you mean max-bytes? (known: connect-timeout, max-bytes, max-redirects, read-timeout, user-agent)",
            "storage.passwd = x               | storage.passwd is not a known key; did you mean password? (known: ",
            "schedule.max-attempt = 3         | schedule.max-attempt is not a known key; did you mean max-attempts? (known: cluster-checkin-interval, dispatch-interval, max-attempts, sending-timeout)",
            "condense.summary-length = 100    | condense.summary-length is not a known key (known: summary-max-length)",
            "post.budget = 1s                 | post.budget is not a known key (known: retry-budget)",
            "channel-defaults.x.tempalte = x  | channel-defaults.x.tempalte is not a known key; did you mean template? (known: ",
            "channel-defaults.mastodon {}     | channel-defaults.mastodon is not a known key (known: facebook, x)",
    })
    void unknownKeysInsideEachBlockAreRefused(String line, String message) throws IOException {
        Path file = write(line + "\n");
        assertThatThrownBy(() -> SettingsLoader.load(file)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(file + ": " + message.strip());
    }

    @Test
    void unknownKeysInChannelsFeedsAndUtmAreRefused() throws IOException {
        Path channel = write("channels.a { network = x, dry-run = true, min-gapp = 1m }");
        assertThatThrownBy(() -> SettingsLoader.load(channel))
                .hasMessageStartingWith(channel + ": channels.a.min-gapp is not a known key for a x channel; did you mean min-gap? (known: ");
        Path feed = write("channels.a { network = x, dry-run = true }\nfeeds.f { url = \"file:x.xml\", every = 1m, chanels = [a] }");
        assertThatThrownBy(() -> SettingsLoader.load(feed)).hasMessageStartingWith(feed + ": feeds.f.chanels is not a known key for a feed; did you mean channels? (known: ");
        Path utm = write("channels.a { network = x, dry-run = true, utm.sorce = x }");
        assertThatThrownBy(() -> SettingsLoader.load(utm)).hasMessageStartingWith(utm + ": channels.a.utm.sorce is not a UTM tag");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fetch.read-timeout = soon                                                     | fetch.read-timeout must be a duration such as 10s, not 'soon'",
            "fetch.max-bytes = lots                                                        | fetch.max-bytes must be a size such as 5 MiB, not 'lots'",
            "schedule.max-attempts = many                                                  | schedule.max-attempts must be a whole number, not 'many'",
            "schedule.max-attempts = 1.5                                                   | schedule.max-attempts must be a whole number, not 1.5",
            "feeds.f { url = \"file:x.xml\", every = soon }                                  | feeds.f.every must be a duration such as 10s, not 'soon'",
            "feeds.f { url = \"file:x.xml\", every = 1m, initial-backlog = some }            | feeds.f.initial-backlog must be a whole number, not 'some'",
            "feeds.f { url = \"file:x.xml\", every = 1m, review = sometimes }               | feeds.f.review must be never, always or when-unsure, not 'sometimes'",
            "feeds.f { url = \"file:x.xml\", every = 1m, channels = a }                      | feeds.f.channels must be a list of channel names such as [x-main], not 'a'",
            "channels.a { network = x, dry-run = maybe }                                   | channels.a.dry-run must be true or false, not 'maybe'",
            "channels.a { network = x, dry-run = true, max-per-hour = lots }               | channels.a.max-per-hour must be a whole number, not 'lots'",
            "channels.a { network = facebook, dry-run = true, read-timeout = never }       | channels.a.read-timeout must be a duration such as 10s, not 'never'",
            "channels.a { network = x, dry-run = true, min-gap = [1] }                     | channels.a.min-gap must be a duration such as 10s, not [1]",
    })
    void wrongValuesNameTheFullKeyAndTheFile(String line, String message) throws IOException {
        Path file = write(line + "\n");
        assertThatThrownBy(() -> SettingsLoader.load(file)).isInstanceOf(SettingsException.class)
                .hasMessage(file + ": " + message.strip());
    }

    @Test
    void aKeyInAnIncludedFileIsReportedWithThatFile() throws IOException {
        Path included = dir.resolve("fetch.conf");
        Files.writeString(included, "fetch.retries = 3\n");
        Path file = write("include \"fetch.conf\"\n");
        assertThatThrownBy(() -> SettingsLoader.load(file)).hasMessageStartingWith(included + ": fetch.retries is not a known key");
    }

    @Test
    void everyKeyOfReferenceConfIsKnown() throws IOException {
        // the shipped defaults, written out in full by a user, are accepted
        assertThat(SettingsLoader.load(write("""
                fetch { connect-timeout = 5s, read-timeout = 20s, max-bytes = 1 MiB, max-redirects = 3, user-agent = "x" }
                condense.summary-max-length = 200
                post.retry-budget = 10s
                storage { jdbc-url = "jdbc:h2:mem:x", user = sa, password = "" }
                schedule { max-attempts = 3, dispatch-interval = 1s, sending-timeout = 1m }
                channel-defaults.x { min-gap = 1m, utm { source = x } }
                """)).fetch().maxRedirects()).isEqualTo(3);
    }
}
