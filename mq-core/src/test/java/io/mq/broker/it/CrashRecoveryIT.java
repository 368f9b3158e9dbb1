package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: a broker in a separate JVM with {@code flush=sync} takes acks=all sends and is killed with SIGKILL at
 * random moments, ten times. After every restart each acknowledged record is still at its acknowledged offset,
 * offsets are contiguous and nothing is duplicated.
 */
class CrashRecoveryIT {

    private static final String TOPIC = "durable";
    private static final int PARTITIONS = 3;
    private static final int KILLS = 10;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedRecordsSurviveSigkill() throws Exception {
        Random random = new Random(42);
        Map<Long, Acked> acked = new ConcurrentHashMap<>();
        long nextId = 0;
        BrokerProcess broker = BrokerProcess.start(dataDir, "--flush", "sync", "--segment-bytes", "262144");
        try (Admin admin = KafkaClients.admin(broker.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        for (int round = 0; round < KILLS; round++) {
            nextId = produceUntilKilled(broker, acked, nextId, 200 + random.nextInt(800));
            broker = BrokerProcess.start(dataDir, "--flush", "sync", "--segment-bytes", "262144");
            verify(broker.bootstrapServers(), acked);
        }
        broker.close();
        assertThat(acked).hasSizeGreaterThan(KILLS);
    }

    /** Sends acks=all records from a background loop and SIGKILLs the broker after {@code killAfterMs}. */
    private static long produceUntilKilled(BrokerProcess broker, Map<Long, Acked> acked, long firstId, int killAfterMs)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        long[] next = {firstId};
        Thread sender = new Thread(() -> {
            Map<String, Object> config = Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 1, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
            try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(broker.bootstrapServers(), config)) {
                long sentUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!stop.get() && System.nanoTime() < sentUntil) {
                    long id = next[0]++;
                    int partition = (int) (id % PARTITIONS);
                    producer.send(new ProducerRecord<>(TOPIC, partition, null, ByteBuffer.allocate(8).putLong(id).array()),
                            (metadata, error) -> {
                                if (error == null) {
                                    acked.put(id, new Acked(partition, metadata.offset()));
                                }
                            });
                    if (id % 50 == 0) {
                        Thread.sleep(1);
                    }
                }
                producer.close(Duration.ofSeconds(1));
            } catch (Exception e) {
                // the broker was killed under the producer: unacknowledged sends may fail, that is the point
            }
        }, "crash-test-producer");
        sender.start();
        Thread.sleep(killAfterMs);
        broker.kill();
        stop.set(true);
        sender.join(TimeUnit.SECONDS.toMillis(30));
        return next[0];
    }

    private static void verify(String bootstrap, Map<Long, Acked> acked) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(TOPIC, p));
        }
        Map<Acked, Long> expected = new HashMap<>();
        acked.forEach((id, position) -> expected.put(position, id));
        List<ConsumerRecord<byte[], byte[]>> records = KafkaClients.readFromBeginning(bootstrap, partitions,
                0, Duration.ofSeconds(30));
        Map<Acked, Long> found = new HashMap<>();
        Map<Integer, Long> lastOffset = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            long id = ByteBuffer.wrap(record.value()).getLong();
            assertThat(ids.add(id)).as("record %d read twice", id).isTrue();
            Long previous = lastOffset.put(record.partition(), record.offset());
            assertThat(record.offset()).as("offsets contiguous in partition %d", record.partition())
                    .isEqualTo(previous == null ? 0 : previous + 1);
            found.put(new Acked(record.partition(), record.offset()), id);
        }
        expected.forEach((position, id) -> assertThat(found.get(position))
                .as("acknowledged record %d at %s", id, position).isEqualTo(id));
    }

    /** Where an acknowledged record was placed. */
    private record Acked(int partition, long offset) {
    }
}
