package io.mq.producer;

import io.mq.protocol.TopicNames;
import io.mq.protocol.record.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A record to send: a topic, an optional partition, an optional key and value, headers and an optional create-time
 * timestamp. Validated when built; byte arrays are not copied, so do not change them until the send completes.
 *
 * @param topic     a legal Kafka topic name
 * @param partition the partition to send to, or {@link #ANY_PARTITION} to let the partitioner choose
 * @param timestamp the create time in epoch milliseconds, or {@link #NO_TIMESTAMP} for the time of the send
 * @param key       the key, or {@code null}; records with equal keys go to the same partition under key hashing
 * @param value     the value, or {@code null} (a tombstone)
 * @param headers   the headers in order, never {@code null}
 */
public record ProducerRecord(String topic, int partition, long timestamp, byte[] key, byte[] value,
        List<Header> headers) {

    /** The partition of a record the partitioner places. */
    public static final int ANY_PARTITION = -1;
    /** The timestamp of a record stamped with the time it is sent. */
    public static final long NO_TIMESTAMP = -1L;

    /**
     * @throws IllegalArgumentException if the topic is not a legal topic name, the partition is below
     *                                  {@link #ANY_PARTITION}, or the timestamp below {@link #NO_TIMESTAMP}
     * @throws NullPointerException     if the topic, the headers or a header is null
     */
    public ProducerRecord {
        Objects.requireNonNull(topic, "topic");
        String invalid = TopicNames.validate(topic);
        if (invalid != null) {
            throw new IllegalArgumentException("invalid topic for a producer record: " + invalid);
        }
        if (partition < ANY_PARTITION) {
            throw new IllegalArgumentException("partition must be >= 0, or ProducerRecord.ANY_PARTITION (-1) to let "
                    + "the partitioner choose; was " + partition + " (topic " + topic + ")");
        }
        if (timestamp < NO_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp must be >= 0 (epoch millis), or ProducerRecord.NO_TIMESTAMP "
                    + "(-1) to use the send time; was " + timestamp + " (topic " + topic + ")");
        }
        Objects.requireNonNull(headers, "headers (use List.of() for none)");
        headers = List.copyOf(headers);
    }

    /** A record with a value only: no key, any partition, stamped at send time. */
    public static ProducerRecord of(String topic, byte[] value) {
        return new ProducerRecord(topic, ANY_PARTITION, NO_TIMESTAMP, null, value, List.of());
    }

    /** A keyed record: any partition (the key decides under key hashing), stamped at send time. */
    public static ProducerRecord of(String topic, byte[] key, byte[] value) {
        return new ProducerRecord(topic, ANY_PARTITION, NO_TIMESTAMP, key, value, List.of());
    }

    /** A builder for a record to {@code topic}, for partitions, timestamps and headers. */
    public static Builder builder(String topic) {
        return new Builder(topic);
    }

    /** Whether the record names its partition (which then wins over the partitioner). */
    public boolean hasPartition() {
        return partition != ANY_PARTITION;
    }

    /** Whether the record carries its own timestamp. */
    public boolean hasTimestamp() {
        return timestamp != NO_TIMESTAMP;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProducerRecord that && partition == that.partition && timestamp == that.timestamp
                && topic.equals(that.topic) && Arrays.equals(key, that.key) && Arrays.equals(value, that.value)
                && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        int result = topic.hashCode();
        result = 31 * result + partition;
        result = 31 * result + Long.hashCode(timestamp);
        result = 31 * result + Arrays.hashCode(key);
        result = 31 * result + Arrays.hashCode(value);
        return 31 * result + headers.hashCode();
    }

    @Override
    public String toString() {
        return "ProducerRecord[topic=" + topic + ", partition=" + (hasPartition() ? partition : "any")
                + ", timestamp=" + (hasTimestamp() ? timestamp : "send time") + ", key=" + length(key) + ", value="
                + length(value) + ", headers=" + headers + "]";
    }

    private static String length(byte[] bytes) {
        return bytes == null ? "null" : bytes.length + " bytes";
    }

    /** Builds a {@link ProducerRecord}; not thread-safe. */
    public static final class Builder {
        private final String topic;
        private int partition = ANY_PARTITION;
        private long timestamp = NO_TIMESTAMP;
        private byte[] key;
        private byte[] value;
        private final List<Header> headers = new ArrayList<>(2);

        private Builder(String topic) {
            this.topic = topic;
        }

        /** Sends to this partition instead of the partitioner's choice. */
        public Builder partition(int partition) {
            this.partition = partition;
            return this;
        }

        /** The create time in epoch milliseconds (default: the time of the send). */
        public Builder timestamp(long timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder key(byte[] key) {
            this.key = key;
            return this;
        }

        /** The key as UTF-8. */
        public Builder key(String key) {
            this.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder value(byte[] value) {
            this.value = value;
            return this;
        }

        /** Adds a header; keys may repeat. */
        public Builder header(String key, byte[] value) {
            headers.add(new Header(key, value));
            return this;
        }

        /** Validates and builds the record. */
        public ProducerRecord build() {
            return new ProducerRecord(topic, partition, timestamp, key, value, headers);
        }
    }
}
