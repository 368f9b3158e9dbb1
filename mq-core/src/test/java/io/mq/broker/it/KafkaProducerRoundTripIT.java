package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Java producer and consumer against the embedded broker: for each acks mode, one producer per compression
 * type sends 100,000 records in all to three 4-partition topics, and a consumer reads back exactly those records,
 * byte-exact, in send order per producer and partition.
 */
class KafkaProducerRoundTripIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = EmbeddedBrokerExtension.with(b -> b.autoCreateTopics(false));

    private static final String[] COMPRESSIONS = {"none", "gzip", "snappy", "lz4", "zstd"};
    private static final int RECORDS = 100_000;
    private static final int PARTITIONS = 4;

    @ParameterizedTest
    @ValueSource(strings = {"all", "1", "0"})
    void everyAcknowledgedRecordReadsBackByteExact(String acks) throws Exception {
        List<String> topics = List.of("roundtrip-" + acks + "-a", "roundtrip-" + acks + "-b", "roundtrip-" + acks + "-c");
        try (Admin admin = KafkaClients.admin(BROKER.bootstrapServers())) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        }
        List<Sent> sent = new ArrayList<>(RECORDS);
        int perProducer = RECORDS / COMPRESSIONS.length;
        Random random = new Random(acks.hashCode());
        for (int p = 0; p < COMPRESSIONS.length; p++) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.ACKS_CONFIG, acks);
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSIONS[p]);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, acks.equals("all"));
            try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(BROKER.bootstrapServers(), config)) {
                for (int i = 0; i < perProducer; i++) {
                    Sent record = Sent.random(random, p, topics.get(i % topics.size()), i % PARTITIONS);
                    sent.add(record);
                    producer.send(record.toProducerRecord());
                }
                producer.flush();
            }
        }

        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(t -> {
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(t, p));
            }
        });
        List<ConsumerRecord<byte[], byte[]>> read = KafkaClients.readFromBeginning(BROKER.bootstrapServers(), partitions,
                RECORDS, Duration.ofSeconds(60));

        assertThat(read).hasSize(RECORDS);
        Map<String, List<Sent>> expected = groupByProducerAndPartition(sent);
        Map<String, List<Sent>> actual = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : read) {
            Sent received = Sent.from(record);
            actual.computeIfAbsent(received.streamKey(), k -> new ArrayList<>()).add(received);
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((stream, records) -> assertThat(actual.get(stream)).as(stream).isEqualTo(records));
    }

    private static Map<String, List<Sent>> groupByProducerAndPartition(List<Sent> sent) {
        Map<String, List<Sent>> grouped = new HashMap<>();
        for (Sent record : sent) {
            grouped.computeIfAbsent(record.streamKey(), k -> new ArrayList<>()).add(record);
        }
        return grouped;
    }

    /** One record as sent, compared by content (arrays by value). */
    private record Sent(int producer, String topic, int partition, long timestamp, byte[] key, byte[] value,
            String headerKey, byte[] headerValue) {

        static Sent random(Random random, int producer, String topic, int partition) {
            byte[] key = random.nextInt(10) == 0 ? null : bytes(random, 1 + random.nextInt(16));
            byte[] value = random.nextInt(20) == 0 ? null : bytes(random, random.nextInt(200));
            byte[] headerValue = random.nextBoolean() ? null : bytes(random, random.nextInt(8));
            long timestamp = 1_700_000_000_000L + random.nextInt(1_000_000);
            return new Sent(producer, topic, partition, timestamp, key, value, "h" + random.nextInt(3), headerValue);
        }

        static Sent from(ConsumerRecord<byte[], byte[]> record) {
            Header producer = record.headers().lastHeader("producer");
            Header other = null;
            for (Header header : record.headers()) {
                if (!header.key().equals("producer")) {
                    other = header;
                }
            }
            return new Sent(producer.value()[0], record.topic(), record.partition(), record.timestamp(), record.key(),
                    record.value(), other.key(), other.value());
        }

        ProducerRecord<byte[], byte[]> toProducerRecord() {
            return new ProducerRecord<>(topic, partition, timestamp, key, value,
                    List.of(new RecordHeader("producer", new byte[] {(byte) producer}),
                            new RecordHeader(headerKey, headerValue)));
        }

        String streamKey() {
            return producer + "/" + topic + "/" + partition;
        }

        private static byte[] bytes(Random random, int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sent s && producer == s.producer && partition == s.partition
                    && timestamp == s.timestamp && topic.equals(s.topic) && Arrays.equals(key, s.key)
                    && Arrays.equals(value, s.value) && headerKey.equals(s.headerKey)
                    && Arrays.equals(headerValue, s.headerValue);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key) * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return streamKey() + "@" + timestamp;
        }
    }
}
