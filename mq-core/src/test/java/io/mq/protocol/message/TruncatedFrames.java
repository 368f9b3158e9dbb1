package io.mq.protocol.message;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.KafkaOracle;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.Unpooled;
import java.util.function.BiFunction;
import org.apache.kafka.common.protocol.Message;

/** Asserts that decoding Kafka's encoding of a message with its last byte dropped fails cleanly. */
final class TruncatedFrames {

    private TruncatedFrames() {
    }

    /** Encodes {@code message} with Kafka, drops the last byte and expects {@code reader} to throw ProtocolException. */
    static void assertTruncatedFrameFails(Message message, short version, BiFunction<WireReader, Short, ?> reader) {
        byte[] bytes = KafkaOracle.kafkaBytes(message, version);
        WireReader truncated = new WireReader(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 1));

        assertThatThrownBy(() -> reader.apply(truncated, version)).isInstanceOf(ProtocolException.class);
    }
}
