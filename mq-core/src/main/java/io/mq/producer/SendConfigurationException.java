package io.mq.producer;

import io.mq.protocol.Errors;

/**
 * A send failure that only a change of the record or of the settings fixes: a record over the max request size,
 * a compression type the broker does not support, a missing authorization.
 */
public final class SendConfigurationException extends SendFailedException {

    private static final long serialVersionUID = 1L;

    /** See {@link SendFailedException#SendFailedException(String, String, int, String, Errors, String, Persistence, Throwable)}. */
    public SendConfigurationException(String detail, String topic, int partition, String broker, Errors error, String code,
            Persistence persistence, Throwable cause) {
        super(detail, topic, partition, broker, error, code, persistence, cause);
    }

    /** A client-side failure: no broker, no error code. */
    public SendConfigurationException(String detail, String topic, int partition, String code, Persistence persistence) {
        super(detail, topic, partition, null, null, code, persistence, null);
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
