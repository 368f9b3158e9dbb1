package io.mq.protocol.record;

import java.util.Arrays;
import java.util.List;

/**
 * A record decoded from a batch. Equality compares key and value bytes.
 *
 * @param offset    the record's offset (the batch's base offset plus the record's offset delta)
 * @param timestamp create time, or the batch's log-append time when the batch uses log-append time
 * @param key       the key, or {@code null}
 * @param value     the value, or {@code null} (a tombstone)
 * @param headers   the headers in wire order, never {@code null}
 */
public record Record(long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {

    public Record {
        headers = List.copyOf(headers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Record that && offset == that.offset && timestamp == that.timestamp
                && Arrays.equals(key, that.key) && Arrays.equals(value, that.value) && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        int result = Long.hashCode(offset);
        result = 31 * result + Long.hashCode(timestamp);
        result = 31 * result + Arrays.hashCode(key);
        result = 31 * result + Arrays.hashCode(value);
        return 31 * result + headers.hashCode();
    }

    @Override
    public String toString() {
        return "Record[offset=" + offset + ", timestamp=" + timestamp + ", key=" + length(key) + ", value="
                + length(value) + ", headers=" + headers + "]";
    }

    private static String length(byte[] bytes) {
        return bytes == null ? "null" : bytes.length + " bytes";
    }
}
