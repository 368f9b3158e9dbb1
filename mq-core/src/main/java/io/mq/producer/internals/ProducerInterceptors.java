package io.mq.producer.internals;

import io.mq.producer.ProducerInterceptor;
import io.mq.producer.ProducerRecord;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured {@link ProducerInterceptor}s, called in order. An interceptor that throws is logged and skipped:
 * a broken interceptor must not lose records.
 */
public final class ProducerInterceptors {

    /** No interceptors. */
    public static final ProducerInterceptors NONE = new ProducerInterceptors("-", List.of());

    private static final Logger log = LoggerFactory.getLogger(ProducerInterceptors.class);

    private final String clientId;
    private final ProducerInterceptor[] interceptors;

    /**
     * @param clientId     the producer's client id, named in warnings
     * @param interceptors called in this order
     */
    public ProducerInterceptors(String clientId, List<ProducerInterceptor> interceptors) {
        this.clientId = clientId;
        this.interceptors = interceptors.toArray(ProducerInterceptor[]::new);
    }

    /** Whether there are none (callers then skip building results nobody reads). */
    public boolean isEmpty() {
        return interceptors.length == 0;
    }

    /** Passes {@code record} through every interceptor's {@link ProducerInterceptor#onSend}. */
    public ProducerRecord onSend(ProducerRecord record) {
        ProducerRecord current = record;
        for (ProducerInterceptor interceptor : interceptors) {
            try {
                ProducerRecord replaced = interceptor.onSend(current);
                if (replaced != null) {
                    current = replaced;
                }
            } catch (RuntimeException e) {
                log.warn("[{}] Producer interceptor {} failed in onSend for topic {}; record passed on unchanged",
                        clientId, interceptor.getClass().getName(), current.topic(), e);
            }
        }
        return current;
    }

    /** Tells every interceptor how a send ended: exactly one of the arguments is non-null. */
    public void onAcknowledgement(SendResult result, SendFailedException failure) {
        for (ProducerInterceptor interceptor : interceptors) {
            try {
                interceptor.onAcknowledgement(result, failure);
            } catch (RuntimeException e) {
                log.warn("[{}] Producer interceptor {} failed in onAcknowledgement for {}", clientId,
                        interceptor.getClass().getName(), result != null ? result : failure.topic(), e);
            }
        }
    }

    /** Closes every interceptor. */
    public void close() {
        for (ProducerInterceptor interceptor : interceptors) {
            try {
                interceptor.close();
            } catch (RuntimeException e) {
                log.warn("[{}] Producer interceptor {} failed to close", clientId, interceptor.getClass().getName(),
                        e);
            }
        }
    }
}
