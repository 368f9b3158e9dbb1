package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * OffsetFetch request, versions 1-9 (flexible from 6): asks for a group's committed offsets. Versions 1-7 name
 * one group ({@code groupId}, {@code topics}); versions 8+ may name several ({@code groups}).
 *
 * @param groupId       the group (v1-7; empty from v8)
 * @param topics        the partitions to fetch (v1-7; {@code null} from v2 means all topics; empty from v8)
 * @param groups        the groups to fetch (v8+; empty before)
 * @param requireStable whether to fail partitions with pending transactional commits (v7+; false before)
 */
public record OffsetFetchRequest(String groupId, List<OffsetFetchRequestTopic> topics,
        List<OffsetFetchRequestGroup> groups, boolean requireStable) implements ApiMessage {

    /** Decodes a request body of {@code version}. */
    public static OffsetFetchRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.OFFSET_FETCH.isFlexible(version);
        String groupId = "";
        List<OffsetFetchRequestTopic> topics = List.of();
        List<OffsetFetchRequestGroup> groups = List.of();
        if (version <= 7) {
            groupId = in.readString(flexible);
            topics = version >= 2 ? in.readNullableArray(flexible, r -> readTopic(r, flexible))
                    : in.readArray(flexible, r -> readTopic(r, flexible));
        } else {
            groups = in.readArray(flexible, r -> {
                String id = r.readString(flexible);
                String memberId = version >= 9 ? r.readNullableString(flexible) : null;
                int memberEpoch = version >= 9 ? r.readInt32() : -1;
                List<OffsetFetchRequestTopic> groupTopics = r.readNullableArray(flexible, t -> readTopic(t, flexible));
                r.skipTaggedFields();
                return new OffsetFetchRequestGroup(id, memberId, memberEpoch, groupTopics);
            });
        }
        boolean requireStable = version >= 7 && in.readBoolean();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new OffsetFetchRequest(groupId, topics, groups, requireStable);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.OFFSET_FETCH;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version <= 7) {
            out.writeString(groupId, flexible);
            out.writeArray(topics, flexible, (w, topic) -> writeTopic(w, topic, flexible));
        } else {
            out.writeArray(groups, flexible, (w, group) -> {
                w.writeString(group.groupId(), flexible);
                if (version >= 9) {
                    w.writeNullableString(group.memberId(), flexible);
                    w.writeInt32(group.memberEpoch());
                }
                w.writeArray(group.topics(), flexible, (t, topic) -> writeTopic(t, topic, flexible));
                w.writeEmptyTaggedFields();
            });
        }
        if (version >= 7) {
            out.writeBoolean(requireStable);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    private static OffsetFetchRequestTopic readTopic(WireReader in, boolean flexible) {
        OffsetFetchRequestTopic topic = new OffsetFetchRequestTopic(in.readString(flexible),
                in.readInt32Array(flexible));
        if (flexible) {
            in.skipTaggedFields();
        }
        return topic;
    }

    private static void writeTopic(WireWriter out, OffsetFetchRequestTopic topic, boolean flexible) {
        out.writeString(topic.name(), flexible);
        out.writeInt32Array(topic.partitionIndexes(), flexible);
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The partitions of one topic whose offsets are wanted.
     *
     * @param name             the topic
     * @param partitionIndexes the partitions
     */
    public record OffsetFetchRequestTopic(String name, List<Integer> partitionIndexes) {
    }

    /**
     * One group whose offsets are wanted (v8+).
     *
     * @param groupId     the group
     * @param memberId    the member id under the consumer protocol (v9+; {@code null} otherwise)
     * @param memberEpoch the member epoch under the consumer protocol (v9+; -1 otherwise)
     * @param topics      the partitions to fetch, or {@code null} for all topics
     */
    public record OffsetFetchRequestGroup(String groupId, String memberId, int memberEpoch,
            List<OffsetFetchRequestTopic> topics) {
    }
}
