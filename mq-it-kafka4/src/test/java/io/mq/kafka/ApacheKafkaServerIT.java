package io.mq.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.benchmarks.kafka.ApacheKafkaServer;
import io.mq.broker.it.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * {@link ApacheKafkaServer} runs a real Apache Kafka 4.x broker that kafka-clients 4.x can create topics on,
 * produce to and consume from; closing it ends the process and removes its directory. Prints the startup time
 * (fixture start and broker JVM launch to the first acknowledged record) for the record, without asserting on it.
 */
class ApacheKafkaServerIT {

    private static final int RECORDS = 1000;
    private static final String TOPIC = "apache-kafka-fixture";

    @Test
    void realBrokerAcknowledgesAndServesBackEveryRecordThenStopsAndCleansUp() throws Exception {
        long fixtureStart = System.nanoTime();
        ApacheKafkaServer server = ApacheKafkaServer.start();
        Path dir = server.directory();
        ProcessHandle broker = ProcessHandle.of(server.pid()).orElseThrow();
        try (server) {
            long ready = System.nanoTime();
            assertThat(broker.info().commandLine().orElse("")).contains("kafka.Kafka");

            try (Admin admin = KafkaClients.admin(server.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            long firstAck;
            List<Future<RecordMetadata>> acks = new ArrayList<>(RECORDS);
            try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(server.bootstrapServers(),
                    Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5))) {
                acks.add(producer.send(record(0)));
                acks.get(0).get(30, TimeUnit.SECONDS);
                firstAck = System.nanoTime();
                for (int i = 1; i < RECORDS; i++) {
                    acks.add(producer.send(record(i)));
                }
                producer.flush();
            }
            for (int i = 0; i < RECORDS; i++) {
                assertThat(acks.get(i).get(30, TimeUnit.SECONDS).offset()).isEqualTo(i);
            }

            List<ConsumerRecord<byte[], byte[]>> read = KafkaClients.readFromBeginning(server.bootstrapServers(),
                    List.of(new TopicPartition(TOPIC, 0)), RECORDS, Duration.ofSeconds(30));
            assertThat(read).hasSize(RECORDS);
            for (int i = 0; i < RECORDS; i++) {
                assertThat(read.get(i).offset()).isEqualTo(i);
                assertThat(new String(read.get(i).value(), StandardCharsets.UTF_8)).isEqualTo("value-" + i);
            }

            System.out.printf("ApacheKafkaServer startup: fixture start -> ready %d ms; broker JVM launch -> ready %d ms;"
                            + " fixture start -> first acknowledged record %d ms; broker JVM launch -> first"
                            + " acknowledged record %d ms (pid %d, %s)%n",
                    millis(ready - fixtureStart), millis(ready - server.processStartNanos()),
                    millis(firstAck - fixtureStart), millis(firstAck - server.processStartNanos()),
                    server.pid(), server.bootstrapServers());
        }

        assertThat(broker.isAlive()).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }

    private static ProducerRecord<byte[], byte[]> record(int i) {
        return new ProducerRecord<>(TOPIC, ("key-" + i).getBytes(StandardCharsets.UTF_8),
                ("value-" + i).getBytes(StandardCharsets.UTF_8));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
