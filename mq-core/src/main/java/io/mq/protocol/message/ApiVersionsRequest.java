package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * ApiVersions request, versions 0-4 (flexible from 3).
 *
 * @param clientSoftwareName    the client library's name (v3+; empty before)
 * @param clientSoftwareVersion the client library's version (v3+; empty before)
 */
public record ApiVersionsRequest(String clientSoftwareName, String clientSoftwareVersion) implements ApiMessage {

    public static ApiVersionsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.API_VERSIONS.isFlexible(version);
        String name = "";
        String softwareVersion = "";
        if (version >= 3) {
            name = in.readString(flexible);
            softwareVersion = in.readString(flexible);
        }
        if (flexible) {
            in.skipTaggedFields();
        }
        return new ApiVersionsRequest(name, softwareVersion);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.API_VERSIONS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 3) {
            out.writeString(clientSoftwareName, flexible);
            out.writeString(clientSoftwareVersion, flexible);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
