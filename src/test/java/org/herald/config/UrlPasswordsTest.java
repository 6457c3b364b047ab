package org.herald.config;

import org.herald.outbox.Database;
import org.herald.outbox.StorageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every form of a password written into a JDBC URL is masked wherever the URL is shown. */
class UrlPasswordsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db.example.org:5432/herald?user=herald&password=Tr0ub4dor",
            "jdbc:postgresql://db.example.org/herald?password=Tr0ub4dor&ssl=true",
            "jdbc:postgresql://herald:Tr0ub4dor@db.example.org:5432/herald",
            "jdbc:postgresql://db.example.org/herald?sslpassword=Tr0ub4dor",
            "jdbc:h2:file:./data/herald;USER=sa;PASSWORD=Tr0ub4dor"})
    void maskedInEveryForm(String url) {
        String masked = UrlPasswords.masked(url);
        assertThat(masked).doesNotContain("Tr0ub4dor").contains("****");
        assertThat(new StorageSettings(url, "herald", Optional.empty()).toString()).doesNotContain("Tr0ub4dor");
        // anything else that prints the URL (a driver's message, a library's log line) goes through the log mask
        assertThat(SecretRedaction.redact("could not reach " + url + " in time")).doesNotContain("Tr0ub4dor");
    }

    @Test
    void aUrlWithoutPasswordIsUnchanged() {
        assertThat(UrlPasswords.masked("jdbc:postgresql://db.example.org:5432/herald?user=herald&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.example.org:5432/herald?user=herald&ssl=true");
    }

    @Test
    void theStorageErrorForAnUnreachableServerDoesNotShowThePassword() {
        // port 1 on loopback: nothing listens, the connection is refused
        StorageSettings settings = new StorageSettings("jdbc:postgresql://herald:Tr0ub4dor@127.0.0.1:1/herald?password=Tr0ub4dor2&connectTimeout=1",
                "herald", Optional.empty());
        StorageException e = catchThrowableOfType(StorageException.class, () -> Database.open(settings).close());
        assertThat(e.getMessage()).startsWith("cannot open the database jdbc:postgresql://herald:****@127.0.0.1:1/herald?password=****")
                .doesNotContain("Tr0ub4dor");
    }
}
