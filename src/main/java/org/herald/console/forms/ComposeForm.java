package org.herald.console.forms;

import org.herald.condense.Confidence;
import org.herald.condense.Direction;
import org.herald.condense.Story;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compose form, exactly as typed, so a refusal can show it again unchanged. The input is {@code url}, or
 * {@code pasted} text (first line the headline) with {@code link}; after "Read" the story travels in hidden
 * {@code story-*} fields beside the editable {@code headline}, {@code composed-from} (the headline the channel
 * texts were composed from), one {@code text.CHANNEL} per channel, the ticked {@code channel}s, {@code zone},
 * {@code at} and {@code again} ({@code picked} says the channel boxes were on the page, so none ticked means none). {@code action} is the button pressed: read, update, post or schedule.
 */
public record ComposeForm(String action, String url, String pasted, String link, String headline, String composedFrom,
                          Map<String, String> story, boolean picked, Set<String> channels, Map<String, String> texts, String zone,
                          String at, boolean again) {
    /** The longest value any field keeps; a pasted story is rarely longer than a few thousand characters. */
    static final int MAX_FIELD = 100_000;
    private static final List<String> STORY_FIELDS = List.of("story-source", "story-link", "story-summary", "story-lang", "story-dir",
            "story-confidence", "story-reason");

    public static ComposeForm empty(ZoneId zone) {
        return new ComposeForm("", "", "", "", "", "", Map.of(), false, Set.of(), Map.of(), zone.getId(), "", false);
    }

    public static ComposeForm parse(Map<String, List<String>> fields) {
        Map<String, String> story = new LinkedHashMap<>();
        for (String name : STORY_FIELDS) {
            String v = one(fields, name);
            if (!v.isEmpty()) story.put(name, v);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (name.startsWith("text.") && !values.isEmpty()) texts.put(name.substring(5), clip(values.get(0)).replace("\r\n", "\n"));
        });
        Set<String> channels = new LinkedHashSet<>();
        for (String c : fields.getOrDefault("channel", List.of())) if (!c.isBlank()) channels.add(clip(c.strip()));
        String action = one(fields, "action").toLowerCase(Locale.ROOT);
        return new ComposeForm(action, one(fields, "url").strip(), one(fields, "pasted").replace("\r\n", "\n"), one(fields, "link").strip(),
                one(fields, "headline"), one(fields, "composed-from"), story, !one(fields, "picked").isEmpty(), channels, texts,
                one(fields, "zone").strip(),
                one(fields, "at").strip(), !one(fields, "again").isEmpty());
    }

    /** Whether the headline differs (spacing aside) from the one the channel texts were composed from. */
    public boolean headlineChanged() {
        return !tidy(headline).equals(tidy(composedFrom));
    }

    private static String tidy(String headline) {
        return headline.strip().replaceAll("\\s+", " ");
    }

    /** Whether a story has been read: its hidden fields came back with the form. */
    public boolean hasStory() {
        return story.containsKey("story-link") && story.containsKey("story-source");
    }

    /**
     * The story read earlier, with the headline as the person edited it; empty when none was read, or when
     * the hidden fields were tampered with into something that is no story (no http(s) link, no headline).
     */
    public Optional<Story> editedStory() {
        if (!hasStory()) return Optional.empty();
        String headline = tidy(headline());
        if (headline.isEmpty()) return Optional.empty();
        try {
            URI link = new URI(story.get("story-link"));
            String scheme = String.valueOf(link.getScheme()).toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || link.getHost() == null) return Optional.empty();
            Confidence confidence = Confidence.of(story.getOrDefault("story-confidence", "medium"));
            String reason = story.getOrDefault("story-reason", "").replaceAll("\\s+", " ").strip();
            Direction dir = "rtl".equals(story.get("story-dir")) ? Direction.RTL : Direction.LTR;
            return Optional.of(new Story(story.get("story-source"), headline, Optional.of(link), story.getOrDefault("story-summary", ""),
                    story.getOrDefault("story-lang", "und"), dir, Optional.empty(), Optional.empty(), Optional.empty(), confidence,
                    reason.isEmpty() ? "given by hand" : reason));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The zone the time is in: the one picked for this post, else {@code fallback}; or the one line that says it is no zone. */
    public ZoneOrProblem zoneOr(ZoneId fallback) {
        if (zone.isEmpty()) return new ZoneOrProblem.Zone(fallback);
        try {
            return new ZoneOrProblem.Zone(ZoneId.of(zone));
        } catch (DateTimeException e) {
            return new ZoneOrProblem.Problem("'" + (zone.length() > 60 ? zone.substring(0, 60) + "…" : zone) + "' is not a time zone such as Europe/Paris");
        }
    }

    /** A zone, or why the field holds none. */
    public sealed interface ZoneOrProblem {
        record Zone(ZoneId zone) implements ZoneOrProblem {
        }

        record Problem(String message) implements ZoneOrProblem {
        }
    }

    /** The time to schedule at, read in {@code zone} as the reschedule form reads it; or the one line that says what is wrong. */
    public RescheduleForm.Parsed time(ZoneId zone) {
        return RescheduleForm.parse(Map.of("at", at), zone);
    }

    /** When the time was given, the instant it names (used to show it back in the picked zone). */
    public Optional<Instant> timeIfValid(ZoneId zone) {
        return time(zone) instanceof RescheduleForm.Parsed.Ok ok ? Optional.of(ok.form().at()) : Optional.empty();
    }

    private static String one(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : clip(values.get(0));
    }

    private static String clip(String v) {
        return v.length() > MAX_FIELD ? v.substring(0, MAX_FIELD) : v;
    }
}
