package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * ApiVersions response, versions 0-4 (flexible from 3). Always sent with response header v0.
 * The feature tagged fields (v3+) are skipped on read and not written.
 *
 * @param errorCode      {@code UNSUPPORTED_VERSION} when the request version was too high
 * @param apiKeys        every api the sender supports with its version range
 * @param throttleTimeMs quota throttle time (v1+)
 */
public record ApiVersionsResponse(short errorCode, List<ApiVersion> apiKeys, int throttleTimeMs)
        implements ApiMessage {

    public static ApiVersionsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.API_VERSIONS.isFlexible(version);
        short errorCode = in.readInt16();
        List<ApiVersion> keys = in.readArray(flexible, r -> {
            ApiVersion v = new ApiVersion(r.readInt16(), r.readInt16(), r.readInt16());
            if (flexible) {
                r.skipTaggedFields();
            }
            return v;
        });
        int throttle = version >= 1 ? in.readInt32() : 0;
        if (flexible) {
            in.skipTaggedFields();
        }
        return new ApiVersionsResponse(errorCode, keys, throttle);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.API_VERSIONS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt16(errorCode);
        out.writeArray(apiKeys, flexible, (w, v) -> {
            w.writeInt16(v.apiKey());
            w.writeInt16(v.minVersion());
            w.writeInt16(v.maxVersion());
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (version >= 1) {
            out.writeInt32(throttleTimeMs);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One supported api.
     *
     * @param apiKey     the api key id
     * @param minVersion lowest supported version
     * @param maxVersion highest supported version
     */
    public record ApiVersion(short apiKey, short minVersion, short maxVersion) {
    }
}
