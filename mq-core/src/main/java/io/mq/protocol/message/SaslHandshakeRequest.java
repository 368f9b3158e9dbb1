package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * SaslHandshake request, versions 0-1 (never flexible). Version 1 announces that SASL tokens follow in
 * SaslAuthenticate requests rather than as raw frames.
 *
 * @param mechanism the SASL mechanism the client chose, e.g. {@code PLAIN}
 */
public record SaslHandshakeRequest(String mechanism) implements ApiMessage {

    public static SaslHandshakeRequest read(WireReader in, short version) {
        return new SaslHandshakeRequest(in.readString(false));
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.SASL_HANDSHAKE;
    }

    @Override
    public void write(WireWriter out, short version) {
        out.writeString(mechanism, false);
    }
}
