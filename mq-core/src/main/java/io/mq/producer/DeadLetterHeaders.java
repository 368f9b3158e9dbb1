package io.mq.producer;

/**
 * Headers a producer adds to a record it forwards to its dead-letter topic ({@link ProducerOptions#deadLetterTopic()})
 * after the record's last attempt failed. Values are UTF-8 text; the record keeps its key, value, headers and
 * timestamp. Records reach the dead-letter topic when their batch failed for good after being accepted: a broker
 * error that retrying cannot fix, the last of {@link ProducerOptions#maxAttempts()}, or the delivery timeout. Records
 * refused before they were queued (too large, buffer full) or failed by closing the producer or by a fatal error are
 * not forwarded.
 */
public final class DeadLetterHeaders {

    /** The topic the record was sent to. */
    public static final String ORIGINAL_TOPIC = "mq.dlt.original-topic";
    /** The partition the record was sent to, in decimal. */
    public static final String ORIGINAL_PARTITION = "mq.dlt.original-partition";
    /**
     * What ended the record's delivery: a Kafka error name such as {@code UNKNOWN_TOPIC_OR_PARTITION}, or a client code
     * such as {@link SendFailedException#DELIVERY_TIMEOUT} (see {@link SendFailedException#code()}).
     */
    public static final String ERROR = "mq.dlt.error";
    /** The failure's message, naming the broker and the attempts made. */
    public static final String ERROR_MESSAGE = "mq.dlt.error-message";

    private DeadLetterHeaders() {
    }
}
