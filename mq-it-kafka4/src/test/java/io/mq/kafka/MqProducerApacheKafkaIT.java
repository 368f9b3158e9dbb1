package io.mq.kafka;

import static io.mq.producer.ProducerTestSupport.assertStoredExactly;
import static io.mq.producer.ProducerTestSupport.await;
import static io.mq.producer.ProducerTestSupport.readAll;
import static io.mq.producer.ProducerTestSupport.text;
import static io.mq.producer.ProducerTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.benchmarks.kafka.ApacheKafkaServer;
import io.mq.broker.it.KafkaClients;
import io.mq.client.ClientResources;
import io.mq.client.UnknownTopicException;
import io.mq.producer.Acks;
import io.mq.producer.FatalSendException;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerOptions;
import io.mq.producer.ProducerRecord;
import io.mq.producer.SendResult;
import io.mq.protocol.Errors;
import io.mq.protocol.record.CompressionType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link MqProducer} against a real Apache Kafka 4.x broker ({@link ApacheKafkaServer}, KRaft, loopback, topic
 * auto-creation off): every send mode, idempotent and not, read back byte-exact by a kafka-clients 4.x consumer; key
 * placement identical to kafka-clients'; a missing topic fails with the unknown-topic error.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MqProducerApacheKafkaIT {

    private static final int PARTITIONS = 3;

    private static ApacheKafkaServer kafka;
    private static ClientResources resources;
    private static Admin admin;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = ApacheKafkaServer.start(Map.of("auto.create.topics.enable", "false"), ApacheKafkaServer.DEFAULT_HEAP,
                ApacheKafkaServer.DEFAULT_START_TIMEOUT);
        resources = ClientResources.builder().ioThreads(2).build();
        admin = KafkaClients.admin(kafka.bootstrapServers());
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of("modes-idempotent", "modes-plain", "modes-zstd", "keys-mq", "keys-kafka")) {
            topics.add(new NewTopic(topic, topic.startsWith("keys") ? 7 : PARTITIONS, (short) 1));
        }
        admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (resources != null) {
            resources.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static MqProducer producer(ProducerOptions options) {
        return MqProducer.builder().bootstrapServers(kafka.bootstrapServers()).options(options).resources(resources)
                .build();
    }

    @Test
    void idempotentProducerSendsInEveryModeByteExact() throws Exception {
        sendInEveryModeAndReadBack("modes-idempotent", ProducerOptions.builder().idempotence(true).build());
    }

    @Test
    void plainAcksOneProducerSendsInEveryModeByteExact() throws Exception {
        sendInEveryModeAndReadBack("modes-plain", ProducerOptions.builder().acks(Acks.LEADER).build());
    }

    @Test
    void compressedIdempotentBatchesAreReadBackByteExact() throws Exception {
        sendInEveryModeAndReadBack("modes-zstd", ProducerOptions.builder().compression(CompressionType.ZSTD)
                .compressionMinBatchSize(0).build());
    }

    @Test
    void tenThousandRandomKeysLandWhereKafkaClientsPutThem() throws Exception {
        Random random = new Random(7);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[1 + random.nextInt(40)];
            random.nextBytes(key);
            keys.add(key);
        }
        List<CompletableFuture<SendResult>> ours;
        try (MqProducer producer = producer(ProducerOptions.defaults())) {
            ours = keys.stream().map(k -> producer.send(ProducerRecord.of("keys-mq", k, new byte[] {1}))).toList();
            await(producer.flush());
        }
        List<Integer> theirs = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> kafkaProducer = KafkaClients.producer(kafka.bootstrapServers(), Map.of())) {
            List<Future<RecordMetadata>> sends = keys.stream().map(k -> kafkaProducer.send(
                    new org.apache.kafka.clients.producer.ProducerRecord<>("keys-kafka", k, new byte[] {1}))).toList();
            for (Future<RecordMetadata> f : sends) {
                theirs.add(f.get(60, TimeUnit.SECONDS).partition());
            }
        }

        for (int i = 0; i < keys.size(); i++) {
            assertThat(ours.get(i).join().partition()).as("partition of key #%d", i).isEqualTo(theirs.get(i));
        }
    }

    @Test
    void aMissingTopicFailsWithTheUnknownTopicError() {
        try (MqProducer producer = producer(ProducerOptions.builder().maxMetadataWait(Duration.ofSeconds(1))
                .build())) {
            CompletableFuture<SendResult> future = producer.send(ProducerRecord.of("never-created", utf8("x")));

            assertThatThrownBy(() -> await(future)).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(FatalSendException.class, e -> {
                        assertThat(e.error()).contains(Errors.UNKNOWN_TOPIC_OR_PARTITION);
                        assertThat(e).hasCauseInstanceOf(UnknownTopicException.class);
                    });
        }
    }

    private static void sendInEveryModeAndReadBack(String topic, ProducerOptions options) throws Exception {
        List<ProducerRecord> async = records(topic, "async", 300);
        List<ProducerRecord> sync = records(topic, "sync", 20);
        List<ProducerRecord> oneway = records(topic, "oneway", 100);
        List<SendResult> results = new ArrayList<>();
        try (MqProducer producer = producer(options)) {
            List<CompletableFuture<SendResult>> futures = async.stream().map(producer::send).toList();
            for (CompletableFuture<SendResult> f : futures) {
                results.add(await(f));
            }
            sync.forEach(r -> results.add(producer.sendSync(r)));
            oneway.forEach(producer::sendOneway);
            await(producer.flush());
            assertThat(producer.metrics().recordsSent()).isEqualTo(420);
        }

        List<ConsumerRecord<byte[], byte[]>> read = readAll(kafka.bootstrapServers(), topic, PARTITIONS, 420);
        assertThat(read).hasSize(420);
        List<ProducerRecord> answered = new ArrayList<>(async);
        answered.addAll(sync);
        assertStoredExactly(answered, results, read.stream().filter(r -> !text(r.value()).startsWith("oneway"))
                .toList());
        assertThat(read.stream().map(r -> text(r.value())).filter(v -> v.startsWith("oneway")))
                .containsExactlyInAnyOrderElementsOf(oneway.stream().map(r -> text(r.value())).toList());
    }

    private static List<ProducerRecord> records(String topic, String mode, int count) {
        List<ProducerRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ProducerRecord.Builder b = ProducerRecord.builder(topic).value(utf8(mode + "-" + i));
            if (i % 3 != 0) {
                b.key(mode + "-key-" + (i % 11));
            }
            if (i % 4 == 0) {
                b.header("trace", utf8("t" + i)).header("empty", new byte[0]).header("nothing", null);
            }
            if (i % 5 == 0) {
                b.timestamp(1_700_000_000_000L + i);
            }
            records.add(b.build());
        }
        return records;
    }
}
