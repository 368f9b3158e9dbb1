package io.mq.spring.core;

/**
 * Names of the {@link org.springframework.messaging.Message} headers {@link MqOperations#send(org.springframework.messaging.Message)}
 * reads to address a record. They are not copied into the record's headers.
 */
public final class MqHeaders {

    private static final String PREFIX = "mq_";

    /** The topic ({@code String}); when absent the template's default topic is used. */
    public static final String TOPIC = PREFIX + "topic";

    /** The record key: a {@code String} (sent as UTF-8) or a {@code byte[]}. */
    public static final String KEY = PREFIX + "key";

    /** The partition (an {@code Integer}, or a number or numeric string); when absent the partitioner chooses. */
    public static final String PARTITION = PREFIX + "partition";

    /** The record's create time in epoch milliseconds ({@code Long}, a number or numeric string) or an {@code Instant}. */
    public static final String TIMESTAMP = PREFIX + "timestamp";

    /** The name of the record header that carries the payload's content type, e.g. {@code application/json}. */
    public static final String CONTENT_TYPE = "content-type";

    private MqHeaders() {
    }
}
