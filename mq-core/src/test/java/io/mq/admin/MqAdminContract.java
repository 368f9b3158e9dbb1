package io.mq.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.it.KafkaClients;
import io.mq.client.ClientResources;
import io.mq.client.MqExceptions;
import io.mq.client.UnknownTopicException;
import io.mq.metadata.Node;
import io.mq.metadata.TopicPartition;
import io.mq.protocol.Errors;
import io.mq.protocol.types.Uuids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link MqAdmin} must do against any Kafka-protocol cluster: every operation and its error cases. Subclasses
 * run it against the embedded broker ({@code MqAdminIT}) and a real Apache Kafka broker
 * ({@code MqAdminApacheKafkaIT} in mq-it-kafka4). Every test uses its own topics and groups.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MqAdminContract {

    /** Bound of every wait in these tests. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ClientResources resources;
    private MqAdmin admin;

    /** The cluster to run against; started before the first test. */
    protected abstract String bootstrapServers();

    /** The admin client under test, created on first use. */
    protected synchronized MqAdmin admin() {
        if (admin == null) {
            resources = ClientResources.builder().ioThreads(2).build();
            admin = MqAdmin.builder().bootstrapServers(bootstrapServers()).resources(resources)
                    .operationTimeout(TIMEOUT).build();
        }
        return admin;
    }

    @AfterAll
    void closeAdmin() {
        if (admin != null) {
            admin.close();
            resources.close();
        }
    }

    // ---- topics ----

    @Test
    void createdTopicIsListedDescribedWithPartitionsAndConfigsAndDeleted() {
        CreatedTopic created = await(admin().createTopic(new NewTopic("orders", 3, 1, Map.of("retention.ms", "60000")),
                false));

        assertThat(created.name()).isEqualTo("orders");
        assertThat(created.partitions()).isEqualTo(3);
        assertThat(created.replicationFactor()).isEqualTo(1);
        assertThat(created.topicId()).isNotEqualTo(Uuids.ZERO);
        assertThat(created.configs()).containsEntry("retention.ms", "60000");
        TopicDescription topic = awaitTopic("orders");
        assertThat(topic.topicId()).isEqualTo(created.topicId());
        assertThat(topic.internal()).isFalse();
        assertThat(topic.partitions()).extracting(PartitionDescription::partition).containsExactly(0, 1, 2);
        Node broker = await(admin().describeCluster()).nodes().get(0);
        assertThat(topic.partitions()).allSatisfy(p -> {
            assertThat(p.leader()).isEqualTo(broker);
            assertThat(p.replicas()).containsExactly(broker.id());
            assertThat(p.earliestOffset()).isZero();
            assertThat(p.latestOffset()).isZero();
        });
        assertThat(topic.configs().get("retention.ms").value()).isEqualTo("60000");
        assertThat(topic.configs().get("retention.ms").source()).isEqualTo(ConfigSource.DYNAMIC_TOPIC);
        assertThat(topic.configs().get("max.message.bytes").source()).isNotEqualTo(ConfigSource.DYNAMIC_TOPIC);
        List<TopicListing> listed = await(admin().listTopics(false));
        assertThat(listed).extracting(TopicListing::name).contains("orders");
        assertThat(listed).noneMatch(TopicListing::internal);
        assertThat(listed).filteredOn(t -> t.name().equals("orders")).singleElement()
                .isEqualTo(new TopicListing("orders", created.topicId(), false, 3));
        assertThat(await(admin().listTopics(true))).containsAll(listed);

        await(admin().deleteTopic("orders"));

        eventually("orders is no longer listed", () -> await(admin().listTopics(false)).stream()
                .noneMatch(t -> t.name().equals("orders")));
    }

    @Test
    void describeReportsEarliestAndLatestOffsetsOfEachPartition() {
        createTopic("described", 2);
        produce("described", 0, 5, System.currentTimeMillis());
        produce("described", 1, 2, System.currentTimeMillis());

        TopicDescription topic = await(admin().describeTopic("described"));

        assertThat(topic.partitions()).extracting(PartitionDescription::earliestOffset).containsExactly(0L, 0L);
        assertThat(topic.partitions()).extracting(PartitionDescription::latestOffset).containsExactly(5L, 2L);
        assertThat(topic.recordCount()).isEqualTo(7);
        assertThat(failure(admin().describeTopics(List.of("described", "missing"))))
                .isInstanceOfSatisfying(UnknownTopicException.class, e -> assertThat(e.topic()).isEqualTo("missing"));
    }

    @Test
    void createTopicsReportsAnOutcomePerTopic() {
        createTopic("existing", 1);

        List<Outcome<CreatedTopic>> outcomes = await(admin().createTopics(List.of(
                NewTopic.of("fresh", 2),
                NewTopic.of("existing", 1),
                NewTopic.of("no-partitions", 0),
                new NewTopic("too-many-replicas", 1, 3, Map.of()),
                NewTopic.of("bad-config", 1).withConfigs(Map.of("retention.ms", "soon")),
                NewTopic.of("bad name!", 1)), false));

        assertThat(outcomes).extracting(Outcome::name).containsExactly("fresh", "existing", "no-partitions",
                "too-many-replicas", "bad-config", "bad name!");
        assertThat(outcomes.get(0).isSuccess()).isTrue();
        assertThat(outcomes.get(0).value().partitions()).isEqualTo(2);
        assertThat(outcomes.get(1).error()).isInstanceOfSatisfying(TopicExistsException.class,
                e -> assertThat(e.topic()).isEqualTo("existing")).hasMessageContaining("'existing'");
        assertInvalid(outcomes.get(2).error(), "no-partitions", Errors.INVALID_PARTITIONS);
        assertInvalid(outcomes.get(3).error(), "too-many-replicas", Errors.INVALID_REPLICATION_FACTOR);
        assertThat(outcomes.get(4).error()).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'bad-config'").hasMessageContaining("retention.ms");
        assertInvalid(outcomes.get(5).error(), "bad name!", Errors.INVALID_TOPIC_EXCEPTION);
        assertThat(failure(admin().createTopic(NewTopic.of("existing", 1), false)))
                .isInstanceOf(TopicExistsException.class);
        eventually("only the valid topic exists", () -> {
            List<String> names = await(admin().listTopics(false)).stream().map(TopicListing::name).toList();
            return names.contains("fresh") && !names.contains("no-partitions") && !names.contains("bad-config");
        });
    }

    @Test
    void validateOnlyCreateCreatesNothing() {
        CreatedTopic validated = await(admin().createTopic(NewTopic.of("validated-only", 4), true));

        assertThat(validated.partitions()).isEqualTo(4);
        assertThat(await(admin().listTopics(false))).extracting(TopicListing::name).doesNotContain("validated-only");
        assertThat(failure(admin().createTopic(NewTopic.of("validated-only", 0), true)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void operationsOnUnknownTopicsFailWithUnknownTopic() {
        assertUnknownTopic(admin().describeTopic("missing"));
        assertUnknownTopic(admin().deleteTopic("missing"));
        assertUnknownTopic(admin().addPartitions("missing", 3, false));
        assertUnknownTopic(admin().describeConfigs("missing"));
        assertUnknownTopic(admin().alterConfigs("missing", Map.of("retention.ms", ConfigChange.set("1000"))));
        assertUnknownTopic(admin().resetGroupOffsets("missing-group", "missing", OffsetSpec.earliest(), true));
    }

    @Test
    void partitionsGrowButNeverShrink() {
        createTopic("growing", 1);

        await(admin().addPartitions("growing", 3, true));
        assertThat(awaitTopic("growing").partitionCount()).isEqualTo(1);
        await(admin().addPartitions("growing", 3, false));
        eventually("growing has 3 partitions", () -> awaitTopic("growing").partitionCount() == 3);

        assertInvalid(failure(admin().addPartitions("growing", 2, false)), "growing", Errors.INVALID_PARTITIONS);
        assertInvalid(failure(admin().addPartitions("growing", 3, false)), "growing", Errors.INVALID_PARTITIONS);
    }

    // ---- configs ----

    @Test
    void configsAreChangedIncrementallyAndValidated() {
        await(admin().createTopic(NewTopic.of("configured", 1).withConfigs(Map.of("retention.ms", "60000",
                "max.message.bytes", "2048")), false));
        awaitTopic("configured");

        await(admin().alterConfigs("configured", Map.of("retention.ms", ConfigChange.set("120000"),
                "max.message.bytes", ConfigChange.delete(), "cleanup.policy", ConfigChange.append("compact"))));

        eventually("the changes are visible", () -> "120000".equals(
                await(admin().describeConfigs("configured")).get("retention.ms").value()));
        Map<String, ConfigEntry> configs = await(admin().describeConfigs("configured"));
        assertThat(configs.get("retention.ms").source()).isEqualTo(ConfigSource.DYNAMIC_TOPIC);
        assertThat(configs.get("max.message.bytes").source()).isNotEqualTo(ConfigSource.DYNAMIC_TOPIC);
        assertThat(configs.get("cleanup.policy").value()).isEqualTo("delete,compact");

        await(admin().alterConfigs("configured", Map.of("retention.ms", ConfigChange.set("1")), true));
        assertThat(await(admin().describeConfigs("configured")).get("retention.ms").value()).isEqualTo("120000");

        assertThat(failure(admin().alterConfigs("configured", Map.of("retention.ms", ConfigChange.set("soon")))))
                .isInstanceOfSatisfying(InvalidConfigException.class,
                        e -> assertThat(e.resource()).isEqualTo("configured"))
                .hasMessageContaining("'configured'");
        assertThat(failure(admin().alterConfigs("configured", Map.of("no.such.config", ConfigChange.set("1")))))
                .isInstanceOf(InvalidConfigException.class);
        assertThat(failure(admin().alterConfigs("configured", Map.of("retention.ms", ConfigChange.append("5")))))
                .isInstanceOf(InvalidConfigException.class);
    }

    @Test
    void brokerConfigsAreDescribedByBrokerId() {
        Node broker = await(admin().describeCluster()).nodes().get(0);

        Map<String, ConfigEntry> configs = await(admin().describeBrokerConfigs(broker.id()));

        assertThat(configs).containsKey("num.partitions");
        assertThat(failure(admin().describeBrokerConfigs(broker.id() + 100)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(Integer.toString(broker.id() + 100));
    }

    // ---- cluster ----

    @Test
    void describeClusterListsTheBrokersAndController() {
        ClusterDescription cluster = await(admin().describeCluster());

        assertThat(cluster.clusterId()).isNotBlank();
        assertThat(cluster.nodes()).hasSize(1);
        assertThat(cluster.nodes().get(0).address()).isEqualTo(bootstrapServers());
        assertThat(cluster.controller()).isIn(cluster.nodes());
    }

    // ---- groups ----

    @Test
    void activeGroupIsListedDescribedWithAssignmentsAndCannotBeDeletedOrReset() {
        createTopic("active", 4);
        produce("active", 0, 3, System.currentTimeMillis());
        List<KafkaConsumer<byte[], byte[]>> consumers = startConsumers("active-group", "active", 2);
        try {
            List<GroupListing> listed = await(admin().listGroups(Set.of()));
            assertThat(listed).filteredOn(g -> g.groupId().equals("active-group")).singleElement()
                    .satisfies(g -> {
                        assertThat(g.state()).isEqualTo(GroupState.STABLE);
                        assertThat(g.protocolType()).isEqualTo("consumer");
                        assertThat(g.coordinator()).isIn(await(admin().describeCluster()).nodes());
                    });
            assertThat(await(admin().listGroups(Set.of(GroupState.STABLE)))).extracting(GroupListing::groupId)
                    .contains("active-group");
            assertThat(await(admin().listGroups(Set.of(GroupState.EMPTY)))).extracting(GroupListing::groupId)
                    .doesNotContain("active-group");

            GroupDescription group = await(admin().describeGroup("active-group"));
            assertThat(group.state()).isEqualTo(GroupState.STABLE);
            assertThat(group.isConsumerGroup()).isTrue();
            assertThat(group.assignor()).isEqualTo("range");
            assertThat(group.members()).hasSize(2);
            Set<TopicPartition> assigned = new HashSet<>();
            for (MemberDescription member : group.members()) {
                assertThat(member.clientId()).startsWith("consumer-active-group");
                assertThat(member.host()).contains("127.0.0.1");
                assertThat(member.subscribedTopics()).containsExactly("active");
                assertThat(member.assignment()).hasSize(2);
                assigned.addAll(member.assignment());
            }
            assertThat(assigned).hasSize(4);

            assertThat(failure(admin().deleteGroup("active-group")))
                    .isInstanceOfSatisfying(GroupNotEmptyException.class,
                            e -> assertThat(e.group()).isEqualTo("active-group"));
            assertThat(failure(admin().resetGroupOffsets("active-group", "active", OffsetSpec.latest(), false)))
                    .isInstanceOfSatisfying(GroupNotEmptyException.class,
                            e -> assertThat(e.group()).isEqualTo("active-group"))
                    .hasMessageContaining("'active-group'").hasMessageContaining("Stable");
            assertThat(failure(admin().deleteGroupOffsets("active-group", "active")))
                    .isInstanceOf(GroupNotEmptyException.class).hasMessageContaining("'active-group'");

            GroupOffsetsReset dryRun = await(admin().resetGroupOffsets("active-group", "active",
                    OffsetSpec.latest(), true));
            assertThat(dryRun.dryRun()).isTrue();
            assertThat(dryRun.partitions()).extracting(PartitionReset::newOffset).containsExactly(3L, 0L, 0L, 0L);
            assertThat(await(admin().listGroupOffsets("active-group")).partitions()).isEmpty();
        } finally {
            consumers.forEach(KafkaConsumer::close);
        }
        eventually("the group is empty", () -> await(admin().describeGroup("active-group")).state()
                == GroupState.EMPTY);
        assertThat(await(admin().describeGroup("active-group")).members()).isEmpty();
    }

    @Test
    void lagIsTheEndOffsetMinusTheOffsetAConsumerCommitted() {
        createTopic("lagging", 2);
        produce("lagging", 0, 10, System.currentTimeMillis());
        produce("lagging", 1, 10, System.currentTimeMillis());
        commit("lagging-group", Map.of(new TopicPartition("lagging", 0), 4L, new TopicPartition("lagging", 1), 7L));

        GroupOffsets offsets = await(admin().listGroupOffsets("lagging-group"));

        assertThat(offsets.groupId()).isEqualTo("lagging-group");
        assertThat(offsets.partitions()).containsExactly(
                new PartitionOffsets(new TopicPartition("lagging", 0), 4, "committed by test", 10, 6),
                new PartitionOffsets(new TopicPartition("lagging", 1), 7, "committed by test", 10, 3));
        assertThat(offsets.totalLag()).isEqualTo(9);
        assertThat(await(admin().listGroupOffsets("never-committed-group")).partitions()).isEmpty();
        assertThat(await(admin().listGroups(Set.of(GroupState.EMPTY)))).extracting(GroupListing::groupId)
                .contains("lagging-group");
    }

    @Test
    void offsetsOfAnEmptyGroupAreResetToEarliestLatestTimestampOrOffset() {
        createTopic("replayed", 2);
        long base = System.currentTimeMillis() - 60_000;
        produce("replayed", 0, 10, base);
        produce("replayed", 1, 10, base);
        TopicPartition p0 = new TopicPartition("replayed", 0);
        TopicPartition p1 = new TopicPartition("replayed", 1);
        commit("replay-group", Map.of(p0, 6L, p1, 8L));

        GroupOffsetsReset dryRun = await(admin().resetGroupOffsets("replay-group", "replayed", OffsetSpec.earliest(),
                true));
        assertThat(dryRun).isEqualTo(new GroupOffsetsReset("replay-group", true,
                List.of(new PartitionReset(p0, 6, 0), new PartitionReset(p1, 8, 0))));
        assertThat(committed("replay-group")).containsExactly(6L, 8L);

        await(admin().resetGroupOffsets("replay-group", "replayed", OffsetSpec.earliest(), false));
        assertThat(committed("replay-group")).containsExactly(0L, 0L);

        GroupOffsetsReset latest = await(admin().resetGroupOffsets("replay-group", "replayed", OffsetSpec.latest(),
                false));
        assertThat(latest.partitions()).containsExactly(new PartitionReset(p0, 0, 10), new PartitionReset(p1, 0, 10));
        assertThat(await(admin().listGroupOffsets("replay-group")).totalLag()).isZero();

        await(admin().resetGroupOffsets("replay-group", "replayed", OffsetSpec.timestamp(base + 5), false));
        assertThat(committed("replay-group")).containsExactly(5L, 5L);
        await(admin().resetGroupOffsets("replay-group", "replayed", OffsetSpec.timestamp(base + 3_600_000), false));
        assertThat(committed("replay-group")).containsExactly(10L, 10L);

        await(admin().resetGroupOffsets("replay-group", List.of(p1), OffsetSpec.offset(3), false));
        assertThat(committed("replay-group")).containsExactly(10L, 3L);
        GroupOffsetsReset clamped = await(admin().resetGroupOffsets("replay-group", List.of(p0), OffsetSpec.offset(99),
                false));
        assertThat(clamped.partitions()).containsExactly(new PartitionReset(p0, 10, 10));

        GroupOffsetsReset created = await(admin().resetGroupOffsets("new-replay-group", "replayed",
                OffsetSpec.offset(2), false));
        assertThat(created.partitions()).extracting(PartitionReset::previousOffset).containsExactly(-1L, -1L);
        assertThat(committed("new-replay-group")).containsExactly(2L, 2L);
    }

    @Test
    void resetOfUnknownPartitionsFails() {
        createTopic("reset-target", 1);

        assertThat(failure(admin().resetGroupOffsets("reset-group", List.of(new TopicPartition("reset-target", 5)),
                OffsetSpec.earliest(), false))).isInstanceOfSatisfying(UnknownTopicException.class,
                        e -> assertThat(e.topic()).isEqualTo("reset-target"))
                .hasMessageContaining("partition 5");
        assertThat(failure(admin().resetGroupOffsets("reset-group", List.of(new TopicPartition("reset-missing", 0)),
                OffsetSpec.earliest(), false))).isInstanceOf(UnknownTopicException.class);
    }

    @Test
    void groupOffsetsAndEmptyGroupsAreDeleted() {
        createTopic("kept", 1);
        createTopic("dropped", 2);
        commit("deleted-group", Map.of(new TopicPartition("kept", 0), 0L, new TopicPartition("dropped", 0), 0L,
                new TopicPartition("dropped", 1), 0L));

        assertThat(await(admin().deleteGroupOffsets("deleted-group", "dropped")))
                .containsExactly(new TopicPartition("dropped", 0), new TopicPartition("dropped", 1));
        assertThat(await(admin().listGroupOffsets("deleted-group")).partitions())
                .extracting(PartitionOffsets::partition).containsExactly(new TopicPartition("kept", 0));
        assertThat(await(admin().deleteGroupOffsets("deleted-group", "dropped"))).isEmpty();

        List<Outcome<Void>> deleted = await(admin().deleteGroups(List.of("deleted-group", "no-such-group")));

        assertThat(deleted.get(0).isSuccess()).isTrue();
        assertThat(deleted.get(1).error()).isInstanceOfSatisfying(GroupNotFoundException.class,
                e -> assertThat(e.group()).isEqualTo("no-such-group"));
        assertThat(await(admin().listGroupOffsets("deleted-group")).partitions()).isEmpty();
        assertThat(failure(admin().describeGroup("deleted-group"))).isInstanceOfSatisfying(
                GroupNotFoundException.class, e -> assertThat(e.group()).isEqualTo("deleted-group"));
        assertThat(await(admin().describeGroups(List.of("deleted-group"))).get("deleted-group").state())
                .isEqualTo(GroupState.DEAD);
        assertThat(failure(admin().deleteGroupOffsets("deleted-group", "kept")))
                .isInstanceOf(GroupNotFoundException.class);
        assertThat(await(admin().listGroups(Set.of()))).extracting(GroupListing::groupId)
                .doesNotContain("deleted-group");
    }

    // ---- helpers ----

    /** Creates a topic and waits until it can be described. */
    protected void createTopic(String name, int partitions) {
        await(admin().createTopic(NewTopic.of(name, partitions), false));
        awaitTopic(name);
    }

    /** Describes {@code name}, retrying until the cluster knows it (real Kafka propagates metadata asynchronously). */
    protected TopicDescription awaitTopic(String name) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return admin().describeTopic(name).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicException) || System.nanoTime() > deadline) {
                    throw new AssertionError("topic " + name + " cannot be described", e.getCause());
                }
                pause();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Sends {@code count} records to one partition, with timestamps {@code firstTimestamp}, +1, +2, ... */
    protected void produce(String topic, int partition, int count, long firstTimestamp) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrapServers(), Map.of())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, firstTimestamp + i, null, ("r" + i).getBytes()))
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Commits {@code offsets} for {@code group} with a real KafkaConsumer (assigned, not subscribed). */
    protected void commit(String group, Map<TopicPartition, Long> offsets) {
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> kafkaOffsets = new java.util.HashMap<>();
        offsets.forEach((tp, offset) -> kafkaOffsets.put(new org.apache.kafka.common.TopicPartition(tp.topic(),
                tp.partition()), new OffsetAndMetadata(offset, "committed by test")));
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.groupConsumer(bootstrapServers(), group,
                Map.of())) {
            consumer.assign(kafkaOffsets.keySet());
            consumer.commitSync(kafkaOffsets, TIMEOUT);
        }
    }

    /** The committed offsets of {@code group}, in partition order. */
    protected List<Long> committed(String group) {
        return await(admin().listGroupOffsets(group)).partitions().stream().map(PartitionOffsets::committedOffset)
                .toList();
    }

    /** Consumers subscribed to {@code topic} with the range assignor, polled until they share every partition. */
    protected List<KafkaConsumer<byte[], byte[]>> startConsumers(String group, String topic, int count) {
        int partitions = awaitTopic(topic).partitionCount();
        List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            KafkaConsumer<byte[], byte[]> consumer = KafkaClients.groupConsumer(bootstrapServers(), group,
                    Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName()));
            consumer.subscribe(List.of(topic));
            consumers.add(consumer);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !(consumers.stream().allMatch(c -> !c.assignment().isEmpty())
                && consumers.stream().mapToInt(c -> c.assignment().size()).sum() == partitions)) {
            consumers.forEach(c -> c.poll(Duration.ofMillis(100)));
        }
        assertThat(consumers).allMatch(c -> !c.assignment().isEmpty());
        return consumers;
    }

    /** The value of {@code future}, waiting at most {@link #TIMEOUT}. */
    protected static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("operation failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The failure of {@code future}, without the future's wrappers; fails the test if it succeeds. */
    protected static Throwable failure(CompletableFuture<?> future) {
        try {
            Object value = future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return MqExceptions.unwrap(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (at most {@link #TIMEOUT}) until {@code condition} holds. */
    protected static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertUnknownTopic(CompletableFuture<?> future) {
        assertThat(failure(future)).isInstanceOfSatisfying(UnknownTopicException.class,
                e -> assertThat(e.topic()).isEqualTo("missing")).hasMessageContaining("'missing'");
    }

    private static void assertInvalid(Throwable error, String resource, Errors code) {
        assertThat(error).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.resource()).isEqualTo(resource);
            assertThat(e.error()).contains(code);
        }).hasMessageContaining("'" + resource + "'");
    }
}
