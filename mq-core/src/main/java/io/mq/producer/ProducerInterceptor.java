package io.mq.producer;

/**
 * Sees every record a producer sends and every outcome, e.g. to add tracing headers or count sends. Both callbacks
 * run on hot paths — {@link #onSend} on the sending thread, {@link #onAcknowledgement} on the engine's I/O thread —
 * so they must be fast and must not block. An exception thrown by an interceptor is logged and otherwise ignored.
 */
public interface ProducerInterceptor {

    /**
     * Called before the record is partitioned and serialized; may return a replacement record (e.g. with an extra
     * header). The default returns the record unchanged.
     */
    default ProducerRecord onSend(ProducerRecord record) {
        return record;
    }

    /**
     * Called once per record when its send completes, before the caller's future completes.
     *
     * @param result  where the record was stored, or null if the send failed
     * @param failure why the send failed, or null if it succeeded
     */
    default void onAcknowledgement(SendResult result, SendFailedException failure) {
    }

    /** Called when the producer closes. */
    default void close() {
    }
}
