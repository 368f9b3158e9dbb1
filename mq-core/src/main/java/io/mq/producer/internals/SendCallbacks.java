package io.mq.producer.internals;

import io.mq.producer.SendCallback;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls {@link SendCallback}s so that one that throws cannot stop the engine from completing the others. */
final class SendCallbacks {

    private static final Logger log = LoggerFactory.getLogger(SendCallbacks.class);

    private SendCallbacks() {
    }

    /** Tells {@code callback} (if any) that its record was stored at {@code result}. */
    static void succeeded(SendCallback callback, SendResult result) {
        if (callback != null) {
            call(callback, result, null);
        }
    }

    /** Tells {@code callback} (if any) that its record failed with {@code failure}. */
    static void failed(SendCallback callback, SendFailedException failure) {
        if (callback != null) {
            call(callback, null, failure);
        }
    }

    private static void call(SendCallback callback, SendResult result, SendFailedException failure) {
        try {
            callback.onCompletion(result, failure);
        } catch (RuntimeException e) {
            log.warn("A send callback threw; other records are not affected (outcome: {})",
                    failure == null ? result : failure.getMessage(), e);
        }
    }
}
