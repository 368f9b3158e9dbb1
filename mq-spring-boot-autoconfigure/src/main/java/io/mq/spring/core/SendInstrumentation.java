package io.mq.spring.core;

import io.mq.producer.SendResult;
import io.mq.protocol.record.Header;
import java.util.List;

/**
 * Observes the sends of an {@link MqTemplate}: {@link ObservationSendInstrumentation} (Micrometer Observation, trace
 * context in record headers), {@link TimerSendInstrumentation} (a Micrometer timer) or {@link #NONE}.
 */
public interface SendInstrumentation {

    /** Observes nothing. */
    SendInstrumentation NONE = (topic, headers) -> (result, failure) -> {
    };

    /**
     * Called before a record to {@code topic} is built.
     *
     * @param topic   the record's topic
     * @param headers the record's headers so far; the instrumentation may add some (e.g. trace context)
     * @return told once when the send completes
     */
    Send start(String topic, List<Header> headers);

    /** One observed send. */
    @FunctionalInterface
    interface Send {

        /**
         * The send completed.
         *
         * @param result  where the record was stored; {@code null} on failure and for one-way sends
         * @param failure the failure, or {@code null} on success
         */
        void completed(SendResult result, Throwable failure);
    }
}
