package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedCluster;
import io.mq.broker.coordinator.OffsetStore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

/**
 * A three-broker {@link EmbeddedCluster} with real kafka-clients: leaders spread over the brokers, clients follow
 * them, groups use the coordinator their id hashes to, and an idempotent producer loses and duplicates nothing while
 * a partition's leadership moves and a broker restarts.
 */
class KafkaClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void leadersOfASixPartitionTopicAreSpreadOverThreeBrokersAndEveryPartitionServesProduceAndFetch()
            throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).build().start();
                Admin admin = KafkaClients.admin(cluster.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic("spread", 6, (short) 1))).all().get(30, TimeUnit.SECONDS);

            TopicDescription topic = admin.describeTopics(List.of("spread")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("spread");
            DescribeClusterResult described = admin.describeCluster();
            Map<Integer, Integer> partitionsPerLeader = new HashMap<>();
            for (TopicPartitionInfo partition : topic.partitions()) {
                partitionsPerLeader.merge(partition.leader().id(), 1, Integer::sum);
                assertThat(partition.replicas()).containsExactly(partition.leader());
                assertThat(cluster.leader("spread", partition.partition())).isEqualTo(partition.leader().id());
            }
            assertThat(partitionsPerLeader).containsOnlyKeys(0, 1, 2).allSatisfy((id, count) -> assertThat(count)
                    .isEqualTo(2));
            assertThat(described.nodes().get(30, TimeUnit.SECONDS)).extracting(Node::id)
                    .containsExactlyInAnyOrder(0, 1, 2);
            assertThat(described.controller().get(30, TimeUnit.SECONDS).id()).isZero();

            int perPartition = 50;
            try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(cluster.bootstrapServers(),
                    Map.of(ProducerConfig.ACKS_CONFIG, "all"))) {
                for (int i = 0; i < 6 * perPartition; i++) {
                    producer.send(new ProducerRecord<>("spread", i % 6, null, value(i)));
                }
                producer.flush();
            }
            List<ConsumerRecord<byte[], byte[]>> records = KafkaClients.readFromBeginning(cluster.bootstrapServers(),
                    partitions("spread", 6), 6 * perPartition, TIMEOUT);
            Map<Integer, Integer> perPartitionRead = new HashMap<>();
            records.forEach(r -> perPartitionRead.merge(r.partition(), 1, Integer::sum));
            assertThat(records).hasSize(6 * perPartition);
            assertThat(perPartitionRead).hasSize(6).allSatisfy((p, count) -> assertThat(count).isEqualTo(perPartition));
        }
    }

    @Test
    void consumerGroupsCommitAndFetchOffsetsThroughTheCoordinatorTheirIdHashesTo() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).build().start();
                Admin admin = KafkaClients.admin(cluster.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic("grouped", 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(cluster.bootstrapServers(), Map.of())) {
                for (int i = 0; i < 60; i++) {
                    producer.send(new ProducerRecord<>("grouped", i % 6, null, value(i)));
                }
                producer.flush();
            }
            Map<Integer, String> groupPerCoordinator = groupsCoordinatedByEachBroker(cluster);

            for (Map.Entry<Integer, String> entry : groupPerCoordinator.entrySet()) {
                String group = entry.getValue();
                assertThat(consumeAndCommit(cluster.bootstrapServers(), group, "grouped", 60)).isEqualTo(60);
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);

                assertThat(description.coordinator().id()).isEqualTo(entry.getKey());
                assertThat(committed).hasSize(6).allSatisfy((tp, offset) -> assertThat(offset.offset()).isEqualTo(10));
            }

            int restarted = 1;
            cluster.restartBroker(restarted);
            Map<TopicPartition, OffsetAndMetadata> afterRestart = admin.listConsumerGroupOffsets(
                    groupPerCoordinator.get(restarted)).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            assertThat(afterRestart).hasSize(6).allSatisfy((tp, offset) -> assertThat(offset.offset()).isEqualTo(10));
        }
    }

    @Test
    void idempotentProducerAndAConsumerLoseAndDuplicateNothingWhileLeadershipMovesAndABrokerRestarts()
            throws Exception {
        String topic = "moving";
        int partitions = 3;
        int total = 6_000;
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).build().start();
                Admin admin = KafkaClients.admin(cluster.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Map<Long, Acked> acked = new ConcurrentHashMap<>();
            AtomicReference<Exception> failure = new AtomicReference<>();
            AtomicLong sent = new AtomicLong();
            Map<String, Object> config = Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 2,
                    ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
            List<TopicPartition> all = partitions(topic, partitions);
            List<Long> consumed = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> consume(cluster.bootstrapServers(), all, total, consumed, failure),
                    "cluster-it-consumer");
            reader.start();
            Thread sender;
            try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(cluster.bootstrapServers(), config)) {
                sender = new Thread(() -> sendAll(producer, topic, partitions, total, sent, acked, failure),
                        "cluster-it-producer");
                sender.start();

                awaitAcked(acked, total / 4);
                int moved = 0;
                int from = cluster.leader(topic, moved);
                cluster.moveLeadership(topic, moved, (from + 1) % 3);
                assertThat(cluster.leader(topic, moved)).isEqualTo((from + 1) % 3);

                awaitAcked(acked, total / 2);
                int restarted = cluster.leader(topic, 1);
                cluster.stopBroker(restarted);
                awaitProgress(acked, sender);
                cluster.startBroker(restarted);

                sender.join(TIMEOUT.toMillis());
                producer.flush();
            }
            reader.join(TIMEOUT.toMillis());
            assertThat(sender.isAlive()).as("producer finished").isFalse();
            assertThat(reader.isAlive()).as("consumer finished").isFalse();
            assertThat(failure.get()).as("send or poll failure").isNull();
            assertThat(acked).hasSize(total);
            assertThat(new HashSet<>(consumed)).as("distinct records read while moving and restarting")
                    .hasSize(total);
            assertThat(consumed).as("records read while moving and restarting").hasSize(total);
            verifyExactlyOnce(cluster.bootstrapServers(), all, acked);
        }
    }

    private static void sendAll(KafkaProducer<byte[], byte[]> producer, String topic, int partitions, int total,
            AtomicLong sent, Map<Long, Acked> acked, AtomicReference<Exception> failure) {
        try {
            for (long id = 0; id < total; id++) {
                long recordId = id;
                int partition = (int) (id % partitions);
                producer.send(new ProducerRecord<>(topic, partition, null, value(id)), (RecordMetadata metadata,
                        Exception error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acked.put(recordId, new Acked(partition, metadata.offset()));
                    }
                });
                sent.incrementAndGet();
                if (id % 5 == 0) {
                    Thread.sleep(1);
                }
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    /** While a broker is down, waits until the partitions of the others took more records (or all were sent). */
    private static void awaitProgress(Map<Long, Acked> acked, Thread sender) throws InterruptedException {
        int before = acked.size();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (acked.size() < before + 200 && sender.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Reads {@code partitions} from the beginning while the cluster changes, until {@code total} records arrived. */
    private static void consume(String bootstrap, List<TopicPartition> partitions, int total, List<Long> consumed,
            AtomicReference<Exception> failure) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(bootstrap)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + 2 * TIMEOUT.toNanos();
            while (consumed.size() < total && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100))
                        .forEach(r -> consumed.add(ByteBuffer.wrap(r.value()).getLong()));
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    private static List<TopicPartition> partitions(String topic, int count) {
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            all.add(new TopicPartition(topic, p));
        }
        return all;
    }

    private static void awaitAcked(Map<Long, Acked> acked, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (acked.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(acked.size()).as("acknowledged records").isGreaterThanOrEqualTo(count);
    }

    /** Every acknowledged record is read exactly once, at its acknowledged offset; offsets are contiguous. */
    private static void verifyExactlyOnce(String bootstrap, List<TopicPartition> all, Map<Long, Acked> acked) {
        List<ConsumerRecord<byte[], byte[]>> records = KafkaClients.readFromBeginning(bootstrap, all, acked.size(),
                TIMEOUT);
        Set<Long> ids = new HashSet<>();
        Map<Integer, Long> lastOffset = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            long id = ByteBuffer.wrap(record.value()).getLong();
            assertThat(ids.add(id)).as("record %d read twice", id).isTrue();
            Long previous = lastOffset.put(record.partition(), record.offset());
            assertThat(record.offset()).as("offsets contiguous in partition %d", record.partition())
                    .isEqualTo(previous == null ? 0 : previous + 1);
            assertThat(new Acked(record.partition(), record.offset())).as("record %d", id).isEqualTo(acked.get(id));
        }
        assertThat(ids).hasSize(acked.size());
    }

    /** Consumes {@code expected} records in {@code group}, commits them and closes; returns how many were read. */
    private static int consumeAndCommit(String bootstrap, String group, String topic, int expected) {
        int read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.groupConsumer(bootstrap, group, Map.of())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read < expected && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            consumer.commitSync(TIMEOUT);
        }
        return read;
    }

    /** A group id per broker whose {@code __consumer_offsets} partition that broker leads. */
    private static Map<Integer, String> groupsCoordinatedByEachBroker(EmbeddedCluster cluster) {
        int offsetsPartitions = cluster.broker(0).config().offsetsTopicPartitions();
        Map<Integer, String> groups = new HashMap<>();
        for (int i = 0; groups.size() < cluster.size() && i < 10_000; i++) {
            String group = "group-" + i;
            int coordinator = cluster.leader(OffsetStore.TOPIC, OffsetStore.partitionFor(group, offsetsPartitions));
            groups.putIfAbsent(coordinator, group);
        }
        assertThat(groups).as("groups coordinated by each broker").hasSize(cluster.size());
        return groups;
    }

    private static byte[] value(long id) {
        return ByteBuffer.allocate(8).putLong(id).array();
    }

    /** Where an acknowledged record was placed. */
    private record Acked(int partition, long offset) {
    }
}
