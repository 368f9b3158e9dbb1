package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * SaslHandshake response, versions 0-1 (never flexible).
 *
 * @param errorCode  the error code, or 0 ({@code UNSUPPORTED_SASL_MECHANISM} when the mechanism is not enabled)
 * @param mechanisms the mechanisms the server has enabled
 */
public record SaslHandshakeResponse(short errorCode, List<String> mechanisms) implements ApiMessage {

    public static SaslHandshakeResponse read(WireReader in, short version) {
        short errorCode = in.readInt16();
        List<String> mechanisms = in.readStringArray(false);
        return new SaslHandshakeResponse(errorCode, mechanisms);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.SASL_HANDSHAKE;
    }

    @Override
    public void write(WireWriter out, short version) {
        out.writeInt16(errorCode);
        out.writeStringArray(mechanisms, false);
    }
}
