package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * SaslAuthenticate request, versions 0-2 (flexible from 2). The array is shared, not copied: record equality
 * compares it by identity.
 *
 * @param authBytes the SASL token from the client, as the mechanism defines it
 */
public record SaslAuthenticateRequest(byte[] authBytes) implements ApiMessage {

    public static SaslAuthenticateRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.SASL_AUTHENTICATE.isFlexible(version);
        byte[] authBytes = in.readBytes(flexible);
        if (flexible) {
            in.skipTaggedFields();
        }
        return new SaslAuthenticateRequest(authBytes);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.SASL_AUTHENTICATE;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeBytes(authBytes, flexible);
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
