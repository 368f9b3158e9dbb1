package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * CreatePartitions response, versions 0-3 (flexible from 2).
 *
 * @param throttleTimeMs quota throttle time
 * @param results        one result per requested topic
 */
public record CreatePartitionsResponse(int throttleTimeMs, List<CreatePartitionsTopicResult> results)
        implements ApiMessage {

    public static CreatePartitionsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.CREATE_PARTITIONS.isFlexible(version);
        int throttleTimeMs = in.readInt32();
        List<CreatePartitionsTopicResult> results = in.readArray(flexible, r -> {
            CreatePartitionsTopicResult t = new CreatePartitionsTopicResult(r.readString(flexible), r.readInt16(),
                    r.readNullableString(flexible));
            if (flexible) {
                r.skipTaggedFields();
            }
            return t;
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new CreatePartitionsResponse(throttleTimeMs, results);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.CREATE_PARTITIONS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(throttleTimeMs);
        out.writeArray(results, flexible, (w, t) -> {
            w.writeString(t.name(), flexible);
            w.writeInt16(t.errorCode());
            w.writeNullableString(t.errorMessage(), flexible);
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The outcome for one topic.
     *
     * @param name         the topic name
     * @param errorCode    the error code, or 0
     * @param errorMessage the error message, nullable
     */
    public record CreatePartitionsTopicResult(String name, short errorCode, String errorMessage) {
    }
}
