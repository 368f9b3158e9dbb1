package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention through the whole broker: small segments and short retention advance the earliest offsets at once, while
 * a topic without retention that shares those commit-log segments keeps every record and keeps the segments alive;
 * once that topic is deleted, the segments nobody needs are deleted and the retained tail stays readable.
 */
class BrokerRetentionIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false)
            .segmentBytes(64 * 1024).retentionCheckInterval(Duration.ofMillis(100)).retention(null));

    private static final int RECORDS = 2_000;
    private static Admin admin;

    @BeforeAll
    static void connect() throws Exception {
        admin = KafkaClients.admin(BROKER.bootstrapServers());
        admin.createTopics(List.of(new NewTopic("live", 1, (short) 1),
                new NewTopic("by-size", 1, (short) 1).configs(Map.of("retention.bytes", "100000")),
                new NewTopic("by-time", 1, (short) 1).configs(Map.of("retention.ms", "60000"))))
                .all().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void retentionAdvancesEarliestOffsetsAndDeletesOnlyUnneededSegments() throws Exception {
        long oldTimestamp = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(BROKER.bootstrapServers(),
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.BATCH_SIZE_CONFIG, 4096))) {
            for (int i = 0; i < RECORDS; i++) {
                byte[] value = String.format("%0200d", i).getBytes();
                producer.send(new ProducerRecord<>("live", value));
                producer.send(new ProducerRecord<>("by-size", value));
                producer.send(new ProducerRecord<>("by-time", 0, oldTimestamp, null, value));
            }
            producer.flush();
        }
        long segmentsWritten = segmentFiles();

        awaitEarliest("by-time", RECORDS);
        awaitEarliestAbove("by-size", 0);

        assertThat(earliest("live")).isZero();
        List<ConsumerRecord<byte[], byte[]>> live = KafkaClients.readFromBeginning(BROKER.bootstrapServers(),
                List.of(new TopicPartition("live", 0)), RECORDS, Duration.ofSeconds(30));
        assertThat(live).hasSize(RECORDS);
        assertThat(new String(live.get(RECORDS - 1).value())).isEqualTo(String.format("%0200d", RECORDS - 1));
        List<ConsumerRecord<byte[], byte[]>> sized = KafkaClients.readFromBeginning(BROKER.bootstrapServers(),
                List.of(new TopicPartition("by-size", 0)), 1, Duration.ofSeconds(30));
        assertThat(sized.get(0).offset()).isEqualTo(earliest("by-size"));
        assertThat(sized.get(sized.size() - 1).offset()).isEqualTo(RECORDS - 1);
        assertThat(segmentsWritten).isGreaterThan(3);
        assertThat(segmentFiles()).as("segments still needed by 'live' are kept").isEqualTo(segmentsWritten);

        admin.deleteTopics(List.of("live")).all().get(10, TimeUnit.SECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (segmentFiles() >= segmentsWritten && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(segmentFiles()).as("segments nobody needs any more are deleted").isLessThan(segmentsWritten);
        List<ConsumerRecord<byte[], byte[]>> kept = KafkaClients.readFromBeginning(BROKER.bootstrapServers(),
                List.of(new TopicPartition("by-size", 0)), 1, Duration.ofSeconds(30));
        assertThat(kept.get(kept.size() - 1).offset()).isEqualTo(RECORDS - 1);
        assertThat(kept.get(0).offset()).isEqualTo(earliest("by-size"));
    }

    private static long segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(BROKER.broker().dataDir().resolve("commitlog"))) {
            return files.filter(p -> p.toString().endsWith(".log")).count();
        }
    }

    private static void awaitEarliest(String topic, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (earliest(topic) != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(earliest(topic)).isEqualTo(expected);
    }

    private static void awaitEarliestAbove(String topic, long floor) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (earliest(topic) <= floor && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(earliest(topic)).isGreaterThan(floor);
    }

    private static long earliest(String topic) throws Exception {
        TopicPartition tp = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).partitionResult(tp).get(10, TimeUnit.SECONDS)
                .offset();
    }
}
