package dev.ticdcctl.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Collects an answer's body up to {@code cap} bytes, refusing one that declares or sends more without reading
 * further; notes when the headers came, waits for the whole answer until the deadline, and can stop the body when the
 * time is up. One instance per exchange.
 */
final class CappedBody implements HttpResponse.BodyHandler<byte[]>, HttpResponse.BodySubscriber<byte[]> {
    /**
     * How long past the deadline to let the HTTP client report a late answer itself, when no headers came: it knows
     * whether connecting (or the TLS handshake) or the answer was late, which the message then says.
     */
    private static final long VERDICT_GRACE_MILLIS = 200;

    /** An answer whose body passed the cap; the exchange is cancelled. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the answer exceeds the size limit");
        }
    }

    private final long cap;
    /** HEAD: the Content-Length is that of a body not sent. */
    private final boolean bodiless;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>();
    private long size;
    private long declared = -1;
    private volatile boolean headersArrived;
    private volatile Flow.Subscription subscription;

    CappedBody(long cap, boolean bodiless) {
        this.cap = cap;
        this.bodiless = bodiless;
    }

    /** Whether the answer's headers came: a late or broken answer is then one cut short, not one never given. */
    boolean headersArrived() {
        return headersArrived;
    }

    /**
     * Waits for the whole answer until {@code budget} nanoseconds have passed. When no headers came by then, the HTTP
     * client's own timeout fires at the same moment: its verdict, which says which phase was late, is taken if it
     * comes within a short grace.
     */
    HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> exchange, long budget)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return exchange.get(budget, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (headersArrived) {
                throw e;
            }
            return exchange.get(VERDICT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        headersArrived = true;
        declared = bodiless ? -1 : info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return this;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declared > cap) {
            refuse();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            size += buffer.remaining();
        }
        if (size > cap) {
            refuse();
        } else {
            received.addAll(buffers);
        }
    }

    private void refuse() {
        received.clear();
        subscription.cancel();
        body.completeExceptionally(new TooLarge());
    }

    @Override
    public void onError(Throwable throwable) {
        received.clear();
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (body.isDone()) {
            return;
        }
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (ByteBuffer buffer : received) {
            int n = buffer.remaining();
            buffer.get(bytes, at, n);
            at += n;
        }
        received.clear();
        body.complete(bytes);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    /** Stops reading a body that is still coming; a no-op once it is complete. */
    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null && !body.isDone()) {
            current.cancel();
            body.cancel(false);
        }
    }
}
