package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * InitProducerId request, versions 0-5 (flexible from 2).
 *
 * @param transactionalId      the transactional id, or null for an idempotent-only producer
 * @param transactionTimeoutMs how long an idle transaction may stay open
 * @param producerId           the producer's current id when re-initialising, else -1 (v3+)
 * @param producerEpoch        the producer's current epoch when re-initialising, else -1 (v3+)
 */
public record InitProducerIdRequest(String transactionalId, int transactionTimeoutMs, long producerId,
        short producerEpoch) implements ApiMessage {

    /** Reads the body of a {@code version} InitProducerId request. */
    public static InitProducerIdRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.INIT_PRODUCER_ID.isFlexible(version);
        String transactionalId = in.readNullableString(flexible);
        int transactionTimeoutMs = in.readInt32();
        long producerId = -1L;
        short producerEpoch = -1;
        if (version >= 3) {
            producerId = in.readInt64();
            producerEpoch = in.readInt16();
        }
        if (flexible) {
            in.skipTaggedFields();
        }
        return new InitProducerIdRequest(transactionalId, transactionTimeoutMs, producerId, producerEpoch);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.INIT_PRODUCER_ID;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeNullableString(transactionalId, flexible);
        out.writeInt32(transactionTimeoutMs);
        if (version >= 3) {
            out.writeInt64(producerId);
            out.writeInt16(producerEpoch);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
