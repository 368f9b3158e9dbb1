package io.mq.protocol;

import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * Request header v1 (non-flexible APIs) or v2 (flexible: adds a tagged-field section). The client id is an
 * int16-length nullable string in both.
 *
 * @param apiKey        the API being called
 * @param apiVersion    the version of the request body
 * @param correlationId echoed in the response so the client can match it
 * @param clientId      the client's self-chosen id (nullable)
 */
public record RequestHeader(ApiKey apiKey, short apiVersion, int correlationId, String clientId) {

    /**
     * Reads a header. An unknown api key throws {@link UnsupportedApiException}, which carries what was read so the
     * broker can log it; the version is not checked here (ApiVersions must answer unsupported versions).
     */
    public static RequestHeader read(WireReader in) {
        short keyId = in.readInt16();
        short version = in.readInt16();
        int correlationId = in.readInt32();
        ApiKey apiKey = ApiKey.forId(keyId);
        if (apiKey == null) {
            throw new UnsupportedApiException(keyId, version, correlationId);
        }
        String clientId = in.readNullableString(false);
        if (apiKey.isFlexible(version)) {
            in.skipTaggedFields();
        }
        return new RequestHeader(apiKey, version, correlationId, clientId);
    }

    /** Writes this header in the version its api and version require. */
    public void write(WireWriter out) {
        out.writeInt16(apiKey.id());
        out.writeInt16(apiVersion);
        out.writeInt32(correlationId);
        out.writeNullableString(clientId, false);
        if (apiKey.isFlexible(apiVersion)) {
            out.writeEmptyTaggedFields();
        }
    }
}
