package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * OffsetCommit response, versions 2-9 (flexible from 8). Errors are reported per partition.
 *
 * @param throttleTimeMs quota throttle time (v3+; 0 before)
 * @param topics         the result per topic, mirroring the request
 */
public record OffsetCommitResponse(int throttleTimeMs, List<OffsetCommitResponseTopic> topics) implements ApiMessage {

    /** Decodes a response body of {@code version}. */
    public static OffsetCommitResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.OFFSET_COMMIT.isFlexible(version);
        int throttleTimeMs = version >= 3 ? in.readInt32() : 0;
        List<OffsetCommitResponseTopic> topics = in.readArray(flexible, r -> {
            String name = r.readString(flexible);
            List<OffsetCommitResponsePartition> partitions = r.readArray(flexible, p -> {
                OffsetCommitResponsePartition partition = new OffsetCommitResponsePartition(p.readInt32(),
                        p.readInt16());
                if (flexible) {
                    p.skipTaggedFields();
                }
                return partition;
            });
            if (flexible) {
                r.skipTaggedFields();
            }
            return new OffsetCommitResponseTopic(name, partitions);
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new OffsetCommitResponse(throttleTimeMs, topics);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.OFFSET_COMMIT;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 3) {
            out.writeInt32(throttleTimeMs);
        }
        out.writeArray(topics, flexible, (w, topic) -> {
            w.writeString(topic.name(), flexible);
            w.writeArray(topic.partitions(), flexible, (p, partition) -> {
                p.writeInt32(partition.partitionIndex());
                p.writeInt16(partition.errorCode());
                if (flexible) {
                    p.writeEmptyTaggedFields();
                }
            });
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The commit results for one topic.
     *
     * @param name       the topic
     * @param partitions one entry per partition
     */
    public record OffsetCommitResponseTopic(String name, List<OffsetCommitResponsePartition> partitions) {
    }

    /**
     * The commit result for one partition.
     *
     * @param partitionIndex the partition
     * @param errorCode      the error, or 0
     */
    public record OffsetCommitResponsePartition(int partitionIndex, short errorCode) {
    }
}
