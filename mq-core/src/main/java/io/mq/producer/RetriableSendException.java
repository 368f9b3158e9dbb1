package io.mq.producer;

import io.mq.protocol.Errors;

/**
 * A send failure that may go away when the record is sent again: a timeout, a leader change, a full buffer.
 */
public final class RetriableSendException extends SendFailedException {

    private static final long serialVersionUID = 1L;

    /** See {@link SendFailedException#SendFailedException(String, String, int, String, Errors, String, Persistence, Throwable)}. */
    public RetriableSendException(String detail, String topic, int partition, String broker, Errors error, String code,
            Persistence persistence, Throwable cause) {
        super(detail, topic, partition, broker, error, code, persistence, cause);
    }

    /** A client-side failure: no broker, no error code. */
    public RetriableSendException(String detail, String topic, int partition, String code, Persistence persistence) {
        super(detail, topic, partition, null, null, code, persistence, null);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
