package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * InitProducerId response, versions 0-5 (flexible from 2).
 *
 * @param throttleTimeMs quota throttle time
 * @param errorCode      the error code, or 0
 * @param producerId     the assigned producer id, or -1 on error
 * @param producerEpoch  the assigned epoch
 */
public record InitProducerIdResponse(int throttleTimeMs, short errorCode, long producerId, short producerEpoch)
        implements ApiMessage {

    /** Reads the body of a {@code version} InitProducerId response. */
    public static InitProducerIdResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.INIT_PRODUCER_ID.isFlexible(version);
        int throttleTimeMs = in.readInt32();
        short errorCode = in.readInt16();
        long producerId = in.readInt64();
        short producerEpoch = in.readInt16();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new InitProducerIdResponse(throttleTimeMs, errorCode, producerId, producerEpoch);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.INIT_PRODUCER_ID;
    }

    @Override
    public void write(WireWriter out, short version) {
        out.writeInt32(throttleTimeMs);
        out.writeInt16(errorCode);
        out.writeInt64(producerId);
        out.writeInt16(producerEpoch);
        if (apiKey().isFlexible(version)) {
            out.writeEmptyTaggedFields();
        }
    }
}
