package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * Heartbeat response, versions 0-4 (flexible from 4).
 *
 * @param throttleTimeMs quota throttle time (v1+; 0 before)
 * @param errorCode      the error code, or 0 ({@code REBALANCE_IN_PROGRESS} tells the member to rejoin)
 */
public record HeartbeatResponse(int throttleTimeMs, short errorCode) implements ApiMessage {

    public static HeartbeatResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.HEARTBEAT.isFlexible(version);
        int throttleTimeMs = version >= 1 ? in.readInt32() : 0;
        short errorCode = in.readInt16();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new HeartbeatResponse(throttleTimeMs, errorCode);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.HEARTBEAT;
    }

    @Override
    public void write(WireWriter out, short version) {
        if (version >= 1) {
            out.writeInt32(throttleTimeMs);
        }
        out.writeInt16(errorCode);
        if (apiKey().isFlexible(version)) {
            out.writeEmptyTaggedFields();
        }
    }
}
