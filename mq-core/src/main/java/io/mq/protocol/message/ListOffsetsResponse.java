package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * ListOffsets response, versions 1-9 (flexible from 6).
 *
 * @param throttleTimeMs quota throttle time (v2+; 0 before)
 * @param topics         the offsets found by topic and partition
 */
public record ListOffsetsResponse(int throttleTimeMs, List<ListOffsetsTopicResponse> topics) implements ApiMessage {

    /** Reads the body of a {@code version} ListOffsets response. */
    public static ListOffsetsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.LIST_OFFSETS.isFlexible(version);
        int throttleTimeMs = version >= 2 ? in.readInt32() : 0;
        List<ListOffsetsTopicResponse> topics = in.readArray(flexible, r -> {
            String name = r.readString(flexible);
            List<ListOffsetsPartitionResponse> partitions = r.readArray(flexible, p -> {
                int partitionIndex = p.readInt32();
                short errorCode = p.readInt16();
                long timestamp = p.readInt64();
                long offset = p.readInt64();
                int leaderEpoch = version >= 4 ? p.readInt32() : -1;
                if (flexible) {
                    p.skipTaggedFields();
                }
                return new ListOffsetsPartitionResponse(partitionIndex, errorCode, timestamp, offset, leaderEpoch);
            });
            if (flexible) {
                r.skipTaggedFields();
            }
            return new ListOffsetsTopicResponse(name, partitions);
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new ListOffsetsResponse(throttleTimeMs, topics);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.LIST_OFFSETS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 2) {
            out.writeInt32(throttleTimeMs);
        }
        out.writeArray(topics, flexible, (w, t) -> {
            w.writeString(t.name(), flexible);
            w.writeArray(t.partitions(), flexible, (pw, p) -> {
                pw.writeInt32(p.partitionIndex());
                pw.writeInt16(p.errorCode());
                pw.writeInt64(p.timestamp());
                pw.writeInt64(p.offset());
                if (version >= 4) {
                    pw.writeInt32(p.leaderEpoch());
                }
                if (flexible) {
                    pw.writeEmptyTaggedFields();
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
     * The offsets found in one topic.
     *
     * @param name       the topic name
     * @param partitions the result per partition
     */
    public record ListOffsetsTopicResponse(String name, List<ListOffsetsPartitionResponse> partitions) {
    }

    /**
     * The offset found for one partition.
     *
     * @param partitionIndex the partition index
     * @param errorCode      the error code, or 0
     * @param timestamp      the timestamp of the returned offset, or -1
     * @param offset         the returned offset, or -1
     * @param leaderEpoch    the leader epoch of the returned offset (v4+; -1 before or when unknown)
     */
    public record ListOffsetsPartitionResponse(int partitionIndex, short errorCode, long timestamp, long offset,
            int leaderEpoch) {
    }
}
