package io.mq.broker.storage;

import io.mq.protocol.Errors;

/**
 * Result of {@link CommitLogStore#read}. The caller owns {@code records} and must release it (directly, or by
 * handing its file regions to Netty and releasing the slice).
 *
 * @param error          {@link Errors#NONE}, {@link Errors#OFFSET_OUT_OF_RANGE},
 *                       {@link Errors#UNKNOWN_TOPIC_OR_PARTITION} or {@link Errors#KAFKA_STORAGE_ERROR}
 * @param highWatermark  the log end offset ({@code -1} if the partition is unknown)
 * @param logStartOffset the log start offset ({@code -1} if the partition is unknown)
 * @param records        whole batches starting with the one holding the fetch offset; empty on error
 */
public record FetchSlice(Errors error, long highWatermark, long logStartOffset, FileRecords records) {

    static FetchSlice failed(Errors error, long highWatermark, long logStartOffset) {
        return new FetchSlice(error, highWatermark, logStartOffset, FileRecords.empty());
    }
}
