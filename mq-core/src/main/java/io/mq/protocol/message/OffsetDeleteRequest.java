package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * OffsetDelete request, version 0 (not flexible): deletes a group's committed offsets for some partitions.
 *
 * @param groupId the group
 * @param topics  the partitions whose offsets to delete, per topic
 */
public record OffsetDeleteRequest(String groupId, List<OffsetDeleteRequestTopic> topics) implements ApiMessage {

    /** Decodes a request body of {@code version}. */
    public static OffsetDeleteRequest read(WireReader in, short version) {
        String groupId = in.readString(false);
        List<OffsetDeleteRequestTopic> topics = in.readArray(false, r -> new OffsetDeleteRequestTopic(
                r.readString(false), r.readArray(false, p -> new OffsetDeleteRequestPartition(p.readInt32()))));
        return new OffsetDeleteRequest(groupId, topics);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.OFFSET_DELETE;
    }

    @Override
    public void write(WireWriter out, short version) {
        out.writeString(groupId, false);
        out.writeArray(topics, false, (w, topic) -> {
            w.writeString(topic.name(), false);
            w.writeArray(topic.partitions(), false, (p, partition) -> p.writeInt32(partition.partitionIndex()));
        });
    }

    /**
     * The partitions of one topic.
     *
     * @param name       the topic
     * @param partitions the partitions
     */
    public record OffsetDeleteRequestTopic(String name, List<OffsetDeleteRequestPartition> partitions) {
    }

    /**
     * One partition.
     *
     * @param partitionIndex the partition
     */
    public record OffsetDeleteRequestPartition(int partitionIndex) {
    }
}
