package io.mq.producer;

import static io.mq.producer.ProducerTestSupport.await;
import static io.mq.producer.ProducerTestSupport.readAll;
import static io.mq.producer.ProducerTestSupport.text;
import static io.mq.producer.ProducerTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedCluster;
import io.mq.broker.it.KafkaClients;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link MqProducer} against a three-broker {@link EmbeddedCluster}: records go to each partition's leader, and while
 * leaderships move and a broker restarts mid-stream the idempotent producer follows the leaders (NOT_LEADER_OR_FOLLOWER
 * and disconnects refresh metadata, then retry) without losing, duplicating or reordering a record.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MqProducerClusterIT {

    private static final String TOPIC = "moving";
    private static final int PARTITIONS = 6;
    private static final int RECORDS = 20_000;

    @Test
    void leadershipMovesAndABrokerRestartMidStreamLoseDuplicateAndReorderNothing() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).build().start();
             Admin admin = KafkaClients.admin(cluster.bootstrapServers());
             ClientResources resources = ClientResources.builder().ioThreads(2).build()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            List<CompletableFuture<SendResult>> futures = new CopyOnWriteArrayList<>();
            MqProducer producer = MqProducer.builder().bootstrapServers(cluster.bootstrapServers())
                    .options(ProducerOptions.builder().idempotence(true).linger(Duration.ofMillis(2)).batchSize(2048)
                            .requestTimeout(Duration.ofSeconds(5)).deliveryTimeout(Duration.ofMinutes(2)).build())
                    .connection(ConnectionOptions.builder()
                            .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).build())
                    .resources(resources).build();
            try (producer) {
                Thread sending = new Thread(() -> {
                    for (int sequence = 0; sequence < RECORDS; sequence++) {
                        futures.add(producer.send(ProducerRecord.of(TOPIC, utf8("key-" + (sequence % 60)),
                                utf8(Integer.toString(sequence)))));
                        if (sequence % 50 == 49) {
                            pause(1);
                        }
                    }
                }, "cluster-test-sender");
                sending.start();
                awaitAcknowledged(futures, 2_000);

                int from0 = cluster.leader(TOPIC, 0);
                cluster.moveLeadership(TOPIC, 0, (from0 + 1) % 3);
                int from1 = cluster.leader(TOPIC, 1);
                cluster.moveLeadership(TOPIC, 1, (from1 + 2) % 3);
                awaitAcknowledged(futures, 8_000);
                cluster.restartBroker(cluster.leader(TOPIC, 2));
                sending.join();

                for (CompletableFuture<SendResult> f : futures) {
                    assertThat(await(f).hasOffset()).isTrue();
                }
                assertThat(producer.metrics().recordErrors()).isZero();
                assertThat(producer.metrics().retries()).as("batches retried after the moves").isPositive();
            }

            List<ConsumerRecord<byte[], byte[]>> read = readAll(cluster.bootstrapServers(), TOPIC, PARTITIONS,
                    RECORDS);
            assertThat(read.stream().map(r -> text(r.value()))).hasSize(RECORDS).doesNotHaveDuplicates();
            Map<Integer, List<Integer>> sequencesByPartition = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : read) {
                sequencesByPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>())
                        .add(Integer.parseInt(text(r.value())));
            }
            assertThat(sequencesByPartition).hasSize(PARTITIONS);
            sequencesByPartition.values().forEach(sequences -> assertThat(sequences).isSorted());
        }
    }

    /** Waits until the first {@code count} sends were acknowledged (the stream is flowing). */
    private static void awaitAcknowledged(List<CompletableFuture<SendResult>> futures, int count) {
        while (futures.size() < count || !futures.get(count - 1).isDone()) {
            pause(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
