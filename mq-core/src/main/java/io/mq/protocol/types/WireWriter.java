package io.mq.protocol.types;

import io.mq.protocol.record.Records;
import io.netty.buffer.ByteBufUtil;
import java.util.Collection;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A sink for Kafka wire types. Messages write themselves once through this interface; a
 * {@link WireSizer} computes the exact size, a {@link ByteBufWriter} writes the bytes into a buffer
 * pre-sized from that computation.
 *
 * <p>{@code flexible} arguments select the compact (KIP-482) encodings used by flexible versions.
 */
public abstract class WireWriter {

    public abstract void writeInt8(byte value);

    public abstract void writeInt16(short value);

    public abstract void writeInt32(int value);

    public abstract void writeInt64(long value);

    public abstract void writeFloat64(double value);

    /** Writes raw bytes with no length prefix. */
    public abstract void writeRaw(byte[] bytes);

    /** Writes a UTF-8 string's bytes, whose encoded length is {@code utf8Length}, with no length prefix. */
    protected abstract void writeUtf8(CharSequence value, int utf8Length);

    /** Writes a record set's bytes with no length prefix. */
    protected abstract void writeRecordsBody(Records records);

    public final void writeBoolean(boolean value) {
        writeInt8((byte) (value ? 1 : 0));
    }

    public final void writeUnsignedInt32(long value) {
        writeInt32((int) value);
    }

    public final void writeUuid(UUID value) {
        UUID uuid = value == null ? Uuids.ZERO : value;
        writeInt64(uuid.getMostSignificantBits());
        writeInt64(uuid.getLeastSignificantBits());
    }

    /** Unsigned LEB128 varint, as used for compact lengths and tagged fields (not zigzag). */
    public final void writeUnsignedVarint(int value) {
        while ((value & 0xFFFFFF80) != 0) {
            writeInt8((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        writeInt8((byte) value);
    }

    /** Zigzag varint, as used inside records. */
    public final void writeVarint(int value) {
        writeUnsignedVarint((value << 1) ^ (value >> 31));
    }

    /** Zigzag varlong, as used inside records. */
    public final void writeVarlong(long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & 0xFFFFFFFFFFFFFF80L) != 0) {
            writeInt8((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        writeInt8((byte) v);
    }

    /** A non-null string: int16 length (or compact length) followed by UTF-8 bytes. */
    public final void writeString(String value, boolean flexible) {
        if (value == null) {
            throw new IllegalArgumentException("non-nullable string field is null");
        }
        writeNullableString(value, flexible);
    }

    /** A nullable string; {@code null} is written as length -1 (or compact 0). */
    public final void writeNullableString(String value, boolean flexible) {
        if (value == null) {
            writeLength(-1, flexible, true);
            return;
        }
        int length = ByteBufUtil.utf8Bytes(value);
        if (!flexible && length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("string of " + length + " bytes exceeds the int16 length limit");
        }
        writeLength(length, flexible, true);
        writeUtf8(value, length);
    }

    /** Nullable bytes: int32 length (or compact length) followed by the bytes. */
    public final void writeNullableBytes(byte[] value, boolean flexible) {
        if (value == null) {
            writeLength(-1, flexible, false);
            return;
        }
        writeLength(value.length, flexible, false);
        writeRaw(value);
    }

    /** Non-null bytes; a null value is written as an empty array. */
    public final void writeBytes(byte[] value, boolean flexible) {
        writeNullableBytes(value == null ? new byte[0] : value, flexible);
    }

    /** A nullable record set: int32 length (or compact length) followed by the record batches. */
    public final void writeRecords(Records records, boolean flexible) {
        if (records == null) {
            writeLength(-1, flexible, false);
            return;
        }
        writeLength(records.sizeInBytes(), flexible, false);
        writeRecordsBody(records);
    }

    /** An array whose elements are written by {@code element}; {@code null} is written as a null array. */
    public final <T> void writeArray(Collection<T> items, boolean flexible, BiConsumer<WireWriter, T> element) {
        if (items == null) {
            writeLength(-1, flexible, false);
            return;
        }
        writeLength(items.size(), flexible, false);
        for (T item : items) {
            element.accept(this, item);
        }
    }

    /** An array of int32 values. */
    public final void writeInt32Array(Collection<Integer> items, boolean flexible) {
        writeArray(items, flexible, (w, v) -> w.writeInt32(v));
    }

    /** An array of strings. */
    public final void writeStringArray(Collection<String> items, boolean flexible) {
        writeArray(items, flexible, (w, v) -> w.writeString(v, flexible));
    }

    /** An empty tagged-field section (flexible versions only). */
    public final void writeEmptyTaggedFields() {
        writeUnsignedVarint(0);
    }

    /** The start of a tagged-field section holding {@code count} fields, each written by {@link #writeTaggedField}. */
    public final void writeTaggedFieldCount(int count) {
        writeUnsignedVarint(count);
    }

    /** One tagged field: tag, size of the body, then the body written by {@code body}. */
    public final void writeTaggedField(int tag, Consumer<WireWriter> body) {
        WireSizer sizer = new WireSizer();
        body.accept(sizer);
        writeUnsignedVarint(tag);
        writeUnsignedVarint(sizer.size());
        body.accept(this);
    }

    private void writeLength(int length, boolean flexible, boolean int16) {
        if (flexible) {
            writeUnsignedVarint(length + 1);
        } else if (int16) {
            writeInt16((short) length);
        } else {
            writeInt32(length);
        }
    }
}
