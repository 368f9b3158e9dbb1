package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.Uuids;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;
import java.util.UUID;

/**
 * DeleteTopics response, versions 1-6 (flexible from 4).
 *
 * @param throttleTimeMs quota throttle time
 * @param responses      one result per requested topic
 */
public record DeleteTopicsResponse(int throttleTimeMs, List<DeletableTopicResult> responses) implements ApiMessage {

    public static DeleteTopicsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.DELETE_TOPICS.isFlexible(version);
        int throttleTimeMs = in.readInt32();
        List<DeletableTopicResult> responses = in.readArray(flexible, r -> DeletableTopicResult.read(r, version));
        if (flexible) {
            in.skipTaggedFields();
        }
        return new DeleteTopicsResponse(throttleTimeMs, responses);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DELETE_TOPICS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(throttleTimeMs);
        out.writeArray(responses, flexible, (w, t) -> t.write(w, version));
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The outcome for one topic.
     *
     * @param name         the topic name (nullable from v6)
     * @param topicId      the topic id (v6+; zero before)
     * @param errorCode    the error code, or 0
     * @param errorMessage the error message, nullable (v5+; null before)
     */
    public record DeletableTopicResult(String name, UUID topicId, short errorCode, String errorMessage) {

        static DeletableTopicResult read(WireReader in, short version) {
            boolean flexible = ApiKey.DELETE_TOPICS.isFlexible(version);
            String name = version >= 6 ? in.readNullableString(flexible) : in.readString(flexible);
            UUID topicId = version >= 6 ? in.readUuid() : Uuids.ZERO;
            short errorCode = in.readInt16();
            String errorMessage = version >= 5 ? in.readNullableString(flexible) : null;
            if (flexible) {
                in.skipTaggedFields();
            }
            return new DeletableTopicResult(name, topicId, errorCode, errorMessage);
        }

        void write(WireWriter out, short version) {
            boolean flexible = ApiKey.DELETE_TOPICS.isFlexible(version);
            if (version >= 6) {
                out.writeNullableString(name, flexible);
                out.writeUuid(topicId);
            } else {
                out.writeString(name, flexible);
            }
            out.writeInt16(errorCode);
            if (version >= 5) {
                out.writeNullableString(errorMessage, flexible);
            }
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }
}
