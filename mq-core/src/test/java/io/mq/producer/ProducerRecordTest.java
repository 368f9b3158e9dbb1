package io.mq.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.record.Header;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerRecordTest {

    @Test
    void factoriesLeavePartitionAndTimestampToTheProducer() {
        ProducerRecord record = ProducerRecord.of("orders", "k".getBytes(), "v".getBytes());

        assertThat(record.hasPartition()).isFalse();
        assertThat(record.hasTimestamp()).isFalse();
        assertThat(record.headers()).isEmpty();
    }

    @Test
    void builderSetsEveryField() {
        ProducerRecord record = ProducerRecord.builder("orders").partition(2).timestamp(99L).key("k")
                .value(new byte[] {1}).header("trace", new byte[] {7}).build();

        assertThat(record.partition()).isEqualTo(2);
        assertThat(record.timestamp()).isEqualTo(99L);
        assertThat(record.key()).containsExactly('k');
        assertThat(record.headers()).containsExactly(new Header("trace", new byte[] {7}));
    }

    @Test
    void invalidFieldsAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> ProducerRecord.of(null, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("topic");
        assertThatThrownBy(() -> ProducerRecord.of("a/b", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid topic for a producer record").hasMessageContaining("contains '/'");
        assertThatThrownBy(() -> ProducerRecord.builder("t").partition(-2).build())
                .hasMessageContaining("partition must be >= 0, or ProducerRecord.ANY_PARTITION (-1)")
                .hasMessageContaining("was -2");
        assertThatThrownBy(() -> ProducerRecord.builder("t").timestamp(-5).build())
                .hasMessageContaining("timestamp must be >= 0 (epoch millis), or ProducerRecord.NO_TIMESTAMP (-1)");
        List<Header> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new ProducerRecord("t", -1, -1, null, null, withNull))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalityComparesBytesAndHeadersAreCopied() {
        List<Header> headers = new ArrayList<>(List.of(new Header("h", null)));
        ProducerRecord a = new ProducerRecord("t", 1, 5, new byte[] {1}, new byte[] {2}, headers);
        headers.clear();

        assertThat(a).isEqualTo(new ProducerRecord("t", 1, 5, new byte[] {1}, new byte[] {2},
                List.of(new Header("h", null))));
        assertThat(a.headers()).hasSize(1);
        assertThat(a.toString()).contains("key=1 bytes").doesNotContain("[B@");
    }
}
