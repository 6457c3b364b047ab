package org.herald.console;

import io.javalin.http.Context;
import org.herald.access.Role;
import org.herald.access.Session;
import org.herald.actions.StoryIntake;
import org.herald.compose.Post;
import org.herald.condense.Story;
import org.herald.config.ChannelSettings;
import org.herald.config.Network;
import org.herald.console.auth.Guard;
import org.herald.console.forms.ComposeForm;
import org.herald.console.forms.RescheduleForm;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * GET /compose and POST /compose: a person hands Herald one story (a page's address, or pasted text with its
 * link), reads each channel's exact post, edits the headline (every channel is composed again) or one
 * channel's text, picks channels and posts now or schedules it in a zone of their choice. POST /compose/count
 * and /compose/recompose answer htmx with a counter or the posts; without JavaScript every button re-renders
 * the whole form with the counts. Queuing goes through {@link StoryIntake#queueByHand}: the ledger, dedup and
 * time rules of {@code herald schedule}. Editors and admins only.
 */
public final class ComposePage {
    private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));

    /** What the compose template shows: the form as typed, the story once read, each channel's post, and one refusal. */
    public record View(Frame frame, ComposeForm form, Optional<String> error, Optional<StoryShown> story, Posts posts, String zone,
                       List<String> zones) {
    }

    /** The story as read: what the posts are made of, and how sure Herald is of its headline. */
    public record StoryShown(String headline, String link, Optional<String> safeLink, String summary, String confidence,
                             String confidenceReason, Map<String, String> hidden) {
    }

    /** Every configured channel's post, and the headline they were composed from. */
    public record Posts(String composedFrom, List<ChannelPost> channels) {
    }

    /** One channel's exact post: for X the whole tweet, for Facebook the message with the link beside it. */
    public record ChannelPost(String name, String network, boolean x, boolean dryRun, boolean checked, String text, String link,
                              Optional<String> safeLink, Count count) {
    }

    /** A post's length as its network counts it (X: twitter-text's weighted length), and whether it fits. */
    public record Count(String channel, int length, int max, boolean valid) {
        public String label() {
            if (valid) return length + "/" + max + " · fits";
            if (length > max) return length + "/" + max + " · over by " + (length - max);
            return length + "/" + max + " · " + (length == 0 ? "empty" : "not accepted");
        }
    }

    /** The rows a compose created, for the page shown after it. */
    public record DoneView(Frame frame, List<CreatedRow> rows, String ids) {
    }

    /** One created row, linked to the queue and to its history. */
    public record CreatedRow(long id, String channel, String network, String state, String text, String due, boolean dryRun,
                             String queueLink, String calendarLink) {
    }

    private final Services services;
    private final StoryIntake intake;

    public ComposePage(Services services) {
        this.services = services;
        this.intake = new StoryIntake(services.settings(), services.outbox(), services.clock());
    }

    public void show(Context ctx) {
        Session session = Guard.require(ctx, Role.EDITOR);
        ZoneId zone = Pages.zone(services, session);
        render(ctx, 200, ComposeForm.empty(zone), Optional.empty(), zone);
    }

    public void submit(Context ctx) {
        Session session = Guard.require(ctx, Role.EDITOR);
        ZoneId mine = Pages.zone(services, session);
        ComposeForm form = ComposeForm.parse(ctx.formParamMap());
        String actor = session.user().name();
        switch (form.action().isEmpty() ? (form.hasStory() ? "update" : "read") : form.action()) {
            case "read" -> read(ctx, form, mine, actor);
            case "post", "schedule" -> queue(ctx, form, mine, actor, form.action().equals("schedule"));
            default -> {
                if (!form.hasStory()) {
                    read(ctx, form, mine, actor);
                    return;
                }
                boolean recomposed = form.headlineChanged();
                render(ctx, 200, form, recomposed ? Optional.of("The headline changed: every channel's post was composed again from it.")
                        : Optional.empty(), mine);
            }
        }
    }

    /** POST /compose/count?for=CHANNEL (field {@code text.CHANNEL}, or {@code text}): the counter, exactly as the network counts. */
    public void count(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        ChannelSettings channel = channel(ctx.queryParam("for"));
        String text = Optional.ofNullable(ctx.formParam("text." + channel.name())).orElseGet(() -> Optional.ofNullable(ctx.formParam("text")).orElse(""));
        Post post = StoryIntake.handWritten(placeholderStory(), channel, clip(text));
        ctx.html(services.views().render("compose/count.jte", count(post)));
    }

    /** POST /compose/recompose (the whole form): every channel's post composed again from the edited headline. */
    public void recompose(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        ComposeForm form = ComposeForm.parse(ctx.formParamMap());
        Optional<Story> story = form.editedStory();
        if (story.isEmpty()) throw new Halt(422, "Read a story first (and give it a headline); nothing was changed.");
        ctx.html(services.views().render("compose/posts.jte", posts(form, story.get(), true)));
    }

    /** GET /compose/done?rows=1,2: the rows just created, each linked to the queue and its history. */
    public void done(Context ctx) {
        Session session = Guard.require(ctx, Role.EDITOR);
        ZoneId zone = Pages.zone(services, session);
        List<CreatedRow> rows = new ArrayList<>();
        for (String part : Optional.ofNullable(ctx.queryParam("rows")).orElse("").split(",")) {
            if (rows.size() >= 50) break;
            try {
                services.outbox().find(Long.parseLong(part.strip())).ifPresent(e -> rows.add(created(e, zone)));
            } catch (NumberFormatException ignored) {
                // not a row id: shown as nothing, like a row that is gone
            }
        }
        String ids = String.join(",", rows.stream().map(r -> Long.toString(r.id())).toList());
        ctx.html(services.views().render("compose/done.jte", new DoneView(Pages.frame(ctx, services, "Composed", "compose"), rows, ids)));
    }

    private void read(Context ctx, ComposeForm form, ZoneId mine, String actor) {
        boolean hasUrl = !form.url().isBlank();
        boolean hasText = !form.pasted().isBlank();
        if (hasUrl == hasText) {
            render(ctx, 422, form, Optional.of(hasUrl ? "Give a page's address or pasted text, not both."
                    : "Give a page's address, or paste the story's text (first line the headline) with its link."), mine);
            return;
        }
        Optional<URI> link = Optional.empty();
        if (!form.link().isBlank()) {
            if (!Shown.isHttp(form.link())) {
                render(ctx, 422, form, Optional.of("The link must be an http(s) address, not '" + shorten(form.link()) + "'."), mine);
                return;
            }
            link = Optional.of(URI.create(form.link().strip().replace(" ", "%20")));
        }
        StoryIntake.Read read = intake.readStory(hasUrl ? Optional.of(form.url()) : Optional.empty(),
                hasText ? Optional.of(form.pasted()) : Optional.empty(), link);
        if (read instanceof StoryIntake.Read.Invalid invalid) {
            String what = switch (invalid.field()) {
                case "url" -> "The page could not be used: ";
                case "link" -> "The link is missing: ";
                default -> "The text could not be used: ";
            };
            render(ctx, 422, form, Optional.of(what + invalid.message()), mine);
            return;
        }
        Story story = ((StoryIntake.Read.Ok) read).story();
        services.activity().record(actor, "compose", Optional.empty(), Optional.of(story.link().map(URI::toString).orElse("")),
                "read " + (hasUrl ? form.url() : "pasted text") + ": " + story.headline() + " (headline confidence " + story.confidence().id() + ")");
        ComposeForm fresh = new ComposeForm("read", form.url(), form.pasted(), form.link(), story.headline(), story.headline(), hidden(story),
                false, java.util.Set.of(), Map.of(), form.zone(), form.at(), form.again());
        render(ctx, 200, fresh, Optional.empty(), mine);
    }

    private void queue(Context ctx, ComposeForm form, ZoneId mine, String actor, boolean schedule) {
        Optional<Story> edited = form.editedStory();
        if (!form.hasStory()) {
            render(ctx, 422, form, Optional.of("Read the story first: give its address or text and press Read."), mine);
            return;
        }
        if (edited.isEmpty()) {
            render(ctx, 422, form, Optional.of("The headline is empty; write one before posting."), mine);
            return;
        }
        if (form.headlineChanged()) {
            render(ctx, 422, form, Optional.of("The headline changed, so every channel's post was composed again from it; "
                    + "check them, then post. Nothing was queued."), mine);
            return;
        }
        ZoneId zone;
        if (form.zoneOr(mine) instanceof ComposeForm.ZoneOrProblem.Problem problem) {
            render(ctx, 422, form, Optional.of(problem.message() + ". Nothing was queued."), mine);
            return;
        } else {
            zone = ((ComposeForm.ZoneOrProblem.Zone) form.zoneOr(mine)).zone();
        }
        Optional<Instant> at = Optional.empty();
        if (schedule) {
            RescheduleForm.Parsed parsed = form.time(zone);
            if (parsed instanceof RescheduleForm.Parsed.Invalid invalid) {
                render(ctx, 422, form, Optional.of("To schedule, " + invalid.message() + ". Nothing was queued."), mine);
                return;
            }
            at = Optional.of(((RescheduleForm.Parsed.Ok) parsed).form().at());
        }
        Story story = edited.get();
        List<Post> posts = new ArrayList<>();
        for (ChannelPost shown : posts(form, story, false).channels()) {
            if (!shown.checked()) continue;
            ChannelSettings channel = channel(shown.name());
            posts.add(StoryIntake.handWritten(story, channel, shown.text()));
        }
        StoryIntake.ByHandResult result = intake.queueByHand(story, posts, at, form.again());
        if (result instanceof StoryIntake.ByHandResult.Invalid invalid) {
            String message = invalid.field().equals("at") ? Shown.time(at.orElseThrow(), zone) + ": " + invalid.message() : invalid.message();
            render(ctx, 422, form, Optional.of(capitalise(message) + ". Nothing was queued."), mine);
            return;
        }
        if (result instanceof StoryIntake.ByHandResult.AlreadyThere there) {
            List<String> lines = there.existing().stream().map(ComposePage::alreadyThere).toList();
            render(ctx, 409, form, Optional.of(String.join("; ", lines) + ". Nothing was queued; tick \u201cpost again\u201d to queue it once more "
                    + "on " + (lines.size() == 1 ? "that channel" : "those channels") + ", or untick " + (lines.size() == 1 ? "it" : "them") + "."), mine);
            return;
        }
        StoryIntake.ByHandResult.Queued queued = (StoryIntake.ByHandResult.Queued) result;
        List<String> rows = new ArrayList<>();
        for (Outbox.ByHand.Added added : queued.rows()) {
            String channel = added.queued().post().channel();
            services.activity().record(actor, schedule ? "compose-schedule" : "compose-post", Optional.of(added.id()), Optional.of(channel),
                    "due " + queued.due() + (form.again() ? " (post again)" : "") + "\n" + added.queued().post().text());
            rows.add("row " + added.id() + " (" + channel + ")");
        }
        String when = schedule ? "scheduled for " + Shown.time(queued.due(), zone) + queued.note().map(n -> " (" + n + ")").orElse("")
                : "due now, sent at the next dispatch";
        Pages.redirectWithNotice(ctx, services, "/compose/done?rows=" + String.join(",", queued.rows().stream().map(a -> Long.toString(a.id())).toList()),
                "Queued " + String.join(", ", rows) + ": " + when + ".", false);
    }

    /** The message for a channel that already has the story: it names the row and where it stands. */
    static String alreadyThere(OutboxEntry row) {
        String channel = "channel " + row.channel();
        return switch (row.state()) {
            case SENT -> channel + " already posted this story (row " + row.id() + ", SENT " + row.sentAt().map(Object::toString).orElse("?") + ")"
                    // X takes a repeat of a recent tweet's exact words for a duplicate, and Herald counts that refusal as posted
                    + (row.network().equals(Network.X.id()) ? " (to post it again on X, change the tweet's words: X turns down an exact repeat)" : "");
            case FAILED, EXPIRED, CANCELLED -> channel + " already has this story as row " + row.id() + " (" + row.state() + ")";
            default -> channel + " already has this story queued as row " + row.id() + " (" + row.state() + ", due " + row.nextAttempt() + ")";
        };
    }

    private void render(Context ctx, int status, ComposeForm form, Optional<String> error, ZoneId mine) {
        Optional<Story> story = form.editedStory();
        ZoneId zone = form.zoneOr(mine) instanceof ComposeForm.ZoneOrProblem.Zone z ? z.zone() : mine;
        String zoneShown = form.zone().isEmpty() ? zone.getId() : form.zone();
        Optional<StoryShown> shown = story.map(s -> new StoryShown(s.headline(), s.link().map(URI::toString).orElse(""),
                Shown.safeLink(s.link()), s.summary(), s.confidence().id(), s.confidenceReason(), form.story()));
        Posts posts = story.map(s -> posts(form, s, false)).orElse(new Posts("", List.of()));
        ctx.status(status).html(services.views().render("compose.jte", new View(Pages.frame(ctx, services, "Compose", "compose"), form, error,
                shown, posts, zoneShown, ZONES)));
    }

    /**
     * Every channel's post. A channel's text as the person left it is kept while the headline is the one it was
     * composed from; once the headline changes (or {@code recompose}), every channel is composed again from it.
     */
    private Posts posts(ComposeForm form, Story story, boolean recompose) {
        boolean fresh = recompose || form.headlineChanged();
        List<ChannelPost> out = new ArrayList<>();
        for (ChannelSettings channel : services.settings().channels()) {
            String typed = form.texts().get(channel.name());
            // just read: composed as preview composes it; the headline edited: kept as written, so an X post too long is counted over
            Post post = typed == null ? StoryIntake.compose(story, channel)
                    : fresh ? StoryIntake.composeEdited(story, channel) : StoryIntake.handWritten(story, channel, typed);
            String text = typed == null || fresh ? post.text() : typed;
            boolean checked = !form.picked() || form.channels().contains(channel.name());
            String link = post.link().map(URI::toString).orElse("");
            out.add(new ChannelPost(channel.name(), channel.network().id(), channel.network() == Network.X, channel.dryRun(), checked, text, link,
                    Shown.safeLink(post.link()), count(post)));
        }
        return new Posts(fresh ? story.headline() : form.composedFrom().isEmpty() ? story.headline() : form.composedFrom(), out);
    }

    private static Count count(Post post) {
        return new Count(post.channel(), post.weightedLength(), post.maxLength(), post.valid());
    }

    private CreatedRow created(OutboxEntry e, ZoneId zone) {
        return new CreatedRow(e.id(), e.channel(), e.network(), e.state().name(), e.text(), Shown.time(e.due(), zone), e.dryRun(),
                "/queue" + Pages.query(Pages.params("channel", e.channel())) + "#row-" + e.id(), RowPage.calendarLink(e, zone));
    }

    private ChannelSettings channel(String name) {
        return services.settings().channels().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new Halt(404, "There is no channel '" + shorten(String.valueOf(name)) + "'."));
    }

    private static Map<String, String> hidden(Story story) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("story-source", story.source());
        fields.put("story-link", story.link().map(URI::toString).orElse(""));
        fields.put("story-summary", story.summary());
        fields.put("story-lang", story.lang());
        fields.put("story-dir", story.dir().id());
        fields.put("story-confidence", story.confidence().id());
        fields.put("story-reason", story.confidenceReason());
        return fields;
    }

    /** The count endpoint counts text alone; the story only lends the link composing would add (none here). */
    private static Story placeholderStory() {
        return new Story("count", "count", Optional.empty(), "", "und", org.herald.condense.Direction.LTR, Optional.empty(), Optional.empty(),
                Optional.empty(), org.herald.condense.Confidence.HIGH, "counted");
    }

    private static String clip(String text) {
        return text.length() > 100_000 ? text.substring(0, 100_000) : text;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
