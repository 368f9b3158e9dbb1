package io.mq.benchmarks.producer;

/**
 * One producer instance of the engine under test, reduced to what the workloads need: asynchronous sends of a value
 * without a key (so the engine's own partitioner spreads them), flush and close.
 */
public interface ProducerUnderTest extends AutoCloseable {

    /**
     * Sends {@code value} to {@code topic} asynchronously; {@code callback} runs once, when the broker has acknowledged
     * the record or it failed. May block while the engine's buffer memory is full (both engines do by default).
     */
    void send(String topic, byte[] value, SendCallback callback);

    /** Sends everything buffered now and waits until it is acknowledged or failed. */
    void flush();

    /** Flushes and releases the producer's threads, connections and memory. */
    @Override
    void close();

    /** Told the outcome of one send. */
    @FunctionalInterface
    interface SendCallback {
        /** Called once per send: {@code error} is null when the record was acknowledged. */
        void completed(Throwable error);
    }
}
