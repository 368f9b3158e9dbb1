package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.client.ClientResources;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerOptions;
import io.mq.producer.ProducerRecord;
import io.mq.producer.SendResult;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mq's idempotent producer keeps sending while its broker — a separate JVM — is killed with SIGKILL and restarted on
 * the same port and data directory: every send completes, and each record is stored exactly once, in send order per
 * partition.
 */
class MqProducerBrokerKillIT {

    private static final String TOPIC = "killed-under-load";
    private static final int PARTITIONS = 3;
    private static final int RECORDS = 20_000;

    @TempDir
    Path dataDir;

    @Test
    void idempotentProducerLosesDuplicatesAndReordersNothingAcrossABrokerKill() throws Exception {
        BrokerProcess broker = BrokerProcess.start(dataDir);
        String bootstrap = broker.bootstrapServers();
        String port = bootstrap.substring(bootstrap.lastIndexOf(':') + 1);
        try (Admin admin = KafkaClients.admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        List<CompletableFuture<SendResult>> sends = new ArrayList<>(RECORDS);
        try (ClientResources resources = ClientResources.create();
                MqProducer producer = MqProducer.builder().bootstrapServers(bootstrap).resources(resources)
                        .options(ProducerOptions.builder().linger(Duration.ofMillis(2)).build()).build()) {
            for (int i = 0; i < RECORDS; i++) {
                sends.add(producer.send(ProducerRecord.builder(TOPIC).partition(i % PARTITIONS)
                        .value(ByteBuffer.allocate(4).putInt(i).array()).build()));
                if (i == RECORDS / 2) {
                    broker.kill();
                    broker = BrokerProcess.start(dataDir, "--port", port);
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            broker.close();
        }
        broker = BrokerProcess.start(dataDir, "--port", port);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
            }
            List<ConsumerRecord<byte[], byte[]>> stored = KafkaClients.readFromBeginning(broker.bootstrapServers(),
                    partitions, RECORDS, Duration.ofSeconds(60));

            assertThat(stored).hasSize(RECORDS);
            Map<Integer, Integer> lastPerPartition = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : stored) {
                int value = ByteBuffer.wrap(record.value()).getInt();
                Integer previous = lastPerPartition.put(record.partition(), value);
                assertThat(value).as("partition %d in send order, no duplicates", record.partition())
                        .isEqualTo(previous == null ? record.partition() : previous + PARTITIONS);
            }
            for (int i = 0; i < RECORDS; i++) {
                SendResult result = sends.get(i).join();
                assertThat(result.partition()).isEqualTo(i % PARTITIONS);
                assertThat(result.offset()).isEqualTo(i / PARTITIONS);
            }
        } finally {
            broker.close();
        }
    }
}
