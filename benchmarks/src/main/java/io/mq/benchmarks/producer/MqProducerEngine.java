package io.mq.benchmarks.producer;

import java.util.Optional;

/**
 * EXTENSION POINT for our producer engine ({@code io.mq.producer.MqProducer}), which is not written yet. Every
 * producer case already runs this engine as the "ours" side and reports {@value #NOT_YET_AVAILABLE} while
 * {@link #unavailableReason()} says so. To plug the engine in:
 * <ol>
 *   <li>return {@code Optional.empty()} from {@link #unavailableReason()};</li>
 *   <li>in {@link #create}, map {@link ProducerSettings} onto {@code ProducerOptions} (acks, idempotence, linger,
 *       batch size; every other option at its default) and return an adapter whose {@code send} calls the
 *       engine's asynchronous send and completes the {@link ProducerUnderTest.SendCallback} from its result, whose
 *       {@code flush} waits for the engine's flush and whose {@code close} closes it.</li>
 * </ol>
 * Nothing else changes: workers look engines up by {@link #name()} in {@link ProducerEngines}.
 */
public final class MqProducerEngine implements ProducerEngine {

    /** The engine's name. */
    public static final String NAME = "mq";
    /** What the report prints while the engine is missing. */
    public static final String NOT_YET_AVAILABLE = "mq producer: not yet available";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.of(NOT_YET_AVAILABLE);
    }

    @Override
    public ProducerUnderTest create(String bootstrapServers, ProducerSettings settings) {
        throw new UnsupportedOperationException(NOT_YET_AVAILABLE);
    }
}
