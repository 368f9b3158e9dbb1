package io.mq.broker.coordinator;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the subscribed topics out of a consumer's protocol metadata (Kafka's ConsumerProtocolSubscription, never
 * flexible: int16 version, then an int32-counted array of int16-length topic names, then fields the coordinator does
 * not need). Used to refuse OffsetDelete for topics an active group consumes.
 */
final class ConsumerSubscriptions {

    /** The protocol type of Kafka consumers. */
    static final String PROTOCOL_TYPE = "consumer";

    private ConsumerSubscriptions() {
    }

    /** The topics in {@code metadata}, or {@code null} if it cannot be read. */
    static Set<String> topics(byte[] metadata) {
        if (metadata == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(metadata);
            if (in.getShort() < 0) {
                return null;
            }
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / 2) {
                return null;
            }
            Set<String> topics = new HashSet<>();
            for (int i = 0; i < count; i++) {
                int length = in.getShort();
                if (length < 0 || length > in.remaining()) {
                    return null;
                }
                byte[] name = new byte[length];
                in.get(name);
                topics.add(new String(name, StandardCharsets.UTF_8));
            }
            return topics;
        } catch (BufferUnderflowException e) {
            return null;
        }
    }
}
