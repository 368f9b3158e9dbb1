package io.mq.producer;

/**
 * Where a broker stored a record.
 *
 * @param topic     the topic
 * @param partition the partition
 * @param offset    the record's offset, or {@link #UNKNOWN_OFFSET} when the broker does not answer ({@code acks=0})
 *                  or reported a duplicate without its offset
 * @param timestamp the record's timestamp: the broker's log-append time when the topic uses it, else the create time
 */
public record SendResult(String topic, int partition, long offset, long timestamp) {

    /** The offset of a record the broker stored without telling where. */
    public static final long UNKNOWN_OFFSET = -1L;

    /** Whether the broker reported the offset. */
    public boolean hasOffset() {
        return offset != UNKNOWN_OFFSET;
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
