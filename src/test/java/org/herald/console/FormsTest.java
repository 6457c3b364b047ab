package org.herald.console;

import org.herald.console.forms.EditForm;
import org.herald.console.forms.QueueFilter;
import org.herald.console.forms.RescheduleForm;
import org.herald.console.forms.TimeZoneForm;
import org.herald.outbox.OutboxState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each form parses into a value or one line saying what is wrong. */
class FormsTest {
    @Test
    void rescheduleReadsTheTimeInTheReadersZoneUnlessItCarriesAnOffset() {
        assertThat(RescheduleForm.parse(Map.of("at", "2026-11-25T09:00"), ZoneId.of("Asia/Dubai")))
                .isEqualTo(new RescheduleForm.Parsed.Ok(new RescheduleForm(Instant.parse("2026-11-25T05:00:00Z"))));
        assertThat(RescheduleForm.parse(Map.of("at", "2026-11-25T09:00+03:00"), ZoneId.of("Asia/Dubai")))
                .isEqualTo(new RescheduleForm.Parsed.Ok(new RescheduleForm(Instant.parse("2026-11-25T06:00:00Z"))));
        assertThat(RescheduleForm.parse(Map.of("at", "tomorrow"), ZoneId.of("UTC")))
                .isEqualTo(new RescheduleForm.Parsed.Invalid("'tomorrow' is not a date and time such as 2026-11-25T09:00 (in UTC)"));
        assertThat(RescheduleForm.parse(Map.of(), ZoneId.of("UTC"))).isEqualTo(new RescheduleForm.Parsed.Invalid("pick a date and time"));
    }

    @Test
    void editNeedsText() {
        assertThat(EditForm.parse(Map.of("text", "  \r\n "))).isEqualTo(new EditForm.Parsed.Invalid("the text is empty"));
        assertThat(EditForm.parse(Map.of("text", "a\r\nb"))).isEqualTo(new EditForm.Parsed.Ok(new EditForm("a\nb")));
    }

    @Test
    void theQueueFilterIgnoresWhatItDoesNotKnow() {
        QueueFilter filter = QueueFilter.parse(Map.of("state", "failed", "channel", " x-main ", "q", "", "after", "1764061200000_42"));
        assertThat(filter.state()).contains(OutboxState.FAILED);
        assertThat(filter.channel()).contains("x-main");
        assertThat(filter.text()).isEmpty();
        assertThat(filter.after()).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(42));
        assertThat(QueueFilter.parse(Map.of("state", "NOPE", "after", "x")).state()).isEmpty();
    }

    @Test
    void aTimeZoneIsAZoneIdOrEmpty() {
        assertThat(TimeZoneForm.parse(Map.of("time-zone", "Europe/Paris"))).isEqualTo(new TimeZoneForm.Parsed.Ok(new TimeZoneForm(Optional.of(ZoneId.of("Europe/Paris")))));
        assertThat(TimeZoneForm.parse(Map.of())).isEqualTo(new TimeZoneForm.Parsed.Ok(new TimeZoneForm(Optional.empty())));
        assertThat(TimeZoneForm.parse(Map.of("time-zone", "Mars/Olympus"))).isInstanceOf(TimeZoneForm.Parsed.Invalid.class);
    }

    @Test
    void composeKeepsWhatWasTypedAndRebuildsTheStoryOnlyFromAnHttpLinkAndAHeadline() {
        Map<String, java.util.List<String>> fields = new java.util.HashMap<>();
        fields.put("action", java.util.List.of("Schedule"));
        fields.put("url", java.util.List.of("  https://news.example.org/a  "));
        fields.put("headline", java.util.List.of("  Harbour   reopens "));
        fields.put("composed-from", java.util.List.of("Harbour reopens"));
        fields.put("story-source", java.util.List.of("https://news.example.org/a"));
        fields.put("story-link", java.util.List.of("https://news.example.org/a"));
        fields.put("story-confidence", java.util.List.of("low"));
        fields.put("story-reason", java.util.List.of("one\nline"));
        fields.put("channel", java.util.List.of("x-main", "fb-main", " "));
        fields.put("text.x-main", java.util.List.of("Words\r\nhere"));
        fields.put("zone", java.util.List.of("Asia/Tokyo"));
        fields.put("at", java.util.List.of("2026-12-02T09:00"));
        org.herald.console.forms.ComposeForm form = org.herald.console.forms.ComposeForm.parse(fields);
        assertThat(form.action()).isEqualTo("schedule");
        assertThat(form.url()).isEqualTo("https://news.example.org/a");
        assertThat(form.channels()).containsExactly("x-main", "fb-main");
        assertThat(form.texts()).containsEntry("x-main", "Words\nhere");
        assertThat(form.again()).isFalse();
        assertThat(form.picked()).isFalse();
        assertThat(form.timeIfValid(ZoneId.of("Asia/Tokyo"))).contains(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(form.editedStory()).hasValueSatisfying(story -> {
            assertThat(story.headline()).isEqualTo("Harbour reopens");
            assertThat(story.confidence()).isEqualTo(org.herald.condense.Confidence.LOW);
            assertThat(story.confidenceReason()).isEqualTo("one line");
        });
        fields.put("story-link", java.util.List.of("javascript:alert(1)"));
        assertThat(org.herald.console.forms.ComposeForm.parse(fields).editedStory()).as("no story from a link that is not http(s)").isEmpty();
        fields.put("story-link", java.util.List.of("https://news.example.org/a"));
        fields.put("headline", java.util.List.of("   "));
        assertThat(org.herald.console.forms.ComposeForm.parse(fields).editedStory()).isEmpty();
        fields.put("zone", java.util.List.of("Nowhere/Land"));
        assertThat(org.herald.console.forms.ComposeForm.parse(fields).zoneOr(ZoneId.of("UTC")))
                .isEqualTo(new org.herald.console.forms.ComposeForm.ZoneOrProblem.Problem("'Nowhere/Land' is not a time zone such as Europe/Paris"));
    }
}
