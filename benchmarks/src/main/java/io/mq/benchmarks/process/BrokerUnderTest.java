package io.mq.benchmarks.process;

import io.mq.benchmarks.measure.ProbeLog;
import java.time.Duration;

/**
 * A broker running in its own JVM under {@link io.mq.benchmarks.measure.ProbeMain}, so its CPU, heap and threads
 * can be read for any time window. Closing it stops the process by PID and deletes its data.
 */
public interface BrokerUnderTest extends AutoCloseable {

    /** What it is, e.g. {@code mq broker (flush async)}. */
    String name();

    /** {@code 127.0.0.1:<port>} for clients. */
    String bootstrapServers();

    /** The broker JVM's process id. */
    long pid();

    /** {@link System#nanoTime()} just before its JVM was launched. */
    long processStartNanos();

    /** The broker JVM's probe samples. */
    ProbeLog probe();

    /** Waits until the broker serves clients. */
    void awaitReady(Duration timeout) throws Exception;

    /** Stops the process by PID and deletes its directory. */
    @Override
    void close();
}
