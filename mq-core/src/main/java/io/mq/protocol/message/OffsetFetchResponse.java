package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * OffsetFetch response, versions 1-9 (flexible from 6). Versions 1-7 answer for one group ({@code topics},
 * {@code errorCode}); versions 8+ answer per group ({@code groups}).
 *
 * @param throttleTimeMs quota throttle time (v3+; 0 before)
 * @param topics         the offsets per topic (v1-7; empty from v8)
 * @param errorCode      the group-level error, or 0 (v2-7; 0 otherwise)
 * @param groups         the result per group (v8+; empty before)
 */
public record OffsetFetchResponse(int throttleTimeMs, List<OffsetFetchResponseTopic> topics, short errorCode,
        List<OffsetFetchResponseGroup> groups) implements ApiMessage {

    /** Decodes a response body of {@code version}. */
    public static OffsetFetchResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.OFFSET_FETCH.isFlexible(version);
        int throttleTimeMs = version >= 3 ? in.readInt32() : 0;
        List<OffsetFetchResponseTopic> topics = List.of();
        short errorCode = 0;
        List<OffsetFetchResponseGroup> groups = List.of();
        if (version <= 7) {
            topics = in.readArray(flexible, r -> readTopic(r, version, flexible));
            errorCode = version >= 2 ? in.readInt16() : 0;
        } else {
            groups = in.readArray(flexible, r -> {
                String groupId = r.readString(flexible);
                List<OffsetFetchResponseTopic> groupTopics =
                        r.readArray(flexible, t -> readTopic(t, version, flexible));
                OffsetFetchResponseGroup group = new OffsetFetchResponseGroup(groupId, groupTopics, r.readInt16());
                r.skipTaggedFields();
                return group;
            });
        }
        if (flexible) {
            in.skipTaggedFields();
        }
        return new OffsetFetchResponse(throttleTimeMs, topics, errorCode, groups);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.OFFSET_FETCH;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 3) {
            out.writeInt32(throttleTimeMs);
        }
        if (version <= 7) {
            out.writeArray(topics, flexible, (w, topic) -> writeTopic(w, topic, version, flexible));
            if (version >= 2) {
                out.writeInt16(errorCode);
            }
        } else {
            out.writeArray(groups, flexible, (w, group) -> {
                w.writeString(group.groupId(), flexible);
                w.writeArray(group.topics(), flexible, (t, topic) -> writeTopic(t, topic, version, flexible));
                w.writeInt16(group.errorCode());
                w.writeEmptyTaggedFields();
            });
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    private static OffsetFetchResponseTopic readTopic(WireReader in, short version, boolean flexible) {
        String name = in.readString(flexible);
        List<OffsetFetchResponsePartition> partitions = in.readArray(flexible, p -> {
            int partitionIndex = p.readInt32();
            long committedOffset = p.readInt64();
            int committedLeaderEpoch = version >= 5 ? p.readInt32() : -1;
            String metadata = p.readNullableString(flexible);
            short errorCode = p.readInt16();
            if (flexible) {
                p.skipTaggedFields();
            }
            return new OffsetFetchResponsePartition(partitionIndex, committedOffset, committedLeaderEpoch, metadata,
                    errorCode);
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new OffsetFetchResponseTopic(name, partitions);
    }

    private static void writeTopic(WireWriter out, OffsetFetchResponseTopic topic, short version, boolean flexible) {
        out.writeString(topic.name(), flexible);
        out.writeArray(topic.partitions(), flexible, (w, partition) -> {
            w.writeInt32(partition.partitionIndex());
            w.writeInt64(partition.committedOffset());
            if (version >= 5) {
                w.writeInt32(partition.committedLeaderEpoch());
            }
            w.writeNullableString(partition.metadata(), flexible);
            w.writeInt16(partition.errorCode());
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The committed offsets of one topic.
     *
     * @param name       the topic
     * @param partitions one entry per partition
     */
    public record OffsetFetchResponseTopic(String name, List<OffsetFetchResponsePartition> partitions) {
    }

    /**
     * The committed offset of one partition.
     *
     * @param partitionIndex       the partition
     * @param committedOffset      the committed offset, or -1 when none
     * @param committedLeaderEpoch the leader epoch stored with it (v5+; -1 before or when unknown)
     * @param metadata             the client metadata stored with it, may be {@code null}
     * @param errorCode            the partition-level error, or 0
     */
    public record OffsetFetchResponsePartition(int partitionIndex, long committedOffset, int committedLeaderEpoch,
            String metadata, short errorCode) {
    }

    /**
     * The result for one group (v8+).
     *
     * @param groupId   the group
     * @param topics    the committed offsets per topic
     * @param errorCode the group-level error, or 0
     */
    public record OffsetFetchResponseGroup(String groupId, List<OffsetFetchResponseTopic> topics, short errorCode) {
    }
}
