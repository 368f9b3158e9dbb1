package io.mq.benchmarks.producer;

import java.util.Optional;

/** A producer implementation the benchmarks can run: creates {@link ProducerUnderTest} instances. */
public interface ProducerEngine {

    /** The name used on the command line of a worker and in the report, e.g. {@code kafka-clients}. */
    String name();

    /** Why this engine cannot run yet, or empty when it can. */
    Optional<String> unavailableReason();

    /** A new producer connected to {@code bootstrapServers} with {@code settings}. */
    ProducerUnderTest create(String bootstrapServers, ProducerSettings settings);
}
