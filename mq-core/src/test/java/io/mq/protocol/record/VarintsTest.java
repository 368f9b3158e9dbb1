package io.mq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.ByteUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VarintsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, -1, 63, -64, 64, -65, 8191, 8192, 1 << 20, -(1 << 27), Integer.MAX_VALUE,
            Integer.MIN_VALUE})
    void varintMatchesKafkasZigzagEncoding(int value) {
        ByteBuffer kafka = ByteBuffer.allocate(5);
        ByteUtils.writeVarint(value, kafka);
        ByteBuf ours = Unpooled.buffer();

        try {
            Varints.writeVarint(ours, value);

            assertThat(Varints.sizeOfVarint(value)).isEqualTo(ByteUtils.sizeOfVarint(value))
                    .isEqualTo(kafka.position());
            assertThat(KafkaRecords.bytes(ours)).isEqualTo(KafkaRecords.bytes(kafka.flip()));
        } finally {
            ours.release();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, -1L, 1_700_000_000_000L, -1_700_000_000_000L, 1L << 62, Long.MAX_VALUE,
            Long.MIN_VALUE})
    void varlongMatchesKafkasZigzagEncoding(long value) {
        ByteBuffer kafka = ByteBuffer.allocate(10);
        ByteUtils.writeVarlong(value, kafka);
        ByteBuf ours = Unpooled.buffer();

        try {
            Varints.writeVarlong(ours, value);

            assertThat(Varints.sizeOfVarlong(value)).isEqualTo(ByteUtils.sizeOfVarlong(value))
                    .isEqualTo(kafka.position());
            assertThat(KafkaRecords.bytes(ours)).isEqualTo(KafkaRecords.bytes(kafka.flip()));
        } finally {
            ours.release();
        }
    }
}
