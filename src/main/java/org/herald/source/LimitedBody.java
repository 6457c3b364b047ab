package org.herald.source;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte limit. Past the limit it stops reading and cancels the exchange
 * instead of buffering whatever a server cares to send.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<LimitedBody.Bytes> {
    /** The body as read; {@code overflowed} when the server sent more than the limit (the bytes are then partial). */
    record Bytes(byte[] bytes, boolean overflowed) {
    }

    private final long limit;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final CompletableFuture<Bytes> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private volatile boolean overflowed;

    LimitedBody(long limit) {
        this.limit = limit;
    }

    /** A body that is refused before a byte of it is read (its declared length is already over the limit). */
    static LimitedBody refused() {
        return new LimitedBody(-1);
    }

    @Override
    public CompletionStage<Bytes> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (limit < 0) {
            overflow();
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) return;
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            if (collected.size() + (long) n > limit) {
                overflow();
                return;
            }
            byte[] chunk = new byte[n];
            buffer.get(chunk);
            collected.write(chunk, 0, n);
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    private void overflow() {
        overflowed = true;
        subscription.cancel();
        result.complete(new Bytes(new byte[0], true));
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Bytes(collected.toByteArray(), false));
    }
}
