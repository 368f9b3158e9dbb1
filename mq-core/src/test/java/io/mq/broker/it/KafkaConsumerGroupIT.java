package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real {@link KafkaConsumer}s in classic consumer groups against the embedded broker's group coordinator. */
class KafkaConsumerGroupIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

    private static final Duration POLL = Duration.ofMillis(100);
    private static final long TIMEOUT_MS = 60_000;

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = KafkaClients.admin(BROKER.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @ParameterizedTest
    @ValueSource(classes = {RangeAssignor.class, RoundRobinAssignor.class, CooperativeStickyAssignor.class})
    void threeConsumersShareSixPartitionsEvenlyAndTheOthersTakeOverAClosedConsumersPartitions(Class<?> assignor)
            throws Exception {
        String topic = "balanced-" + assignor.getSimpleName();
        createTopic(topic, 6);
        Map<String, Object> config = Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignor.getName());
        List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                KafkaConsumer<byte[], byte[]> consumer = KafkaClients.groupConsumer(BROKER.bootstrapServers(),
                        "group-" + topic, config);
                consumer.subscribe(List.of(topic));
                consumers.add(consumer);
            }

            pollUntil(consumers, () -> assignedEvenly(consumers, 2));
            assertThat(allAssigned(consumers)).hasSize(6);

            Set<TopicPartition> movedAway = consumers.get(2).assignment();
            consumers.remove(2).close();

            pollUntil(consumers, () -> assignedEvenly(consumers, 3));
            assertThat(allAssigned(consumers)).hasSize(6).containsAll(movedAway);
        } finally {
            consumers.forEach(KafkaConsumer::close);
        }
    }

    @Test
    void committedOffsetsSurviveAConsumerRestart() throws Exception {
        String topic = "restart-consumer";
        createTopic(topic, 2);
        produce(topic, 2, 20);
        String group = "group-" + topic;
        Set<TopicPartition> partitions = Set.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));

        try (KafkaConsumer<byte[], byte[]> first = KafkaClients.groupConsumer(BROKER.bootstrapServers(), group,
                Map.of())) {
            first.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            pollUntil(List.of(first), read, () -> read.size() >= 20);
            first.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(10, "first half"),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(7)));
        }

        produce(topic, 2, 4);
        try (KafkaConsumer<byte[], byte[]> second = KafkaClients.groupConsumer(BROKER.bootstrapServers(), group,
                Map.of())) {
            Map<TopicPartition, OffsetAndMetadata> committed = second.committed(partitions);
            assertThat(committed.get(new TopicPartition(topic, 0)).offset()).isEqualTo(10);
            assertThat(committed.get(new TopicPartition(topic, 0)).metadata()).isEqualTo("first half");
            assertThat(committed.get(new TopicPartition(topic, 1)).offset()).isEqualTo(7);

            second.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            pollUntil(List.of(second), read, () -> read.size() >= 7);
            second.poll(Duration.ofMillis(300)).forEach(read::add);
            assertThat(read).extracting(r -> r.partition() + "@" + r.offset())
                    .containsExactlyInAnyOrder("0@10", "0@11", "1@7", "1@8", "1@9", "1@10", "1@11");
        }
    }

    @Test
    void noRecordIsLostOrReadTwiceAcrossACleanRebalanceWithManualCommits() throws Exception {
        String topic = "exactly-once-processing";
        int records = 3_000;
        createTopic(topic, 6);
        produce(topic, 6, records);
        String group = "group-" + topic;
        Map<String, Object> config = Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 25);
        Map<TopicPartition, List<Long>> processed = new HashMap<>();

        try (KafkaConsumer<byte[], byte[]> first = KafkaClients.groupConsumer(BROKER.bootstrapServers(), group, config);
                KafkaConsumer<byte[], byte[]> second = KafkaClients.groupConsumer(BROKER.bootstrapServers(), group,
                        config)) {
            first.subscribe(List.of(topic), committingListener(first));
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (count(processed) < records / 3 && System.currentTimeMillis() < deadline) {
                processAndCommit(first, processed);
            }
            second.subscribe(List.of(topic), committingListener(second));
            while (count(processed) < records && System.currentTimeMillis() < deadline) {
                processAndCommit(first, processed);
                processAndCommit(second, processed);
            }
            assertThat(first.assignment()).isNotEmpty();
            assertThat(second.assignment()).isNotEmpty();
        }

        assertThat(count(processed)).isEqualTo(records);
        processed.forEach((partition, offsets) -> assertThat(offsets)
                .as("offsets processed from %s", partition).doesNotHaveDuplicates().hasSize(records / 6));
    }

    @Test
    void staticMemberRestartingWithinItsSessionGetsItsPartitionsBackWithoutARebalance() throws Exception {
        String topic = "static-members";
        createTopic(topic, 4);
        String group = "group-" + topic;
        KafkaConsumer<byte[], byte[]> stayer = staticConsumer(group, "stayer");
        KafkaConsumer<byte[], byte[]> leaver = staticConsumer(group, "restarter");
        List<KafkaConsumer<byte[], byte[]>> open = new ArrayList<>(List.of(stayer, leaver));
        List<String> stayerRebalances = new ArrayList<>();
        try {
            stayer.subscribe(List.of(topic), recordingListener(stayerRebalances));
            leaver.subscribe(List.of(topic));
            pollUntil(List.of(stayer, leaver), () -> assignedEvenly(List.of(stayer, leaver), 2));
            int generation = stayer.groupMetadata().generationId();
            Set<TopicPartition> leaverPartitions = Set.copyOf(leaver.assignment());
            stayerRebalances.clear();

            open.remove(leaver);
            leaver.close();
            KafkaConsumer<byte[], byte[]> restarted = staticConsumer(group, "restarter");
            open.add(restarted);
            restarted.subscribe(List.of(topic));
            pollUntil(List.of(stayer, restarted), () -> restarted.assignment().size() == 2);

            assertThat(restarted.assignment()).isEqualTo(leaverPartitions);
            assertThat(restarted.groupMetadata().generationId()).isEqualTo(generation);
            assertThat(stayer.groupMetadata().generationId()).isEqualTo(generation);
            assertThat(stayerRebalances).isEmpty();
        } finally {
            open.forEach(KafkaConsumer::close);
        }
    }

    private static KafkaConsumer<byte[], byte[]> staticConsumer(String group, String instanceId) {
        return KafkaClients.groupConsumer(BROKER.bootstrapServers(), group,
                Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId));
    }

    private static ConsumerRebalanceListener recordingListener(List<String> events) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                events.add("revoked " + partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                events.add("assigned " + partitions);
            }
        };
    }

    /** Processes one poll's records, then commits exactly what was processed. */
    private static void processAndCommit(KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, List<Long>> processed) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            processed.computeIfAbsent(partition, p -> new ArrayList<>()).add(record.offset());
            next.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        if (!next.isEmpty()) {
            consumer.commitSync(next);
        }
    }

    private static ConsumerRebalanceListener committingListener(KafkaConsumer<byte[], byte[]> consumer) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // every processed record was committed right after its poll: nothing is pending here
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        };
    }

    private static int count(Map<TopicPartition, List<Long>> processed) {
        return processed.values().stream().mapToInt(List::size).sum();
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
    }

    private static void produce(String topic, int partitions, int count) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(BROKER.bootstrapServers(), Map.of())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, i % partitions, null, ("record-" + i).getBytes()));
            }
            producer.flush();
        }
    }

    private static boolean assignedEvenly(List<KafkaConsumer<byte[], byte[]>> consumers, int each) {
        return consumers.stream().allMatch(c -> c.assignment().size() == each) && allAssigned(consumers).size()
                == each * consumers.size();
    }

    private static Set<TopicPartition> allAssigned(List<KafkaConsumer<byte[], byte[]>> consumers) {
        Set<TopicPartition> all = new HashSet<>();
        consumers.forEach(c -> all.addAll(c.assignment()));
        return all;
    }

    private static void pollUntil(List<KafkaConsumer<byte[], byte[]>> consumers, BooleanSupplier done) {
        pollUntil(consumers, new ArrayList<>(), done);
    }

    /** Polls every consumer in turn (collecting records) until {@code done} or the timeout; asserts {@code done}. */
    private static void pollUntil(List<KafkaConsumer<byte[], byte[]>> consumers,
            List<ConsumerRecord<byte[], byte[]>> records, BooleanSupplier done) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            for (KafkaConsumer<byte[], byte[]> consumer : consumers) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        assertThat(done.getAsBoolean()).as("condition reached within %d ms", TIMEOUT_MS).isTrue();
    }
}
