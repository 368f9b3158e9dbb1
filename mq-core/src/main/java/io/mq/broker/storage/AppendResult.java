package io.mq.broker.storage;

import io.mq.protocol.Errors;
import java.util.concurrent.CompletableFuture;

/**
 * Outcome of {@link CommitLogStore#append}.
 *
 * @param error          {@link Errors#NONE} on success (including a duplicate), otherwise why nothing was appended
 * @param baseOffset     offset assigned to the batch's first record (the original one for a duplicate), {@code -1} on error
 * @param logStartOffset the partition's log start offset, {@code -1} if the partition is unknown
 * @param duplicate      whether the batch was a retry of a cached idempotent batch and was not appended again
 * @param durable        completes once the entry is on disk (SYNC mode: after the covering fsync; ASYNC mode and
 *                       errors: already complete); completes exceptionally with {@link StorageException} if the
 *                       fsync failed
 */
public record AppendResult(Errors error, long baseOffset, long logStartOffset, boolean duplicate,
        CompletableFuture<Void> durable) {

    static AppendResult failed(Errors error, long logStartOffset) {
        return new AppendResult(error, -1, logStartOffset, false, CompletableFuture.completedFuture(null));
    }
}
