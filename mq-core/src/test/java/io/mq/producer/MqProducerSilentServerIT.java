package io.mq.producer;

import static io.mq.producer.ProducerTestSupport.WAIT;
import static io.mq.producer.ProducerTestSupport.await;
import static io.mq.producer.ProducerTestSupport.readAll;
import static io.mq.producer.ProducerTestSupport.text;
import static io.mq.producer.ProducerTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.client.internal.BrokerConnection;
import io.mq.client.internal.ConnectionPool;
import io.mq.metadata.internal.DefaultMetadataManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * {@link MqProducer} in front of a server that accepts connections but never answers: a {@link FreezableProxy} between
 * the producer and the embedded broker goes silent, the heartbeat and the request timeout close the silent
 * connections, and once new connections get through again every record is delivered exactly once, in order.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MqProducerSilentServerIT {

    private static final String TOPIC = "silent-server";
    private static final int PARTITIONS = 3;
    private static final int RECORDS_PER_PHASE = 30;

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.defaultPartitions(PARTITIONS));

    private static final List<String> FAILURE_LOGGERS = List.of(BrokerConnection.class.getName(),
            ConnectionPool.class.getName(), DefaultMetadataManager.class.getName(),
            "io.mq.producer.internals.ProduceOutcomes", "io.mq.producer.internals.Sender");

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureFailureLogs() {
        logged.start();
        FAILURE_LOGGERS.forEach(c -> ((Logger) LoggerFactory.getLogger(c)).addAppender(logged));
    }

    @AfterEach
    void releaseFailureLogs() {
        FAILURE_LOGGERS.forEach(c -> ((Logger) LoggerFactory.getLogger(c)).detachAppender(logged));
    }

    @Test
    void aSilentServerIsDetectedByTheHeartbeatAndTheProducerRecoversWithoutLossDuplicatesOrReordering()
            throws Exception {
        try (ClientResources resources = ClientResources.builder().ioThreads(1).build();
             FreezableProxy proxy = FreezableProxy.start("127.0.0.1", BROKER.broker().port());
             MqProducer producer = MqProducer.builder().bootstrapServers(proxy.bootstrapServers())
                     .options(ProducerOptions.builder().idempotence(true).linger(Duration.ofMillis(2))
                             .requestTimeout(Duration.ofMillis(500)).deliveryTimeout(Duration.ofMinutes(1))
                             .backoff(BackoffPolicy.fixed(Duration.ofMillis(50))).build())
                     .connection(ConnectionOptions.builder().heartbeat(Duration.ofMillis(200), Duration.ofMillis(500))
                             .requestTimeout(Duration.ofMillis(500)).connectTimeout(Duration.ofSeconds(1))
                             .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).build())
                     .resources(resources).build()) {
            List<ProducerRecord> sent = new ArrayList<>();
            List<CompletableFuture<SendResult>> futures = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_PHASE; i++) {
                futures.add(send(producer, sent, i));
            }
            for (CompletableFuture<SendResult> future : futures) {
                await(future);
            }
            assertThat(proxy.framesToClients()).as("the producer talks through the proxy").isPositive();

            List<FreezableProxy.Connection> silenced = proxy.freeze();
            assertThat(silenced).as("connections open before the freeze").isNotEmpty();
            waitUntil(() -> silenced.stream().allMatch(FreezableProxy.Connection::closedByClient),
                    "the heartbeat closes the idle silent connections");

            int closedBefore = closedByClient(proxy);
            List<CompletableFuture<SendResult>> whileSilent = new ArrayList<>();
            for (int i = RECORDS_PER_PHASE; i < 2 * RECORDS_PER_PHASE; i++) {
                whileSilent.add(send(producer, sent, i));
            }
            assertThat(whileSilent).as("sends return at once, unanswered, while every connection is silent")
                    .noneMatch(CompletableFuture::isDone);
            waitUntil(() -> closedByClient(proxy) > closedBefore,
                    "the request timeout closes a new connection that never answers");

            proxy.thawNewConnections();
            futures.addAll(whileSilent);
            List<SendResult> results = new ArrayList<>();
            for (CompletableFuture<SendResult> future : futures) {
                results.add(await(future));
            }

            waitUntil(() -> proxy.connections().stream().filter(FreezableProxy.Connection::frozen)
                    .allMatch(FreezableProxy.Connection::closedByClient), "the client closes every silent connection");
            assertThat(producer.state()).isEqualTo(MqProducer.State.RUNNING);
            assertDeliveredExactlyOnceInOrder(sent, results);
            assertEveryFailureLineNamesTheClientAndAnErrorCode(producer.clientId());
        }
    }

    private static CompletableFuture<SendResult> send(MqProducer producer, List<ProducerRecord> sent, int sequence) {
        ProducerRecord record = ProducerRecord.of(TOPIC, utf8("key-" + sequence % 7), utf8("value-" + sequence));
        sent.add(record);
        return producer.send(record);
    }

    private static void assertDeliveredExactlyOnceInOrder(List<ProducerRecord> sent, List<SendResult> results) {
        List<ConsumerRecord<byte[], byte[]>> read = readAll(BROKER.bootstrapServers(), TOPIC, PARTITIONS, sent.size());
        assertThat(read).as("every record exactly once").hasSize(sent.size());
        Map<Integer, List<String>> expected = new TreeMap<>();
        for (int i = 0; i < sent.size(); i++) {
            expected.computeIfAbsent(results.get(i).partition(), p -> new ArrayList<>())
                    .add(text(sent.get(i).value()));
        }
        Map<Integer, List<String>> actual = new TreeMap<>();
        read.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .forEach(r -> actual.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(text(r.value())));
        assertThat(actual).as("per partition, in send order").isEqualTo(expected);
    }

    private void assertEveryFailureLineNamesTheClientAndAnErrorCode(String clientId) {
        List<String> failures = logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(failures).as("failures were logged").isNotEmpty();
        assertThat(failures).allSatisfy(line -> {
            assertThat(line).startsWith("[" + clientId + "] ").contains("127.0.0.1:");
            assertThat(line).containsPattern("\\[[A-Z_]+\\]");
        });
    }

    private static int closedByClient(FreezableProxy proxy) {
        return (int) proxy.connections().stream().filter(FreezableProxy.Connection::closedByClient).count();
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
