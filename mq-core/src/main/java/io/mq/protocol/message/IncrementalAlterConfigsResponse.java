package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * IncrementalAlterConfigs response, versions 0-1 (flexible from 1).
 *
 * @param throttleTimeMs quota throttle time
 * @param responses      one result per requested resource
 */
public record IncrementalAlterConfigsResponse(int throttleTimeMs, List<AlterConfigsResourceResponse> responses)
        implements ApiMessage {

    /** Decodes a response body of {@code version}. */
    public static IncrementalAlterConfigsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.INCREMENTAL_ALTER_CONFIGS.isFlexible(version);
        int throttleTimeMs = in.readInt32();
        List<AlterConfigsResourceResponse> responses = in.readArray(flexible, r -> {
            AlterConfigsResourceResponse response = new AlterConfigsResourceResponse(r.readInt16(),
                    r.readNullableString(flexible), r.readInt8(), r.readString(flexible));
            if (flexible) {
                r.skipTaggedFields();
            }
            return response;
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new IncrementalAlterConfigsResponse(throttleTimeMs, responses);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.INCREMENTAL_ALTER_CONFIGS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(throttleTimeMs);
        out.writeArray(responses, flexible, (w, response) -> {
            w.writeInt16(response.errorCode());
            w.writeNullableString(response.errorMessage(), flexible);
            w.writeInt8(response.resourceType());
            w.writeString(response.resourceName(), flexible);
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The result for one resource.
     *
     * @param errorCode    the error code, or 0
     * @param errorMessage the error message, nullable
     * @param resourceType the resource type
     * @param resourceName the resource name
     */
    public record AlterConfigsResourceResponse(short errorCode, String errorMessage, byte resourceType,
            String resourceName) {
    }
}
