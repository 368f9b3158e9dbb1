package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * Fetch request, versions 4-12 (flexible 12). The v12 top-level tagged {@code ClusterId} is skipped on read and
 * not written. Fields a version cannot carry read as their defaults and are not written.
 *
 * @param replicaId           the follower's broker id, or -1 for a consumer
 * @param maxWaitMs           how long the broker may wait for {@code minBytes}
 * @param minBytes            the bytes to accumulate before answering
 * @param maxBytes            the maximum bytes in the whole response
 * @param isolationLevel      0 read uncommitted, 1 read committed
 * @param sessionId           the fetch session id (v7+; 0 before)
 * @param sessionEpoch        the fetch session epoch (v7+; -1 before)
 * @param topics              the partitions to fetch
 * @param forgottenTopicsData partitions to remove from an incremental session (v7+; empty before)
 * @param rackId              the consumer's rack (v11+; empty before)
 */
public record FetchRequest(int replicaId, int maxWaitMs, int minBytes, int maxBytes, byte isolationLevel,
        int sessionId, int sessionEpoch, List<FetchTopic> topics, List<ForgottenTopic> forgottenTopicsData,
        String rackId) implements ApiMessage {

    /** Reads the body of a {@code version} Fetch request. */
    public static FetchRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.FETCH.isFlexible(version);
        int replicaId = in.readInt32();
        int maxWaitMs = in.readInt32();
        int minBytes = in.readInt32();
        int maxBytes = in.readInt32();
        byte isolationLevel = in.readInt8();
        int sessionId = 0;
        int sessionEpoch = -1;
        if (version >= 7) {
            sessionId = in.readInt32();
            sessionEpoch = in.readInt32();
        }
        List<FetchTopic> topics = in.readArray(flexible, r -> FetchTopic.read(r, version, flexible));
        List<ForgottenTopic> forgotten = List.of();
        if (version >= 7) {
            forgotten = in.readArray(flexible, r -> {
                ForgottenTopic f = new ForgottenTopic(r.readString(flexible), r.readInt32Array(flexible));
                if (flexible) {
                    r.skipTaggedFields();
                }
                return f;
            });
        }
        String rackId = version >= 11 ? in.readString(flexible) : "";
        if (flexible) {
            in.skipTaggedFields();
        }
        return new FetchRequest(replicaId, maxWaitMs, minBytes, maxBytes, isolationLevel, sessionId, sessionEpoch,
                topics, forgotten, rackId);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.FETCH;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(replicaId);
        out.writeInt32(maxWaitMs);
        out.writeInt32(minBytes);
        out.writeInt32(maxBytes);
        out.writeInt8(isolationLevel);
        if (version >= 7) {
            out.writeInt32(sessionId);
            out.writeInt32(sessionEpoch);
        }
        out.writeArray(topics, flexible, (w, t) -> t.write(w, version, flexible));
        if (version >= 7) {
            out.writeArray(forgottenTopicsData, flexible, (w, f) -> {
                w.writeString(f.topic(), flexible);
                w.writeInt32Array(f.partitions(), flexible);
                if (flexible) {
                    w.writeEmptyTaggedFields();
                }
            });
        }
        if (version >= 11) {
            out.writeString(rackId, flexible);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The partitions to fetch from one topic.
     *
     * @param topic      the topic name
     * @param partitions the partitions and their positions
     */
    public record FetchTopic(String topic, List<FetchPartition> partitions) {

        static FetchTopic read(WireReader in, short version, boolean flexible) {
            String topic = in.readString(flexible);
            List<FetchPartition> partitions = in.readArray(flexible, r -> FetchPartition.read(r, version, flexible));
            if (flexible) {
                in.skipTaggedFields();
            }
            return new FetchTopic(topic, partitions);
        }

        void write(WireWriter out, short version, boolean flexible) {
            out.writeString(topic, flexible);
            out.writeArray(partitions, flexible, (w, p) -> p.write(w, version, flexible));
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }

    /**
     * One partition to fetch.
     *
     * @param partition          the partition index
     * @param currentLeaderEpoch the leader epoch the fetcher knows (v9+; -1 before or when unknown)
     * @param fetchOffset        the first offset to return
     * @param lastFetchedEpoch   the epoch of the last fetched record (v12+; -1 before or when none)
     * @param logStartOffset     the follower's log start offset, -1 for consumers
     * @param partitionMaxBytes  the maximum bytes to return for this partition
     */
    public record FetchPartition(int partition, int currentLeaderEpoch, long fetchOffset, int lastFetchedEpoch,
            long logStartOffset, int partitionMaxBytes) {

        static FetchPartition read(WireReader in, short version, boolean flexible) {
            int partition = in.readInt32();
            int currentLeaderEpoch = version >= 9 ? in.readInt32() : -1;
            long fetchOffset = in.readInt64();
            int lastFetchedEpoch = version >= 12 ? in.readInt32() : -1;
            long logStartOffset = version >= 5 ? in.readInt64() : -1L;
            int partitionMaxBytes = in.readInt32();
            if (flexible) {
                in.skipTaggedFields();
            }
            return new FetchPartition(partition, currentLeaderEpoch, fetchOffset, lastFetchedEpoch, logStartOffset,
                    partitionMaxBytes);
        }

        void write(WireWriter out, short version, boolean flexible) {
            out.writeInt32(partition);
            if (version >= 9) {
                out.writeInt32(currentLeaderEpoch);
            }
            out.writeInt64(fetchOffset);
            if (version >= 12) {
                out.writeInt32(lastFetchedEpoch);
            }
            if (version >= 5) {
                out.writeInt64(logStartOffset);
            }
            out.writeInt32(partitionMaxBytes);
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }

    /**
     * Partitions an incremental fetch session should stop tracking.
     *
     * @param topic      the topic name
     * @param partitions the partition indexes to forget
     */
    public record ForgottenTopic(String topic, List<Integer> partitions) {
    }
}
