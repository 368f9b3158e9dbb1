package io.mq.benchmarks.process;

import java.time.Duration;

/** Starts one kind of broker for a benchmark side. */
public interface BrokerLauncher {

    /** Bound for a broker to start. */
    Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** What it starts, e.g. {@code Apache Kafka 4.4.0 (KRaft)}. */
    String name();

    /** Launches the broker JVM and returns without waiting for it to serve (for measuring startup). */
    BrokerUnderTest launch() throws Exception;

    /** Launches the broker and waits (at most {@link #START_TIMEOUT}) until it serves. */
    default BrokerUnderTest start() throws Exception {
        BrokerUnderTest broker = launch();
        try {
            broker.awaitReady(START_TIMEOUT);
            return broker;
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }
}
