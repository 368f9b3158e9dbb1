package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * OffsetCommit request, versions 2-9 (flexible from 8): a member (or the admin, with generation -1) stores
 * committed offsets for a group.
 *
 * @param groupId                   the group
 * @param generationIdOrMemberEpoch the generation of a classic group, or -1 for a commit from outside the group
 * @param memberId                  the member id, or empty for a commit from outside the group
 * @param groupInstanceId           the static member id (v7+; {@code null} for dynamic members and before v7)
 * @param retentionTimeMs           how long to keep the offsets (v2-4 only; -1 means the broker default)
 * @param topics                    the offsets to commit, per topic
 */
public record OffsetCommitRequest(String groupId, int generationIdOrMemberEpoch, String memberId,
        String groupInstanceId, long retentionTimeMs, List<OffsetCommitRequestTopic> topics) implements ApiMessage {

    /** Decodes a request body of {@code version}. */
    public static OffsetCommitRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.OFFSET_COMMIT.isFlexible(version);
        String groupId = in.readString(flexible);
        int generation = in.readInt32();
        String memberId = in.readString(flexible);
        String groupInstanceId = version >= 7 ? in.readNullableString(flexible) : null;
        long retentionTimeMs = version <= 4 ? in.readInt64() : -1L;
        List<OffsetCommitRequestTopic> topics = in.readArray(flexible, r -> {
            String name = r.readString(flexible);
            List<OffsetCommitRequestPartition> partitions = r.readArray(flexible, p -> {
                int partitionIndex = p.readInt32();
                long committedOffset = p.readInt64();
                int committedLeaderEpoch = version >= 6 ? p.readInt32() : -1;
                String committedMetadata = p.readNullableString(flexible);
                if (flexible) {
                    p.skipTaggedFields();
                }
                return new OffsetCommitRequestPartition(partitionIndex, committedOffset, committedLeaderEpoch,
                        committedMetadata);
            });
            if (flexible) {
                r.skipTaggedFields();
            }
            return new OffsetCommitRequestTopic(name, partitions);
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new OffsetCommitRequest(groupId, generation, memberId, groupInstanceId, retentionTimeMs, topics);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.OFFSET_COMMIT;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeString(groupId, flexible);
        out.writeInt32(generationIdOrMemberEpoch);
        out.writeString(memberId, flexible);
        if (version >= 7) {
            out.writeNullableString(groupInstanceId, flexible);
        }
        if (version <= 4) {
            out.writeInt64(retentionTimeMs);
        }
        out.writeArray(topics, flexible, (w, topic) -> {
            w.writeString(topic.name(), flexible);
            w.writeArray(topic.partitions(), flexible, (p, partition) -> {
                p.writeInt32(partition.partitionIndex());
                p.writeInt64(partition.committedOffset());
                if (version >= 6) {
                    p.writeInt32(partition.committedLeaderEpoch());
                }
                p.writeNullableString(partition.committedMetadata(), flexible);
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
     * The offsets to commit for one topic.
     *
     * @param name       the topic
     * @param partitions one entry per partition
     */
    public record OffsetCommitRequestTopic(String name, List<OffsetCommitRequestPartition> partitions) {
    }

    /**
     * The offset to commit for one partition.
     *
     * @param partitionIndex       the partition
     * @param committedOffset      the offset of the next record to consume
     * @param committedLeaderEpoch the leader epoch of the last consumed record (v6+; -1 before or when unknown)
     * @param committedMetadata    client metadata stored with the offset, may be {@code null}
     */
    public record OffsetCommitRequestPartition(int partitionIndex, long committedOffset, int committedLeaderEpoch,
            String committedMetadata) {
    }
}
