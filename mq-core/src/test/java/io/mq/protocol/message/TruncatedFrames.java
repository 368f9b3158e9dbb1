package io.mq.protocol.message;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.KafkaOracle;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.apache.kafka.common.protocol.Message;

/** Checks that a decoder rejects a frame one byte short of Kafka's encoding. */
final class TruncatedFrames {

    private TruncatedFrames() {
    }

    /** Encodes {@code message} with Kafka, drops the last byte and expects {@code reader} to throw. */
    static void assertRejected(Message message, short version, BiFunction<WireReader, Short, ?> reader) {
        byte[] full = KafkaOracle.kafkaBytes(message, version);
        byte[] truncated = Arrays.copyOf(full, full.length - 1);
        WireReader in = new WireReader(Unpooled.wrappedBuffer(truncated));

        assertThatThrownBy(() -> reader.apply(in, version)).isInstanceOf(ProtocolException.class);
    }
}
