package io.mq.producer;

/**
 * Told the outcome of one {@link MqProducer#send(ProducerRecord, SendCallback) send}: the lightest way to send
 * asynchronously, since no future is created per record.
 *
 * <p>Called exactly once per record, with either a result or a failure, on an engine thread (an event loop) — or on the
 * sending thread when the record is refused at once. It must not block; hand slow work to an executor of your own. An
 * exception it throws is logged and does not affect other records.
 */
@FunctionalInterface
public interface SendCallback {

    /**
     * @param result  where the record was stored, or null if it failed
     * @param failure why the record failed (retriable, fatal or configuration), or null if it was acknowledged
     */
    void onCompletion(SendResult result, SendFailedException failure);
}
