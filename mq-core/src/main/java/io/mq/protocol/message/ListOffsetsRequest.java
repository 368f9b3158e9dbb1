package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * ListOffsets request, versions 1-9 (flexible from 6).
 *
 * @param replicaId      the requesting broker's id, or -1 for a client
 * @param isolationLevel 0 read uncommitted, 1 read committed (v2+; 0 before)
 * @param topics         the partitions to look up
 */
public record ListOffsetsRequest(int replicaId, byte isolationLevel, List<ListOffsetsTopic> topics)
        implements ApiMessage {

    /** Reads the body of a {@code version} ListOffsets request. */
    public static ListOffsetsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.LIST_OFFSETS.isFlexible(version);
        int replicaId = in.readInt32();
        byte isolationLevel = version >= 2 ? in.readInt8() : 0;
        List<ListOffsetsTopic> topics = in.readArray(flexible, r -> {
            String name = r.readString(flexible);
            List<ListOffsetsPartition> partitions = r.readArray(flexible, p -> {
                int partitionIndex = p.readInt32();
                int currentLeaderEpoch = version >= 4 ? p.readInt32() : -1;
                long timestamp = p.readInt64();
                if (flexible) {
                    p.skipTaggedFields();
                }
                return new ListOffsetsPartition(partitionIndex, currentLeaderEpoch, timestamp);
            });
            if (flexible) {
                r.skipTaggedFields();
            }
            return new ListOffsetsTopic(name, partitions);
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new ListOffsetsRequest(replicaId, isolationLevel, topics);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.LIST_OFFSETS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(replicaId);
        if (version >= 2) {
            out.writeInt8(isolationLevel);
        }
        out.writeArray(topics, flexible, (w, t) -> {
            w.writeString(t.name(), flexible);
            w.writeArray(t.partitions(), flexible, (pw, p) -> {
                pw.writeInt32(p.partitionIndex());
                if (version >= 4) {
                    pw.writeInt32(p.currentLeaderEpoch());
                }
                pw.writeInt64(p.timestamp());
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
     * The partitions to look up in one topic.
     *
     * @param name       the topic name
     * @param partitions the partitions and target timestamps
     */
    public record ListOffsetsTopic(String name, List<ListOffsetsPartition> partitions) {
    }

    /**
     * One partition to look up.
     *
     * @param partitionIndex     the partition index
     * @param currentLeaderEpoch the leader epoch the client knows (v4+; -1 before or when unknown)
     * @param timestamp          the target timestamp, or -1 latest, -2 earliest, -3 max timestamp and so on
     */
    public record ListOffsetsPartition(int partitionIndex, int currentLeaderEpoch, long timestamp) {
    }
}
