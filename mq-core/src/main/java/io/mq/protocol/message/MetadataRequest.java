package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.Uuids;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;
import java.util.UUID;

/**
 * Metadata request, versions 1-12 (flexible from 9).
 *
 * @param topics                             the topics to describe; null means all topics, empty means none
 * @param allowAutoTopicCreation             whether missing topics may be auto-created (v4+; true before)
 * @param includeClusterAuthorizedOperations whether to return cluster authorized operations (v8-10)
 * @param includeTopicAuthorizedOperations   whether to return topic authorized operations (v8+)
 */
public record MetadataRequest(List<MetadataRequestTopic> topics, boolean allowAutoTopicCreation,
        boolean includeClusterAuthorizedOperations, boolean includeTopicAuthorizedOperations) implements ApiMessage {

    /** Reads the body of a {@code version} Metadata request. */
    public static MetadataRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.METADATA.isFlexible(version);
        List<MetadataRequestTopic> topics = in.readNullableArray(flexible, r -> {
            UUID topicId = version >= 10 ? r.readUuid() : Uuids.ZERO;
            String name = version >= 10 ? r.readNullableString(flexible) : r.readString(flexible);
            if (flexible) {
                r.skipTaggedFields();
            }
            return new MetadataRequestTopic(topicId, name);
        });
        boolean allowAutoTopicCreation = version < 4 || in.readBoolean();
        boolean includeClusterOps = version >= 8 && version <= 10 && in.readBoolean();
        boolean includeTopicOps = version >= 8 && in.readBoolean();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new MetadataRequest(topics, allowAutoTopicCreation, includeClusterOps, includeTopicOps);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.METADATA;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeArray(topics, flexible, (w, t) -> {
            if (version >= 10) {
                w.writeUuid(t.topicId());
                w.writeNullableString(t.name(), flexible);
            } else {
                w.writeString(t.name(), flexible);
            }
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (version >= 4) {
            out.writeBoolean(allowAutoTopicCreation);
        }
        if (version >= 8 && version <= 10) {
            out.writeBoolean(includeClusterAuthorizedOperations);
        }
        if (version >= 8) {
            out.writeBoolean(includeTopicAuthorizedOperations);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One topic to describe.
     *
     * @param topicId the topic id (v10+), or the zero UUID when asking by name
     * @param name    the topic name; null only when asking by id (v10+)
     */
    public record MetadataRequestTopic(UUID topicId, String name) {
    }
}
