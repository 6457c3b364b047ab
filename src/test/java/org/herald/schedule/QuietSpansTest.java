package org.herald.schedule;

import org.herald.config.Pacing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet hours as real moments: the same rule the pacer applies, minute by minute, across clock changes. */
class QuietSpansTest {
    private static Pacing quiet(String start, String end, String zone) {
        return new Pacing(Duration.ZERO, 0, 0, Optional.of(new Pacing.QuietHours(LocalTime.parse(start), LocalTime.parse(end))), ZoneId.of(zone),
                Duration.ofHours(6));
    }

    @ParameterizedTest
    @CsvSource({
            "22:00, 06:00, Europe/London, 2026-10-20T00:00:00Z",     // the autumn change inside a quiet night
            "01:00, 03:00, Europe/Berlin, 2026-03-25T00:00:00Z",     // spring: 02:00-03:00 does not exist
            "02:30, 05:00, Europe/Berlin, 2026-03-25T00:00:00Z",     // a window starting in the skipped hour
            "00:00, 02:30, Europe/Berlin, 2026-10-21T00:00:00Z",     // a window ending in the repeated hour
            "00:00, 07:00, America/New_York, 2026-10-28T00:00:00Z",
            "23:15, 05:45, Asia/Kathmandu, 2026-12-01T00:00:00Z",
            "01:30, 03:00, Australia/Lord_Howe, 2026-04-01T00:00:00Z", // a half-hour clock change
            "09:00, 17:00, UTC, 2026-12-01T00:00:00Z"
    })
    void everyMinuteAgreesWithThePacersRule(String start, String end, String zone, String from) {
        Pacing pacing = quiet(start, end, zone);
        Instant a = Instant.parse(from);
        Instant b = a.plus(Duration.ofDays(10));
        List<QuietSpans.Span> spans = QuietSpans.between(pacing, a, b);
        for (Instant t = a; t.isBefore(b); t = t.plusSeconds(60)) {
            boolean rule = pacing.quietHours().get().contains(t.atZone(pacing.timeZone()).toLocalTime());
            assertThat(QuietSpans.isQuiet(spans, t)).as(t + " in " + zone).isEqualTo(rule);
        }
        for (int i = 1; i < spans.size(); i++) assertThat(spans.get(i).start()).isAfter(spans.get(i - 1).end());
    }

    @Test
    void randomMomentsAgreeToo() {
        Random random = new Random(20261202);
        String[] zones = {"Europe/Berlin", "America/Sao_Paulo", "Pacific/Chatham", "Asia/Tehran", "America/St_Johns"};
        for (int round = 0; round < 200; round++) {
            Pacing pacing = quiet(LocalTime.ofSecondOfDay(random.nextInt(86400) / 60 * 60L).toString(),
                    LocalTime.ofSecondOfDay(random.nextInt(86400) / 60 * 60L).toString(), zones[random.nextInt(zones.length)]);
            if (pacing.quietHours().get().start().equals(pacing.quietHours().get().end())) continue;
            Instant a = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(10 * 365 * 86400));
            Instant b = a.plus(Duration.ofDays(8));
            List<QuietSpans.Span> spans = QuietSpans.between(pacing, a, b);
            for (int probe = 0; probe < 500; probe++) {
                Instant t = a.plusSeconds(random.nextInt(8 * 86400));
                boolean rule = pacing.quietHours().get().contains(t.atZone(pacing.timeZone()).toLocalTime());
                assertThat(QuietSpans.isQuiet(spans, t)).as(t + " " + pacing).isEqualTo(rule);
            }
        }
    }

    @Test
    void noQuietHoursNoSpans() {
        assertThat(QuietSpans.between(Pacing.none(), Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"))).isEmpty();
    }
}
