package io.mq.producer;

import static io.mq.producer.ProducerTestSupport.assertStoredExactly;
import static io.mq.producer.ProducerTestSupport.await;
import static io.mq.producer.ProducerTestSupport.readAll;
import static io.mq.producer.ProducerTestSupport.text;
import static io.mq.producer.ProducerTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.it.KafkaClients;
import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.client.ClientResources;
import io.mq.client.UnknownTopicException;
import io.mq.metadata.MetadataOptions;
import io.mq.protocol.Errors;
import io.mq.protocol.record.CompressionType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link MqProducer} against the embedded broker, with a real kafka-clients consumer (and producer, for partition
 * placement) as the oracle.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MqProducerIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.defaultPartitions(3));

    @RegisterExtension
    static final EmbeddedBrokerExtension STRICT_BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

    private static ClientResources resources;
    private static Admin admin;
    private static Admin strictAdmin;

    private final List<MqProducer> producers = new ArrayList<>();

    @BeforeAll
    static void start() {
        resources = ClientResources.builder().ioThreads(2).build();
        admin = KafkaClients.admin(BROKER.bootstrapServers());
        strictAdmin = KafkaClients.admin(STRICT_BROKER.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        admin.close();
        strictAdmin.close();
        resources.close();
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(p -> p.close(Duration.ofSeconds(10)));
    }

    private MqProducer producer(ProducerOptions options) {
        return producer(BROKER.bootstrapServers(), options);
    }

    private MqProducer producer(String bootstrap, ProducerOptions options) {
        MqProducer producer = MqProducer.builder().bootstrapServers(bootstrap).options(options).resources(resources)
                .build();
        producers.add(producer);
        return producer;
    }

    private static List<ProducerRecord> mixedRecords(String topic, int count) {
        List<ProducerRecord> records = new ArrayList<>();
        long base = 1_700_000_000_000L;
        for (int i = 0; i < count; i++) {
            ProducerRecord.Builder b = ProducerRecord.builder(topic).value(i % 17 == 0 ? null : utf8("value-" + i));
            if (i % 3 != 0) {
                b.key("key-" + (i % 11));
            }
            if (i % 4 == 0) {
                b.header("trace", utf8("t" + i)).header("empty", new byte[0]).header("nothing", null);
            }
            if (i % 5 == 0) {
                b.timestamp(base + i);
            }
            if (i % 7 == 0) {
                b.partition(i % 3);
            }
            records.add(b.build());
        }
        return records;
    }

    @Test
    void sendDeliversEveryRecordByteExactInOrderPerPartition() throws Exception {
        MqProducer producer = producer(ProducerOptions.defaults());
        List<ProducerRecord> sent = mixedRecords("async-topic", 500);

        List<CompletableFuture<SendResult>> futures = sent.stream().map(producer::send).toList();
        List<SendResult> results = new ArrayList<>();
        for (CompletableFuture<SendResult> f : futures) {
            results.add(await(f));
        }

        assertStoredExactly(sent, results, readAll(BROKER.bootstrapServers(), "async-topic", 3, sent.size()));
        for (int p = 0; p < 3; p++) {
            int partition = p;
            List<Long> offsets = results.stream().filter(r -> r.partition() == partition).map(SendResult::offset)
                    .toList();
            assertThat(offsets).isSorted().doesNotHaveDuplicates();
        }
        ProducerMetrics metrics = producer.metrics();
        assertThat(metrics.recordsSent()).isEqualTo(500);
        assertThat(metrics.requestLatencyNanos().count()).isPositive();
        assertThat(metrics.batchSizeBytes().count()).isPositive();
        assertThat(metrics.connections()).isPositive();
        assertThat(metrics.metadataAgeMillis()).isNotNegative();
        assertThat(metrics.inFlightRequests()).isZero();
        assertThat(metrics.bufferAvailableBytes()).isEqualTo(metrics.bufferTotalBytes());
        assertThat(producer.state()).isEqualTo(MqProducer.State.RUNNING);
    }

    @Test
    void sendWithACallbackTellsEveryRecordItsOutcomeOnceEvenWhenACallbackThrows() throws Exception {
        MqProducer producer = producer(ProducerOptions.builder().maxRequestSize(10_000).batchSize(4096).build());
        List<ProducerRecord> sent = mixedRecords("callback-topic", 300);
        java.util.Map<Integer, SendResult> results = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> allTold = new CompletableFuture<>();

        for (int i = 0; i < sent.size(); i++) {
            int index = i;
            producer.send(sent.get(i), (result, failure) -> {
                assertThat(failure).isNull();
                results.put(index, result);
                if (calls.incrementAndGet() == sent.size()) {
                    allTold.complete(null);
                }
                if (index % 50 == 0) {
                    throw new IllegalStateException("a callback that throws"); // logged; the others still run
                }
            });
        }
        await(allTold);
        List<SendResult> inOrder = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            inOrder.add(results.get(i));
        }

        assertStoredExactly(sent, inOrder, readAll(BROKER.bootstrapServers(), "callback-topic", 3, sent.size()));
        assertThat(calls).hasValue(sent.size());
    }

    @Test
    void aRecordRefusedAtOnceIsReportedToItsCallbackOnTheSendingThread() {
        MqProducer producer = producer(ProducerOptions.builder().maxRequestSize(10_000).batchSize(4096).build());
        List<Object> told = new ArrayList<>();

        producer.send(ProducerRecord.of("sizes", new byte[20_000]),
                (result, failure) -> told.add(failure == null ? result : failure.code()));

        assertThat(told).containsExactly(SendFailedException.RECORD_TOO_LARGE); // before send returned
    }

    @Test
    void sendSyncWaitsForTheBrokerAndSkipsLinger() {
        MqProducer producer = producer(ProducerOptions.builder().linger(Duration.ofMinutes(10))
                .deliveryTimeout(Duration.ofMinutes(20)).build());
        List<ProducerRecord> sent = mixedRecords("sync-topic", 20);

        List<SendResult> results = sent.stream().map(producer::sendSync).toList();

        assertStoredExactly(sent, results, readAll(BROKER.bootstrapServers(), "sync-topic", 3, sent.size()));
    }

    @Test
    void sendOnewayDeliversWithoutAnswers() throws Exception {
        MqProducer producer = producer(ProducerOptions.defaults());
        List<ProducerRecord> sent = mixedRecords("oneway-topic", 300);

        sent.forEach(producer::sendOneway);
        await(producer.flush());

        List<ConsumerRecord<byte[], byte[]>> read = readAll(BROKER.bootstrapServers(), "oneway-topic", 3, 300);
        assertThat(read).hasSize(300);
        assertThat(read.stream().map(r -> text(r.value()))).containsExactlyInAnyOrderElementsOf(
                sent.stream().map(r -> text(r.value())).toList());
        assertThat(producer.metrics().recordsSent()).isEqualTo(300);
        assertThat(producer.metrics().requestLatencyNanos().count()).isZero(); // no answers were awaited
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void everyCompressionTypeIsReadBackByteExact(CompressionType compression) throws Exception {
        String topic = "compressed-" + compression.configName();
        MqProducer producer = producer(ProducerOptions.builder().compression(compression)
                .compressionMinBatchSize(0).build());
        List<ProducerRecord> sent = mixedRecords(topic, 400);

        List<CompletableFuture<SendResult>> futures = sent.stream().map(producer::send).toList();
        List<SendResult> results = new ArrayList<>();
        for (CompletableFuture<SendResult> f : futures) {
            results.add(await(f));
        }

        assertStoredExactly(sent, results, readAll(BROKER.bootstrapServers(), topic, 3, sent.size()));
    }

    @Test
    void tenThousandRandomKeysLandWhereKafkaClientsPutThem() throws Exception {
        admin.createTopics(List.of(new NewTopic("keys-mq", 7, (short) 1), new NewTopic("keys-kafka", 7, (short) 1)))
                .all().get(30, TimeUnit.SECONDS);
        MqProducer producer = producer(ProducerOptions.defaults());
        Random random = new Random(42);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[1 + random.nextInt(40)];
            random.nextBytes(key);
            keys.add(key);
        }

        List<CompletableFuture<SendResult>> ours = keys.stream()
                .map(k -> producer.send(ProducerRecord.of("keys-mq", k, new byte[] {1}))).toList();
        List<Integer> theirs = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> kafka = KafkaClients.producer(BROKER.bootstrapServers(), Map.of())) {
            List<java.util.concurrent.Future<RecordMetadata>> sends = keys.stream().map(k -> kafka.send(
                    new org.apache.kafka.clients.producer.ProducerRecord<>("keys-kafka", k, new byte[] {1}))).toList();
            for (java.util.concurrent.Future<RecordMetadata> f : sends) {
                theirs.add(f.get(30, TimeUnit.SECONDS).partition());
            }
        }

        for (int i = 0; i < keys.size(); i++) {
            assertThat(await(ours.get(i)).partition()).as("partition of key #%d", i).isEqualTo(theirs.get(i));
        }
    }

    @Test
    void unknownTopicWithAutoCreateOffFailsWithTheUnknownTopicError() {
        MqProducer producer = producer(STRICT_BROKER.bootstrapServers(), ProducerOptions.builder()
                .maxMetadataWait(Duration.ofMillis(500)).build());

        CompletableFuture<SendResult> future = producer.send(ProducerRecord.of("no-such-topic", utf8("lost")));

        assertThatThrownBy(() -> await(future)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(FatalSendException.class, e -> {
                    assertThat(e.error()).contains(Errors.UNKNOWN_TOPIC_OR_PARTITION);
                    assertThat(e.topic()).isEqualTo("no-such-topic");
                    assertThat(e.persistence()).isEqualTo(Persistence.NOT_PERSISTED);
                    assertThat(e).hasCauseInstanceOf(UnknownTopicException.class)
                            .hasMessageContaining("no-such-topic");
                });
        assertThat(producer.metrics().recordErrorsByCode()).containsEntry("UNKNOWN_TOPIC_OR_PARTITION", 1L);
    }

    @Test
    void aFullBufferFailsFastAndTheQueuedRecordsStillGo() throws Exception {
        MqProducer producer = producer(ProducerOptions.builder().bufferMemory(8 * 1024).maxRequestSize(8 * 1024)
                .batchSize(1024).linger(Duration.ofMinutes(10)).deliveryTimeout(Duration.ofMinutes(20)).build());
        producer.sendSync(ProducerRecord.of("full-topic", utf8("metadata known"))); // memory, not metadata, runs out
        List<CompletableFuture<SendResult>> accepted = new ArrayList<>();
        CompletableFuture<SendResult> refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            CompletableFuture<SendResult> f = producer.send(ProducerRecord.builder("full-topic").partition(i % 3)
                    .value(new byte[900]).build());
            if (f.isCompletedExceptionally()) {
                refused = f;
            } else {
                accepted.add(f);
            }
        }

        assertThat(refused).as("a send refused for lack of memory").isNotNull();
        assertThatThrownBy(refused::join).cause().isInstanceOfSatisfying(RetriableSendException.class,
                e -> assertThat(e.code()).isEqualTo(SendFailedException.BUFFER_EXHAUSTED));
        await(producer.flush());
        for (CompletableFuture<SendResult> f : accepted) {
            assertThat(f).isCompletedWithValueMatching(SendResult::hasOffset);
        }
    }

    @Test
    void blockingModeWaitsUpToMaxBlockThenFails() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.builder().host("127.0.0.1").port(0).build().start();
        MqProducer producer = producer(broker.bootstrapServers(), ProducerOptions.builder().bufferMemory(4 * 1024)
                .maxRequestSize(4 * 1024).batchSize(1024).linger(Duration.ofMinutes(10))
                .deliveryTimeout(Duration.ofMinutes(20)).blockWhenFull(Duration.ofMillis(200)).build());
        producer.sendSync(ProducerRecord.of("block-topic", utf8("metadata known")));
        broker.close(); // nothing can be delivered: memory is only freed by the delivery timeout
        CompletableFuture<SendResult> refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            CompletableFuture<SendResult> f = producer.send(ProducerRecord.builder("block-topic").value(new byte[900])
                    .build());
            if (f.isCompletedExceptionally()) {
                refused = f;
            }
        }

        assertThat(refused).isNotNull();
        assertThatThrownBy(refused::join).cause().isInstanceOfSatisfying(RetriableSendException.class, e -> {
            assertThat(e.code()).isEqualTo(SendFailedException.BUFFER_EXHAUSTED);
            assertThat(e).hasMessageContaining("max block time of 200 ms");
        });
        producer.close(Duration.ZERO);
    }

    @Test
    void blockingModeCarriesABurstToANewTopicThroughAFullParkingAreaAndAFullBuffer() throws Exception {
        // 2,000 x 1 KiB sent at once to a topic without metadata yet: the records waiting for metadata fill the
        // 64 KiB bound (the sender blocks), and released records meet a full buffer (they wait for memory)
        MqProducer producer = producer(ProducerOptions.builder().bufferMemory(64 * 1024).batchSize(16 * 1024)
                .maxRequestSize(64 * 1024).blockWhenFull(Duration.ofSeconds(30)).build());
        List<ProducerRecord> sent = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            byte[] value = new byte[1024];
            java.nio.ByteBuffer.wrap(value).putInt(i);
            sent.add(ProducerRecord.of("burst-topic", value));
        }

        List<CompletableFuture<SendResult>> futures = sent.stream().map(producer::send).toList();
        List<SendResult> results = new ArrayList<>();
        for (CompletableFuture<SendResult> f : futures) {
            results.add(await(f));
        }

        assertStoredExactly(sent, results, readAll(BROKER.bootstrapServers(), "burst-topic", 3, sent.size()));
        assertThat(producer.metrics().bufferAvailableBytes()).isEqualTo(producer.metrics().bufferTotalBytes());
    }

    @Test
    void anOversizedRecordFailsAtOnceWithoutDisturbingOthers() throws Exception {
        MqProducer producer = producer(ProducerOptions.builder().maxRequestSize(10_000).batchSize(4096).build());

        CompletableFuture<SendResult> before = producer.send(ProducerRecord.of("sizes", utf8("small-1")));
        CompletableFuture<SendResult> huge = producer.send(ProducerRecord.of("sizes", new byte[20_000]));
        boolean failedAtOnce = huge.isCompletedExceptionally();
        CompletableFuture<SendResult> after = producer.send(ProducerRecord.of("sizes", utf8("small-2")));

        assertThat(failedAtOnce).isTrue();
        assertThatThrownBy(huge::join).cause().isInstanceOfSatisfying(SendConfigurationException.class,
                e -> assertThat(e.code()).isEqualTo(SendFailedException.RECORD_TOO_LARGE));
        assertThat(await(before).hasOffset()).isTrue();
        assertThat(await(after).hasOffset()).isTrue();
    }

    @Test
    void closeDeliversEverythingAlreadySentThenRefusesSends() throws Exception {
        MqProducer producer = producer(ProducerOptions.builder().linger(Duration.ofMinutes(10))
                .deliveryTimeout(Duration.ofMinutes(20)).build());
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            futures.add(producer.send(ProducerRecord.of("close-topic", utf8("k" + (i % 13)), utf8("v" + i))));
        }
        producer.sendOneway(ProducerRecord.of("close-topic", utf8("oneway")));

        producer.close(Duration.ofSeconds(30));

        assertThat(producer.state()).isEqualTo(MqProducer.State.CLOSED);
        for (CompletableFuture<SendResult> f : futures) {
            assertThat(f).isCompletedWithValueMatching(SendResult::hasOffset);
        }
        assertThat(readAll(BROKER.bootstrapServers(), "close-topic", 3, 1001)).hasSize(1001);
        assertThatThrownBy(() -> producer.send(ProducerRecord.of("close-topic", utf8("late"))).join()).cause()
                .isInstanceOfSatisfying(FatalSendException.class,
                        e -> assertThat(e.code()).isEqualTo(SendFailedException.PRODUCER_CLOSED));
    }

    @Test
    void aRecordThatExhaustsItsAttemptsGoesToTheDeadLetterTopic() throws Exception {
        strictAdmin.createTopics(List.of(new NewTopic("doomed", 1, (short) 1), new NewTopic("dead-letters", 1,
                (short) 1))).all().get(30, TimeUnit.SECONDS);
        MqProducer producer = MqProducer.builder()
                .metadata(MetadataOptions.builder(STRICT_BROKER.bootstrapServers()).allowAutoTopicCreation(false)
                        .build())
                .options(ProducerOptions.builder().maxAttempts(3).backoff(BackoffPolicy.fixed(Duration.ofMillis(50)))
                        .linger(Duration.ZERO).requestTimeout(Duration.ofSeconds(2))
                        .deliveryTimeout(Duration.ofSeconds(5)).deadLetterTopic("dead-letters").build())
                .resources(resources).build();
        producers.add(producer);
        SendResult first = producer.sendSync(ProducerRecord.of("doomed", utf8("k"), utf8("stored")));
        strictAdmin.deleteTopics(List.of("doomed")).all().get(30, TimeUnit.SECONDS);

        SendResult second = await(producer.send(ProducerRecord.builder("doomed").key("k").value(utf8("orphan"))
                .header("app", utf8("mine")).build()));

        assertThat(first.topic()).isEqualTo("doomed");
        assertThat(second.topic()).isEqualTo("dead-letters");
        List<ConsumerRecord<byte[], byte[]>> dead = readAll(STRICT_BROKER.bootstrapServers(), "dead-letters", 1, 1);
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(text(r.key())).isEqualTo("k");
            assertThat(text(r.value())).isEqualTo("orphan");
            assertThat(text(r.headers().lastHeader("app").value())).isEqualTo("mine");
            assertThat(text(r.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC).value())).isEqualTo("doomed");
            assertThat(text(r.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value())).isEqualTo("0");
            assertThat(text(r.headers().lastHeader(DeadLetterHeaders.ERROR).value()))
                    .isIn(Errors.UNKNOWN_TOPIC_OR_PARTITION.name(), SendFailedException.DELIVERY_TIMEOUT);
        });
        assertThat(producer.metrics().recordsDeadLettered()).isEqualTo(1);
    }
}
