package io.mq.admin;

/**
 * Where {@link MqAdmin#resetGroupOffsets} moves a group: to the earliest or latest offset, to the first record at or
 * after a timestamp, or to an explicit offset.
 */
public sealed interface OffsetSpec {

    /** The earliest offset still stored. */
    static OffsetSpec earliest() {
        return Earliest.INSTANCE;
    }

    /** The latest offset (after the last record): the group skips everything stored. */
    static OffsetSpec latest() {
        return Latest.INSTANCE;
    }

    /** The first record with a timestamp at or after {@code timestampMs}; the latest offset when there is none. */
    static OffsetSpec timestamp(long timestampMs) {
        return new Timestamp(timestampMs);
    }

    /** Offset {@code offset}, moved into the partition's range [earliest, latest] when outside it. */
    static OffsetSpec offset(long offset) {
        return new Offset(offset);
    }

    /** See {@link OffsetSpec#earliest()}. */
    enum Earliest implements OffsetSpec {
        INSTANCE
    }

    /** See {@link OffsetSpec#latest()}. */
    enum Latest implements OffsetSpec {
        INSTANCE
    }

    /**
     * See {@link OffsetSpec#timestamp(long)}.
     *
     * @param timestampMs milliseconds since the epoch, at least 0
     */
    record Timestamp(long timestampMs) implements OffsetSpec {
        public Timestamp {
            if (timestampMs < 0) {
                throw new IllegalArgumentException("timestamp must be >= 0, was " + timestampMs);
            }
        }
    }

    /**
     * See {@link OffsetSpec#offset(long)}.
     *
     * @param offset the offset, at least 0
     */
    record Offset(long offset) implements OffsetSpec {
        public Offset {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be >= 0, was " + offset);
            }
        }
    }
}
