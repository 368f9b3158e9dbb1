package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.Uuids;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;
import java.util.UUID;

/**
 * CreateTopics response, versions 2-7 (flexible from 5).
 *
 * @param throttleTimeMs quota throttle time
 * @param topics         one result per requested topic
 */
public record CreateTopicsResponse(int throttleTimeMs, List<CreatableTopicResult> topics) implements ApiMessage {

    /** Tag of the per-topic {@code TopicConfigErrorCode} field (v5+). */
    private static final int TOPIC_CONFIG_ERROR_CODE_TAG = 0;

    public static CreateTopicsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.CREATE_TOPICS.isFlexible(version);
        int throttleTimeMs = in.readInt32();
        List<CreatableTopicResult> topics = in.readArray(flexible, r -> CreatableTopicResult.read(r, version));
        if (flexible) {
            in.skipTaggedFields();
        }
        return new CreateTopicsResponse(throttleTimeMs, topics);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.CREATE_TOPICS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(throttleTimeMs);
        out.writeArray(topics, flexible, (w, t) -> t.write(w, version));
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The outcome for one topic.
     *
     * @param name                 the topic name
     * @param topicId              the new topic's id (v7+; zero before)
     * @param errorCode            the error code, or 0
     * @param errorMessage         the error message, nullable
     * @param topicConfigErrorCode why {@code configs} is missing, or 0 (tagged field, v5+)
     * @param numPartitions        the topic's partition count (v5+; -1 before)
     * @param replicationFactor    the topic's replication factor (v5+; -1 before)
     * @param configs              the topic's configuration (v5+, nullable; empty before)
     */
    public record CreatableTopicResult(String name, UUID topicId, short errorCode, String errorMessage,
            short topicConfigErrorCode, int numPartitions, short replicationFactor,
            List<CreatableTopicConfigs> configs) {

        static CreatableTopicResult read(WireReader in, short version) {
            boolean flexible = ApiKey.CREATE_TOPICS.isFlexible(version);
            String name = in.readString(flexible);
            UUID topicId = version >= 7 ? in.readUuid() : Uuids.ZERO;
            short errorCode = in.readInt16();
            String errorMessage = in.readNullableString(flexible);
            if (version < 5) {
                return new CreatableTopicResult(name, topicId, errorCode, errorMessage, (short) 0, -1, (short) -1,
                        List.of());
            }
            int numPartitions = in.readInt32();
            short replicationFactor = in.readInt16();
            List<CreatableTopicConfigs> configs = in.readNullableArray(flexible, CreatableTopicConfigs::read);
            short[] topicConfigErrorCode = {0};
            in.readTaggedFields((tag, r) -> {
                if (tag != TOPIC_CONFIG_ERROR_CODE_TAG) {
                    return false;
                }
                topicConfigErrorCode[0] = r.readInt16();
                return true;
            });
            return new CreatableTopicResult(name, topicId, errorCode, errorMessage, topicConfigErrorCode[0],
                    numPartitions, replicationFactor, configs);
        }

        void write(WireWriter out, short version) {
            boolean flexible = ApiKey.CREATE_TOPICS.isFlexible(version);
            out.writeString(name, flexible);
            if (version >= 7) {
                out.writeUuid(topicId);
            }
            out.writeInt16(errorCode);
            out.writeNullableString(errorMessage, flexible);
            if (version >= 5) {
                out.writeInt32(numPartitions);
                out.writeInt16(replicationFactor);
                out.writeArray(configs, flexible, (w, c) -> c.write(w));
                if (topicConfigErrorCode != 0) {
                    out.writeTaggedFieldCount(1);
                    out.writeTaggedField(TOPIC_CONFIG_ERROR_CODE_TAG, w -> w.writeInt16(topicConfigErrorCode));
                } else {
                    out.writeEmptyTaggedFields();
                }
            }
        }
    }

    /**
     * One configuration entry of a created topic (v5+, always flexible).
     *
     * @param name         the configuration name
     * @param value        the configuration value, nullable
     * @param readOnly     whether the configuration is read-only
     * @param configSource where the value comes from, or -1
     * @param isSensitive  whether the value is sensitive
     */
    public record CreatableTopicConfigs(String name, String value, boolean readOnly, byte configSource,
            boolean isSensitive) {

        static CreatableTopicConfigs read(WireReader in) {
            CreatableTopicConfigs c = new CreatableTopicConfigs(in.readString(true), in.readNullableString(true),
                    in.readBoolean(), in.readInt8(), in.readBoolean());
            in.skipTaggedFields();
            return c;
        }

        void write(WireWriter out) {
            out.writeString(name, true);
            out.writeNullableString(value, true);
            out.writeBoolean(readOnly);
            out.writeInt8(configSource);
            out.writeBoolean(isSensitive);
            out.writeEmptyTaggedFields();
        }
    }
}
