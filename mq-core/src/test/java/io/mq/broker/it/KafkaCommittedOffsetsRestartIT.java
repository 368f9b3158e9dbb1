package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offsets committed with {@code commitSync} are replayed from {@code __consumer_offsets} when the broker restarts. */
class KafkaCommittedOffsetsRestartIT {

    private static final String TOPIC = "restart-offsets";
    private static final String GROUP = "restart-offsets-group";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    @TempDir
    Path dataDir;

    @Test
    void committedOffsetsSurviveABrokerRestart() throws Exception {
        try (EmbeddedBroker broker = start()) {
            try (Admin admin = KafkaClients.admin(broker.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
            try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(broker.bootstrapServers(), Map.of())) {
                for (int i = 0; i < 20; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, i % 2, null, ("r" + i).getBytes()));
                }
            }
            try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.groupConsumer(broker.bootstrapServers(), GROUP,
                    Map.of())) {
                consumer.subscribe(List.of(TOPIC));
                int read = 0;
                long deadline = System.currentTimeMillis() + 30_000;
                while (read < 20 && System.currentTimeMillis() < deadline) {
                    read += consumer.poll(Duration.ofMillis(100)).count();
                }
                assertThat(read).isEqualTo(20);
                consumer.commitSync(Map.of(P0, new OffsetAndMetadata(4, "four"), P1, new OffsetAndMetadata(10)));
                consumer.commitSync(Map.of(P0, new OffsetAndMetadata(6, "six")));
            }
        }

        try (EmbeddedBroker broker = start()) {
            try (Admin admin = KafkaClients.admin(broker.bootstrapServers())) {
                assertThat(admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS))
                        .extracting(ConsumerGroupListing::groupId).contains(GROUP);
                assertThat(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS)).isEqualTo(Map.of(P0, new OffsetAndMetadata(6, "six"),
                                P1, new OffsetAndMetadata(10)));
            }
            try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.groupConsumer(broker.bootstrapServers(), GROUP,
                    Map.of())) {
                assertThat(consumer.committed(Set.of(P0, P1))).containsEntry(P0, new OffsetAndMetadata(6, "six"));
                consumer.subscribe(List.of(TOPIC));
                List<String> read = new ArrayList<>();
                long deadline = System.currentTimeMillis() + 30_000;
                while (read.size() < 4 && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> read.add(r.partition() + "@" + r.offset()));
                }
                assertThat(read).containsExactlyInAnyOrder("0@6", "0@7", "0@8", "0@9");
            }
        }
    }

    private EmbeddedBroker start() {
        return EmbeddedBroker.builder().dataDir(dataDir).autoCreateTopics(false).build().start();
    }
}
