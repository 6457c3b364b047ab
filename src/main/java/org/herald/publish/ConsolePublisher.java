package org.herald.publish;

import org.herald.compose.Post;

import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dry-run publisher: prints exactly what would be sent (a header line naming the channel and network,
 * then the text, and for Facebook the link field) and reports it published with a {@code dry-run:} id.
 */
public final class ConsolePublisher implements Publisher {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String channel;
    private final PrintStream out;

    public ConsolePublisher(String channel, PrintStream out) {
        this.channel = channel;
        this.out = out;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public PublishOutcome publish(Post post) {
        StringBuilder b = new StringBuilder();
        b.append("── dry-run ").append(channel).append(" (").append(post.network().id()).append(")\n");
        for (String line : post.text().split("\n", -1)) b.append("  │ ").append(line).append('\n');
        if (post.network() == org.herald.config.Network.FACEBOOK) {
            b.append("  link: ").append(post.link().map(URI::toString).orElse("(none)")).append('\n');
        }
        synchronized (out) {
            out.print(b);
            out.flush();
        }
        String id = "dry-run:" + channel + ":" + SEQUENCE.incrementAndGet();
        return new PublishOutcome.Published(id, URI.create("dry-run:" + channel));
    }

    @Override
    public AccountCheck check() {
        return new AccountCheck.Ok("dry-run (nothing is sent)");
    }
}
