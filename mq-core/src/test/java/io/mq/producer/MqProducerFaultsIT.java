package io.mq.producer;

import static io.mq.producer.ProducerTestSupport.await;
import static io.mq.producer.ProducerTestSupport.readAll;
import static io.mq.producer.ProducerTestSupport.text;
import static io.mq.producer.ProducerTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedBroker;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MqProducer} while its only broker fails: stopped and restarted on the same port and data directory
 * (leadership moves between brokers: {@link MqProducerClusterIT}).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MqProducerFaultsIT {

    private static final int PARTITIONS = 3;
    private static final int RECORDS = 20_000;

    @TempDir
    Path dataDir;

    private ClientResources resources;
    private EmbeddedBroker broker;

    @BeforeEach
    void start() {
        resources = ClientResources.builder().ioThreads(2).build();
        broker = startBroker(0);
    }

    @AfterEach
    void stop() {
        broker.close();
        resources.close();
    }

    private EmbeddedBroker startBroker(int port) {
        return EmbeddedBroker.builder().host("127.0.0.1").port(port).dataDir(dataDir).defaultPartitions(PARTITIONS)
                .build().start();
    }

    @Test
    void brokerRestartMidStreamWithIdempotenceLosesNothingDuplicatesNothingAndKeepsOrder() throws Exception {
        int port = broker.port();
        List<CompletableFuture<SendResult>> futures = new CopyOnWriteArrayList<>();
        MqProducer producer = MqProducer.builder().bootstrapServers(broker.bootstrapServers())
                .options(ProducerOptions.builder().idempotence(true).linger(Duration.ofMillis(2)).batchSize(2048)
                        .requestTimeout(Duration.ofSeconds(5)).deliveryTimeout(Duration.ofMinutes(2)).build())
                .connection(ConnectionOptions.builder().reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                        .build())
                .resources(resources).build();
        try (producer) {
            Thread sending = new Thread(() -> {
                for (int sequence = 0; sequence < RECORDS; sequence++) {
                    futures.add(producer.send(record(sequence)));
                    if (sequence % 50 == 49) {
                        pause(1); // a steady stream rather than one burst, so the restart lands mid-stream
                    }
                }
            }, "restart-test-sender");
            sending.start();
            while (futures.size() < 1000 || !futures.get(999).isDone()) {
                pause(1);
            }

            broker.close(); // with batches queued and in flight
            pause(300);
            broker = startBroker(port);
            sending.join();

            for (CompletableFuture<SendResult> f : futures) {
                assertThat(await(f).hasOffset()).isTrue();
            }
            assertThat(producer.metrics().recordErrors()).isZero();
            assertThat(producer.metrics().retries()).as("batches retried across the restart").isPositive();
        }

        List<ConsumerRecord<byte[], byte[]>> read = readAll(broker.bootstrapServers(), "restart", PARTITIONS, RECORDS);
        List<String> values = read.stream().map(r -> text(r.value())).toList();
        assertThat(values).hasSize(RECORDS).doesNotHaveDuplicates();
        Map<Integer, List<Integer>> sequencesByPartition = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : read) {
            sequencesByPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>())
                    .add(Integer.parseInt(text(r.value())));
        }
        sequencesByPartition.values().forEach(sequences -> assertThat(sequences).isSorted());
        Set<String> stored = new HashSet<>();
        for (CompletableFuture<SendResult> f : futures) {
            SendResult result = f.join();
            assertThat(stored.add(result.partition() + "@" + result.offset())).as("offset reported once").isTrue();
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

    private static ProducerRecord record(int sequence) {
        return ProducerRecord.of("restart", utf8("key-" + (sequence % 30)), utf8(Integer.toString(sequence)));
    }
}
