package io.mq.benchmarks.producer;

/**
 * One producer instance of the engine under test, reduced to what the workloads need: sends of a value without a key
 * (so the engine's own partitioner spreads them), asynchronous or with the engine's own synchronous call, flush and
 * close.
 */
public interface ProducerUnderTest extends AutoCloseable {

    /**
     * Sends {@code value} to {@code topic} asynchronously; {@code callback} runs once, when the broker has acknowledged
     * the record or it failed. May block while the engine's buffer memory is full (both engines do by default).
     */
    void send(String topic, byte[] value, SendCallback callback);

    /**
     * Sends {@code value} to {@code topic} the way the engine's users send synchronously, and returns once the broker
     * has acknowledged it: our {@code sendSync} (its batch goes at once, without waiting for linger), kafka-clients'
     * {@code send(record).get()}.
     *
     * @throws Exception if the send failed, or got no answer within the engine's bound (30 s for kafka-clients)
     */
    void sendSync(String topic, byte[] value) throws Exception;

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
