package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real Java {@link Admin} client against the embedded broker. */
class KafkaAdminIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

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
    void createListDescribeAndDeleteTopic() throws Exception {
        admin.createTopics(List.of(new NewTopic("orders", 3, (short) 1).configs(Map.of("retention.ms", "60000"))))
                .all().get(10, TimeUnit.SECONDS);

        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("orders");
        TopicDescription description = admin.describeTopics(List.of("orders")).allTopicNames()
                .get(10, TimeUnit.SECONDS).get("orders");
        assertThat(description.partitions()).hasSize(3);
        assertThat(description.partitions().get(0).leader().id()).isEqualTo(0);
        assertThat(description.topicId()).isNotNull();

        admin.deleteTopics(List.of("orders")).all().get(10, TimeUnit.SECONDS);
        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain("orders");
    }

    @Test
    void createTopicsReportsPartitionsAndConfigs() throws Exception {
        var result = admin.createTopics(List.of(new NewTopic("reported", 2, (short) 1)
                .configs(Map.of("max.message.bytes", "2048"))));

        assertThat(result.numPartitions("reported").get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(result.config("reported").get(10, TimeUnit.SECONDS).get("max.message.bytes").value())
                .isEqualTo("2048");
    }

    @Test
    void validateOnlyDoesNotCreate() throws Exception {
        admin.createTopics(List.of(new NewTopic("dry-run", 2, (short) 1)), new CreateTopicsOptions().validateOnly(true))
                .all().get(10, TimeUnit.SECONDS);

        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain("dry-run");
    }

    @Test
    void badTopicNameIsRejected() {
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("bad name!", 1, (short) 1))).all()
                .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidTopicException.class);
    }

    @Test
    void existingTopicIsRejected() throws Exception {
        admin.createTopics(List.of(new NewTopic("twice", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("twice", 1, (short) 1))).all()
                .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicExistsException.class);
    }

    @Test
    void replicationFactorAboveBrokerCountIsRejected() {
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("replicated", 1, (short) 3))).all()
                .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidReplicationFactorException.class);
    }

    @Test
    void unknownConfigIsRejected() {
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("configured", 1, (short) 1)
                .configs(Map.of("no.such.config", "1")))).all().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void deletingUnknownTopicFails() {
        assertThatThrownBy(() -> admin.deleteTopics(List.of("never-created")).all().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
    }

    @Test
    void partitionsGrowButNeverShrink() throws Exception {
        admin.createTopics(List.of(new NewTopic("growing", 2, (short) 1))).all().get(10, TimeUnit.SECONDS);

        admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(5))).all().get(10, TimeUnit.SECONDS);
        assertThat(admin.describeTopics(List.of("growing")).allTopicNames().get(10, TimeUnit.SECONDS).get("growing")
                .partitions()).hasSize(5);

        assertThatThrownBy(() -> admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(3))).all()
                .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidPartitionsException.class);
    }

    @Test
    void describeClusterListsTheBroker() throws Exception {
        DescribeClusterResult cluster = admin.describeCluster();

        assertThat(cluster.clusterId().get(10, TimeUnit.SECONDS)).isEqualTo("mq-embedded");
        assertThat(cluster.nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
        assertThat(cluster.controller().get(10, TimeUnit.SECONDS).port()).isEqualTo(BROKER.broker().port());
    }

    @Test
    void describeConfigsShowsTopicOverridesAndDefaults() throws Exception {
        admin.createTopics(List.of(new NewTopic("described", 1, (short) 1).configs(Map.of("retention.ms", "1234"))))
                .all().get(10, TimeUnit.SECONDS);
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "described");
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "0");

        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(topic, broker)).all()
                .get(10, TimeUnit.SECONDS);

        assertThat(configs.get(topic).get("retention.ms").value()).isEqualTo("1234");
        assertThat(configs.get(topic).get("retention.ms").isDefault()).isFalse();
        assertThat(configs.get(topic).get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(configs.get(topic).get("cleanup.policy").isDefault()).isTrue();
        assertThat(configs.get(broker).get("num.partitions").value()).isEqualTo("1");
    }

    @Test
    void listOffsetsEarliestLatestAndByTimestamp() throws Exception {
        admin.createTopics(List.of(new NewTopic("offsets", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(BROKER.bootstrapServers(), Map.of())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("offsets", 0, 1_000L * (i + 1), null, new byte[] {(byte) i})).get();
            }
        }
        TopicPartition tp = new TopicPartition("offsets", 0);

        assertThat(offset(tp, OffsetSpec.earliest()).offset()).isZero();
        assertThat(offset(tp, OffsetSpec.latest()).offset()).isEqualTo(10);
        ListOffsetsResultInfo byTime = offset(tp, OffsetSpec.forTimestamp(4_500L));
        assertThat(byTime.offset()).isEqualTo(4);
        assertThat(byTime.timestamp()).isEqualTo(5_000L);
        assertThat(offset(tp, OffsetSpec.forTimestamp(99_000L)).offset()).isEqualTo(-1);
        assertThat(offset(tp, OffsetSpec.maxTimestamp()).offset()).isEqualTo(9);
    }

    private static ListOffsetsResultInfo offset(TopicPartition tp, OffsetSpec spec)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        return admin.listOffsets(Map.of(tp, spec)).partitionResult(tp).get(10, TimeUnit.SECONDS);
    }

    @Test
    void listTopicsHidesNothingItShouldShow() throws Exception {
        admin.createTopics(List.of(new NewTopic("visible", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);

        Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);

        assertThat(names).contains("visible");
    }
}
