package io.mq.broker.coordinator;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The key and value of a committed offset in {@code __consumer_offsets}, in the layout of Kafka's OffsetCommitKey
 * v1 (int16 version, group, topic, int32 partition) and OffsetCommitValue v3 (int16 version, int64 offset, int32
 * leader epoch, metadata, int64 commit timestamp); strings are int16-length UTF-8. A deleted offset is a record with
 * the key and a null value (a tombstone). Kafka's own tools can therefore decode the topic.
 */
final class OffsetRecords {

    static final short KEY_VERSION = 1;
    static final short VALUE_VERSION = 3;

    private OffsetRecords() {
    }

    /**
     * A decoded key.
     *
     * @param groupId   the group
     * @param partition the partition the offset is for
     */
    record Key(String groupId, TopicPartition partition) {
    }

    static byte[] key(String groupId, TopicPartition partition) {
        byte[] group = utf8(groupId);
        byte[] topic = utf8(partition.topic());
        ByteBuffer out = ByteBuffer.allocate(2 + 2 + group.length + 2 + topic.length + 4);
        out.putShort(KEY_VERSION);
        putString(out, group);
        putString(out, topic);
        out.putInt(partition.partition());
        return out.array();
    }

    static byte[] value(CommittedOffset offset) {
        byte[] metadata = utf8(offset.metadata());
        ByteBuffer out = ByteBuffer.allocate(2 + 8 + 4 + 2 + metadata.length + 8);
        out.putShort(VALUE_VERSION);
        out.putLong(offset.offset());
        out.putInt(offset.leaderEpoch());
        putString(out, metadata);
        out.putLong(offset.commitTimestamp());
        return out.array();
    }

    /**
     * Decodes a key; {@code null} for keys of other record types (Kafka's group metadata, version 2+).
     *
     * @throws IllegalArgumentException if the bytes are malformed
     */
    static Key readKey(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            short version = in.getShort();
            if (version != 0 && version != KEY_VERSION) {
                return null;
            }
            String group = getString(in);
            String topic = getString(in);
            int partition = in.getInt();
            requireConsumed(in, "key");
            return new Key(group, new TopicPartition(topic, partition));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated offset key of " + bytes.length + " bytes", e);
        }
    }

    /**
     * Decodes a value (version 3).
     *
     * @throws IllegalArgumentException if the bytes are malformed or of another version
     */
    static CommittedOffset readValue(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            short version = in.getShort();
            if (version != VALUE_VERSION) {
                throw new IllegalArgumentException("unsupported offset value version " + version);
            }
            CommittedOffset offset = new CommittedOffset(in.getLong(), in.getInt(), getString(in), in.getLong());
            requireConsumed(in, "value");
            return offset;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated offset value of " + bytes.length + " bytes", e);
        }
    }

    private static byte[] utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("string of " + bytes.length + " bytes does not fit an int16 length");
        }
        return bytes;
    }

    private static void putString(ByteBuffer out, byte[] bytes) {
        out.putShort((short) bytes.length);
        out.put(bytes);
    }

    private static String getString(ByteBuffer in) {
        int length = in.getShort();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("invalid string length " + length);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void requireConsumed(ByteBuffer in, String what) {
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " trailing bytes after the offset " + what);
        }
    }
}
