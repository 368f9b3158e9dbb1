package io.mq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.types.ByteBufWriter;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.function.BiFunction;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.MessageUtil;

/**
 * Test oracle: the real {@code kafka-clients} serializers. A message is serialized by Kafka, decoded by mq,
 * re-encoded by mq, and the bytes must be identical.
 */
public final class KafkaOracle {

    private KafkaOracle() {
    }

    /** Kafka's encoding of {@code message} at {@code version}. */
    public static byte[] kafkaBytes(Message message, short version) {
        ByteBuffer buffer = MessageUtil.toByteBuffer(message, version);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * Decodes Kafka's bytes of {@code message} with {@code reader}, checks every byte was consumed, re-encodes with
     * mq and checks the bytes (and mq's size computation) match Kafka's. Returns mq's decoded message.
     */
    public static <T extends ApiMessage> T roundTrip(Message message, short version,
            BiFunction<WireReader, Short, T> reader) {
        byte[] expected = kafkaBytes(message, version);
        ByteBuf in = Unpooled.wrappedBuffer(expected);
        WireReader wire = new WireReader(in);
        T decoded = reader.apply(wire, version);
        assertThat(in.readableBytes()).as("bytes left after decoding %s v%d", message.getClass().getSimpleName(), version)
                .isZero();
        assertThat(encode(decoded, version)).as("mq re-encoding of %s v%d", message.getClass().getSimpleName(), version)
                .isEqualTo(expected);
        assertThat(decoded.sizeInBytes(version)).isEqualTo(expected.length);
        return decoded;
    }

    /** mq's encoding of {@code message} at {@code version}. */
    public static byte[] encode(ApiMessage message, short version) {
        ByteBuf out = Unpooled.buffer();
        message.write(new ByteBufWriter(out), version);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }
}
