package io.mq.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.it.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Helpers shared by the producer integration tests. */
public final class ProducerTestSupport {

    /** The longest a test waits for one thing. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private ProducerTestSupport() {
    }

    /** The value of {@code future}, waiting at most {@link #WAIT}. */
    public static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every record of {@code topic}'s partitions 0..partitions-1, read from the start by a kafka-clients consumer. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic, int partitions,
            int expected) {
        List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p))
                .toList();
        return KafkaClients.readFromBeginning(bootstrap, all, expected, WAIT);
    }

    /** UTF-8 bytes. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** UTF-8 text, or null. */
    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Asserts that {@code read} holds exactly the records of {@code sent}, byte for byte (key, value, headers,
     * timestamp), each at the partition and offset its {@code results} entry names.
     */
    public static void assertStoredExactly(List<ProducerRecord> sent, List<SendResult> results,
            List<ConsumerRecord<byte[], byte[]>> read) {
        assertThat(read).hasSize(sent.size());
        List<ConsumerRecord<byte[], byte[]>> byResult = new ArrayList<>();
        for (SendResult result : results) {
            byResult.add(read.stream().filter(r -> r.partition() == result.partition() && r.offset() == result.offset())
                    .findFirst().orElseThrow(() -> new AssertionError("no record read at " + result)));
        }
        for (int i = 0; i < sent.size(); i++) {
            ProducerRecord expected = sent.get(i);
            ConsumerRecord<byte[], byte[]> actual = byResult.get(i);
            assertThat(actual.topic()).isEqualTo(expected.topic());
            assertThat(actual.key()).isEqualTo(expected.key());
            assertThat(actual.value()).isEqualTo(expected.value());
            if (expected.hasTimestamp()) {
                assertThat(actual.timestamp()).isEqualTo(expected.timestamp());
            }
            assertThat(actual.timestamp()).isEqualTo(results.get(i).timestamp());
            List<String> expectedHeaders = expected.headers().stream()
                    .map(h -> h.key() + "=" + Arrays.toString(h.value())).toList();
            List<String> actualHeaders = new ArrayList<>();
            actual.headers().forEach(h -> actualHeaders.add(h.key() + "=" + Arrays.toString(h.value())));
            assertThat(actualHeaders).isEqualTo(expectedHeaders);
        }
    }
}
