package io.mq.benchmarks.producer;

import java.util.List;

/** The engines the suite knows, by name. */
public final class ProducerEngines {

    /** Ours. */
    public static final ProducerEngine MQ = new MqProducerEngine();
    /** Apache Kafka's. */
    public static final ProducerEngine KAFKA_CLIENTS = new KafkaClientsEngine();

    private static final List<ProducerEngine> ALL = List.of(MQ, KAFKA_CLIENTS);

    private ProducerEngines() {
    }

    /** The engine called {@code name}. */
    public static ProducerEngine byName(String name) {
        return ALL.stream().filter(engine -> engine.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown producer engine '" + name + "'; known: "
                        + ALL.stream().map(ProducerEngine::name).toList()));
    }
}
