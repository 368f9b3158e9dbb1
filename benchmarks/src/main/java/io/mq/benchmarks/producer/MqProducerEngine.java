package io.mq.benchmarks.producer;

import io.mq.producer.Acks;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerOptions;
import io.mq.producer.ProducerRecord;
import java.util.Optional;

/**
 * Our producer engine ({@link MqProducer}), the "ours" side of every producer case. {@link ProducerSettings} map onto
 * {@link ProducerOptions} (acks, idempotence, linger, batch size); every other option keeps its default, except that a
 * full buffer blocks the sending thread (up to the default max block time) as kafka-clients does by default, instead
 * of failing fast. Every producer runs on the process-wide {@code ClientResources.shared()} event loops. Asynchronous
 * sends use the callback form of {@code send}, as the kafka-clients side uses its {@code Callback}.
 */
public final class MqProducerEngine implements ProducerEngine {

    /** The engine's name. */
    public static final String NAME = "mq";

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
        ProducerOptions options = ProducerOptions.builder()
                .acks(Acks.forConfig(settings.acks()))
                .idempotence(settings.idempotent())
                .linger(settings.linger())
                .batchSize(settings.batchSize())
                .blockWhenFull(ProducerOptions.DEFAULT_MAX_BLOCK)
                .build();
        return new Adapter(MqProducer.builder().bootstrapServers(bootstrapServers).options(options).build());
    }

    private record Adapter(MqProducer producer) implements ProducerUnderTest {

        @Override
        public void send(String topic, byte[] value, SendCallback callback) {
            producer.send(ProducerRecord.of(topic, value), (result, error) -> callback.completed(error));
        }

        @Override
        public void sendSync(String topic, byte[] value) {
            producer.sendSync(ProducerRecord.of(topic, value));
        }

        @Override
        public void flush() {
            producer.flush().join();
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
