package io.mq.broker.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The offsets topic record layout (Kafka's OffsetCommitKey v1 / OffsetCommitValue v3). */
class OffsetRecordsTest {

    private static final TopicPartition PARTITION = new TopicPartition("orders", 7);

    @Test
    void keyAndValueRoundTrip() {
        CommittedOffset offset = new CommittedOffset(42, 5, "métadonnées", 1_700_000_000_000L);

        OffsetRecords.Key key = OffsetRecords.readKey(OffsetRecords.key("group-é", PARTITION));

        assertThat(key).isEqualTo(new OffsetRecords.Key("group-é", PARTITION));
        assertThat(OffsetRecords.readValue(OffsetRecords.value(offset))).isEqualTo(offset);
    }

    @Test
    void keyIsVersionOneWithGroupTopicAndPartition() {
        ByteBuffer key = ByteBuffer.wrap(OffsetRecords.key("g", PARTITION));

        assertThat(key.getShort()).isEqualTo((short) 1);
        assertThat(key.getShort()).isEqualTo((short) 1);
        assertThat(key.get()).isEqualTo((byte) 'g');
        assertThat(key.getShort()).isEqualTo((short) 6);
        key.position(key.position() + 6);
        assertThat(key.getInt()).isEqualTo(7);
        assertThat(key.hasRemaining()).isFalse();
    }

    @Test
    void valueIsVersionThreeWithOffsetEpochMetadataAndTimestamp() {
        ByteBuffer value = ByteBuffer.wrap(OffsetRecords.value(new CommittedOffset(42, 5, "", 99)));

        assertThat(value.getShort()).isEqualTo((short) 3);
        assertThat(value.getLong()).isEqualTo(42);
        assertThat(value.getInt()).isEqualTo(5);
        assertThat(value.getShort()).isEqualTo((short) 0);
        assertThat(value.getLong()).isEqualTo(99);
        assertThat(value.hasRemaining()).isFalse();
    }

    @Test
    void keysOfOtherRecordTypesAreIgnored() {
        byte[] groupMetadataKey = {0, 2, 0, 1, 'g'};

        assertThat(OffsetRecords.readKey(groupMetadataKey)).isNull();
    }

    @Test
    void truncatedOrOverlongBytesAreRejected() {
        byte[] key = OffsetRecords.key("g", PARTITION);
        byte[] value = OffsetRecords.value(new CommittedOffset(1, -1, "m", 2));

        assertThatThrownBy(() -> OffsetRecords.readKey(Arrays.copyOf(key, key.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OffsetRecords.readKey(Arrays.copyOf(key, key.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OffsetRecords.readValue(Arrays.copyOf(value, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OffsetRecords.readKey(new byte[] {0, 1, 0x7f, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
