package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;
import java.util.UUID;

/**
 * DeleteTopics request, versions 1-6 (flexible from 4). Versions before 6 name topics in {@code topicNames};
 * version 6 names them in {@code topics}, by name or by id.
 *
 * @param topics     the topics to delete, by name or id (v6+; empty before)
 * @param topicNames the names of the topics to delete (v1-5; empty from 6)
 * @param timeoutMs  how long the broker may wait for the deletions to complete
 */
public record DeleteTopicsRequest(List<DeleteTopicState> topics, List<String> topicNames, int timeoutMs)
        implements ApiMessage {

    public static DeleteTopicsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.DELETE_TOPICS.isFlexible(version);
        List<DeleteTopicState> topics = List.of();
        List<String> topicNames = List.of();
        if (version >= 6) {
            topics = in.readArray(flexible, r -> {
                DeleteTopicState t = new DeleteTopicState(r.readNullableString(flexible), r.readUuid());
                r.skipTaggedFields();
                return t;
            });
        } else {
            topicNames = in.readStringArray(flexible);
        }
        int timeoutMs = in.readInt32();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new DeleteTopicsRequest(topics, topicNames, timeoutMs);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DELETE_TOPICS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 6) {
            out.writeArray(topics, flexible, (w, t) -> {
                w.writeNullableString(t.name(), flexible);
                w.writeUuid(t.topicId());
                w.writeEmptyTaggedFields();
            });
        } else {
            out.writeStringArray(topicNames, flexible);
        }
        out.writeInt32(timeoutMs);
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One topic to delete (v6+), identified by name or by id.
     *
     * @param name    the topic name, or null when deleting by id
     * @param topicId the topic id, or zero when deleting by name
     */
    public record DeleteTopicState(String name, UUID topicId) {
    }
}
