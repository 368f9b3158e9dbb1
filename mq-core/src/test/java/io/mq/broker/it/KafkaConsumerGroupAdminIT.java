package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.GroupSubscribedToTopicException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real Java {@link Admin} client's consumer-group operations against the embedded broker. Uses the group state
 * API that both kafka-clients 3.9 and 4.x have ({@code state()}, deprecated in 4.x).
 */
@SuppressWarnings("deprecation")
class KafkaConsumerGroupAdminIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

    private static final long TIMEOUT_MS = 30_000;
    private static final int RECORDS_PER_PARTITION = 10;

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = KafkaClients.admin(BROKER.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void activeGroupIsListedDescribedWithAssignmentsAndCannotBeDeleted() throws Exception {
        String topic = "admin-active";
        String group = "admin-active-group";
        createTopicWithRecords(topic, 4);
        List<KafkaConsumer<byte[], byte[]>> consumers = startConsumers(group, topic, 2);
        try {
            consumers.get(0).commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3, "checkpoint")));

            assertThat(listed(new ListConsumerGroupsOptions())).containsEntry(group, ConsumerGroupState.STABLE);
            assertThat(listed(new ListConsumerGroupsOptions().inStates(Set.of(ConsumerGroupState.STABLE))))
                    .containsKey(group);
            assertThat(listed(new ListConsumerGroupsOptions().inStates(Set.of(ConsumerGroupState.EMPTY))))
                    .doesNotContainKey(group);

            ConsumerGroupDescription description = describe(group);
            assertThat(description.state()).isEqualTo(ConsumerGroupState.STABLE);
            assertThat(description.partitionAssignor()).isEqualTo("range");
            assertThat(description.isSimpleConsumerGroup()).isFalse();
            assertThat(description.coordinator().id()).isEqualTo(0);
            assertThat(description.members()).hasSize(2);
            Set<TopicPartition> assigned = new HashSet<>();
            for (MemberDescription member : description.members()) {
                assertThat(member.host()).isEqualTo("/127.0.0.1");
                assertThat(member.clientId()).startsWith("consumer-" + group);
                assertThat(member.assignment().topicPartitions()).hasSize(2);
                assigned.addAll(member.assignment().topicPartitions());
            }
            assertThat(assigned).hasSize(4);

            assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS))
                    .containsEntry(new TopicPartition(topic, 0), new OffsetAndMetadata(3, "checkpoint"));

            assertThatThrownBy(() -> admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(GroupNotEmptyException.class);
            assertThatThrownBy(() -> admin.deleteConsumerGroupOffsets(group, Set.of(new TopicPartition(topic, 0)))
                    .all().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(GroupSubscribedToTopicException.class);
            assertThatThrownBy(() -> admin.alterConsumerGroupOffsets(group,
                    Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1))).all().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(UnknownMemberIdException.class);
        } finally {
            consumers.forEach(KafkaConsumer::close);
        }
        assertThat(describe(group).state()).isEqualTo(ConsumerGroupState.EMPTY);
        assertThat(listed(new ListConsumerGroupsOptions())).containsEntry(group, ConsumerGroupState.EMPTY);
    }

    @Test
    void offsetsOfAnEmptyGroupCanBeAlteredToEarliestLatestOrAGivenOffset() throws Exception {
        String topic = "admin-alter";
        String group = "admin-alter-group";
        createTopicWithRecords(topic, 3);
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        TopicPartition p2 = new TopicPartition(topic, 2);
        startConsumers(group, topic, 1).forEach(KafkaConsumer::close);
        long earliest = admin.listOffsets(Map.of(p0, OffsetSpec.earliest())).partitionResult(p0)
                .get(10, TimeUnit.SECONDS).offset();
        long latest = admin.listOffsets(Map.of(p1, OffsetSpec.latest())).partitionResult(p1)
                .get(10, TimeUnit.SECONDS).offset();

        admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(earliest),
                p1, new OffsetAndMetadata(latest), p2, new OffsetAndMetadata(4, "replay from 4")))
                .all().get(10, TimeUnit.SECONDS);

        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        assertThat(offsets).containsEntry(p0, new OffsetAndMetadata(0))
                .containsEntry(p1, new OffsetAndMetadata(RECORDS_PER_PARTITION))
                .containsEntry(p2, new OffsetAndMetadata(4, "replay from 4"));
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.groupConsumer(BROKER.bootstrapServers(), group,
                Map.of())) {
            consumer.subscribe(List.of(topic));
            List<String> read = new ArrayList<>();
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (read.size() < 2 * RECORDS_PER_PARTITION - 4 && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> read.add(r.partition() + "@" + r.offset()));
            }
            assertThat(read).hasSize(2 * RECORDS_PER_PARTITION - 4).contains("0@0", "2@4").doesNotContain("2@3")
                    .noneMatch(r -> r.startsWith("1@"));
        }
    }

    @Test
    void offsetsAndEmptyGroupsCanBeDeleted() throws Exception {
        String topic = "admin-delete";
        String group = "admin-delete-group";
        createTopicWithRecords(topic, 2);
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(5), p1, new OffsetAndMetadata(6)))
                .all().get(10, TimeUnit.SECONDS);
        assertThat(listed(new ListConsumerGroupsOptions())).containsEntry(group, ConsumerGroupState.EMPTY);

        admin.deleteConsumerGroupOffsets(group, Set.of(p0)).all().get(10, TimeUnit.SECONDS);
        assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS))
                .containsOnlyKeys(p1);

        admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
        assertThat(listed(new ListConsumerGroupsOptions())).doesNotContainKey(group);
        assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS))
                .isEmpty();
        assertThat(describe(group).state()).isEqualTo(ConsumerGroupState.DEAD);
    }

    /** Consumers subscribed to {@code topic}, polled until each has its share of the partitions. */
    private static List<KafkaConsumer<byte[], byte[]>> startConsumers(String group, String topic, int count) {
        List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            KafkaConsumer<byte[], byte[]> consumer = KafkaClients.groupConsumer(BROKER.bootstrapServers(), group,
                    Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName()));
            consumer.subscribe(List.of(topic));
            consumers.add(consumer);
        }
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline && !(consumers.stream().allMatch(c -> !c.assignment().isEmpty())
                && consumers.stream().mapToInt(c -> c.assignment().size()).sum() == partitions(topic))) {
            consumers.forEach(c -> c.poll(Duration.ofMillis(100)));
        }
        assertThat(consumers).allMatch(c -> !c.assignment().isEmpty());
        return consumers;
    }

    private static int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, ConsumerGroupState> listed(ListConsumerGroupsOptions options) throws Exception {
        Map<String, ConsumerGroupState> groups = new java.util.HashMap<>();
        for (ConsumerGroupListing listing : admin.listConsumerGroups(options).all().get(10, TimeUnit.SECONDS)) {
            groups.put(listing.groupId(), listing.state().orElse(null));
        }
        return groups;
    }

    private static ConsumerGroupDescription describe(String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS);
    }

    private static void createTopicWithRecords(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(BROKER.bootstrapServers(), Map.of())) {
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                    producer.send(new ProducerRecord<>(topic, p, null, ("r" + i).getBytes()));
                }
            }
            producer.flush();
        }
    }
}
