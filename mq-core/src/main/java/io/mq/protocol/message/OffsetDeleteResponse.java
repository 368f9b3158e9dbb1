package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * OffsetDelete response, version 0 (not flexible).
 *
 * @param errorCode      the group-level error, or 0
 * @param throttleTimeMs quota throttle time
 * @param topics         the result per topic
 */
public record OffsetDeleteResponse(short errorCode, int throttleTimeMs, List<OffsetDeleteResponseTopic> topics)
        implements ApiMessage {

    /** Decodes a response body of {@code version}. */
    public static OffsetDeleteResponse read(WireReader in, short version) {
        short errorCode = in.readInt16();
        int throttleTimeMs = in.readInt32();
        List<OffsetDeleteResponseTopic> topics = in.readArray(false, r -> new OffsetDeleteResponseTopic(
                r.readString(false),
                r.readArray(false, p -> new OffsetDeleteResponsePartition(p.readInt32(), p.readInt16()))));
        return new OffsetDeleteResponse(errorCode, throttleTimeMs, topics);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.OFFSET_DELETE;
    }

    @Override
    public void write(WireWriter out, short version) {
        out.writeInt16(errorCode);
        out.writeInt32(throttleTimeMs);
        out.writeArray(topics, false, (w, topic) -> {
            w.writeString(topic.name(), false);
            w.writeArray(topic.partitions(), false, (p, partition) -> {
                p.writeInt32(partition.partitionIndex());
                p.writeInt16(partition.errorCode());
            });
        });
    }

    /**
     * The results for one topic.
     *
     * @param name       the topic
     * @param partitions one entry per partition
     */
    public record OffsetDeleteResponseTopic(String name, List<OffsetDeleteResponsePartition> partitions) {
    }

    /**
     * The result for one partition.
     *
     * @param partitionIndex the partition
     * @param errorCode      the error (e.g. {@code GROUP_SUBSCRIBED_TO_TOPIC}), or 0
     */
    public record OffsetDeleteResponsePartition(int partitionIndex, short errorCode) {
    }
}
