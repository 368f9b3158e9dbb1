package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.record.Records;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * Fetch response, versions 4-12 (flexible 12). The v12 partition tagged fields ({@code DivergingEpoch},
 * {@code CurrentLeader}, {@code SnapshotId}) are skipped on read and not written. Decoded record sets are slices
 * of the frame buffer and are valid only while it is.
 *
 * @param throttleTimeMs quota throttle time
 * @param errorCode      the top-level error code (v7+; 0 before)
 * @param sessionId      the fetch session id, or 0 for none (v7+)
 * @param responses      the data by topic and partition
 */
public record FetchResponse(int throttleTimeMs, short errorCode, int sessionId,
        List<FetchableTopicResponse> responses) implements ApiMessage {

    /** Reads the body of a {@code version} Fetch response. */
    public static FetchResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.FETCH.isFlexible(version);
        int throttleTimeMs = in.readInt32();
        short errorCode = 0;
        int sessionId = 0;
        if (version >= 7) {
            errorCode = in.readInt16();
            sessionId = in.readInt32();
        }
        List<FetchableTopicResponse> responses = in.readArray(flexible, r -> {
            String topic = r.readString(flexible);
            List<PartitionData> partitions = r.readArray(flexible, p -> PartitionData.read(p, version, flexible));
            if (flexible) {
                r.skipTaggedFields();
            }
            return new FetchableTopicResponse(topic, partitions);
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new FetchResponse(throttleTimeMs, errorCode, sessionId, responses);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.FETCH;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(throttleTimeMs);
        if (version >= 7) {
            out.writeInt16(errorCode);
            out.writeInt32(sessionId);
        }
        out.writeArray(responses, flexible, (w, t) -> {
            w.writeString(t.topic(), flexible);
            w.writeArray(t.partitions(), flexible, (pw, p) -> p.write(pw, version, flexible));
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The data for one topic.
     *
     * @param topic      the topic name
     * @param partitions the data per partition
     */
    public record FetchableTopicResponse(String topic, List<PartitionData> partitions) {
    }

    /**
     * The data for one partition.
     *
     * @param partitionIndex       the partition index
     * @param errorCode            the error code, or 0
     * @param highWatermark        the high watermark
     * @param lastStableOffset     the last stable offset
     * @param logStartOffset       the log start offset (v5+; -1 before)
     * @param abortedTransactions  aborted transactions in the returned range, or null
     * @param preferredReadReplica the replica to fetch from next, or -1 (v11+)
     * @param records              the record batches, or null
     */
    public record PartitionData(int partitionIndex, short errorCode, long highWatermark, long lastStableOffset,
            long logStartOffset, List<AbortedTransaction> abortedTransactions, int preferredReadReplica,
            Records records) {

        static PartitionData read(WireReader in, short version, boolean flexible) {
            int partitionIndex = in.readInt32();
            short errorCode = in.readInt16();
            long highWatermark = in.readInt64();
            long lastStableOffset = in.readInt64();
            long logStartOffset = version >= 5 ? in.readInt64() : -1L;
            List<AbortedTransaction> aborted = in.readNullableArray(flexible, r -> {
                AbortedTransaction a = new AbortedTransaction(r.readInt64(), r.readInt64());
                if (flexible) {
                    r.skipTaggedFields();
                }
                return a;
            });
            int preferredReadReplica = version >= 11 ? in.readInt32() : -1;
            Records records = in.readRecords(flexible);
            if (flexible) {
                in.skipTaggedFields();
            }
            return new PartitionData(partitionIndex, errorCode, highWatermark, lastStableOffset, logStartOffset,
                    aborted, preferredReadReplica, records);
        }

        void write(WireWriter out, short version, boolean flexible) {
            out.writeInt32(partitionIndex);
            out.writeInt16(errorCode);
            out.writeInt64(highWatermark);
            out.writeInt64(lastStableOffset);
            if (version >= 5) {
                out.writeInt64(logStartOffset);
            }
            out.writeArray(abortedTransactions, flexible, (w, a) -> {
                w.writeInt64(a.producerId());
                w.writeInt64(a.firstOffset());
                if (flexible) {
                    w.writeEmptyTaggedFields();
                }
            });
            if (version >= 11) {
                out.writeInt32(preferredReadReplica);
            }
            out.writeRecords(records, flexible);
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }

    /**
     * An aborted transaction overlapping the returned records.
     *
     * @param producerId  the transaction's producer id
     * @param firstOffset the transaction's first offset
     */
    public record AbortedTransaction(long producerId, long firstOffset) {
    }
}
