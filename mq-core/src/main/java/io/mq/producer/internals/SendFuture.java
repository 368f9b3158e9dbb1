package io.mq.producer.internals;

import io.mq.producer.SendCallback;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import java.util.concurrent.CompletableFuture;

/**
 * The future {@code send(record)} returns, which is also the record's {@link SendCallback}: the engine completes
 * futures and callbacks the same way, with no extra object per record. Stages derived from it are plain
 * {@link CompletableFuture}s.
 */
final class SendFuture extends CompletableFuture<SendResult> implements SendCallback {

    @Override
    public void onCompletion(SendResult result, SendFailedException failure) {
        if (failure == null) {
            complete(result);
        } else {
            completeExceptionally(failure);
        }
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
