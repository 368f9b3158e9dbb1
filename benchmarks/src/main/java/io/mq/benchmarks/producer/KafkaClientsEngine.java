package io.mq.benchmarks.producer;

import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Apache Kafka's own producer ({@code org.apache.kafka:kafka-clients} 4.x), the reference engine. */
public final class KafkaClientsEngine implements ProducerEngine {

    /** The engine's name. */
    public static final String NAME = "kafka-clients";

    private static final long SYNC_SEND_TIMEOUT_SECONDS = 30;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public ProducerUnderTest create(String bootstrapServers, ProducerSettings settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, settings.acks());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, settings.idempotent());
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, settings.batchSize());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new Adapter(new KafkaProducer<>(props));
    }

    private record Adapter(KafkaProducer<byte[], byte[]> producer) implements ProducerUnderTest {

        @Override
        public void send(String topic, byte[] value, SendCallback callback) {
            producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> callback.completed(error));
        }

        @Override
        public void sendSync(String topic, byte[] value) throws Exception {
            producer.send(new ProducerRecord<>(topic, value)).get(SYNC_SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void flush() {
            producer.flush();
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
