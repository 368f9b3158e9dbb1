package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * SaslAuthenticate response, versions 0-2 (flexible from 2). The array is shared, not copied: record equality
 * compares it by identity.
 *
 * @param errorCode         the error code, or 0
 * @param errorMessage      the error message, nullable
 * @param authBytes         the SASL token from the server, as the mechanism defines it
 * @param sessionLifetimeMs how long the session may run before the client must re-authenticate, 0 for no limit
 *                          (v1+; 0 before)
 */
public record SaslAuthenticateResponse(short errorCode, String errorMessage, byte[] authBytes, long sessionLifetimeMs)
        implements ApiMessage {

    public static SaslAuthenticateResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.SASL_AUTHENTICATE.isFlexible(version);
        short errorCode = in.readInt16();
        String errorMessage = in.readNullableString(flexible);
        byte[] authBytes = in.readBytes(flexible);
        long sessionLifetimeMs = version >= 1 ? in.readInt64() : 0L;
        if (flexible) {
            in.skipTaggedFields();
        }
        return new SaslAuthenticateResponse(errorCode, errorMessage, authBytes, sessionLifetimeMs);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.SASL_AUTHENTICATE;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt16(errorCode);
        out.writeNullableString(errorMessage, flexible);
        out.writeBytes(authBytes, flexible);
        if (version >= 1) {
            out.writeInt64(sessionLifetimeMs);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
