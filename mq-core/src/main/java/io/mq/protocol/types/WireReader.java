package io.mq.protocol.types;

import io.mq.protocol.ProtocolException;
import io.mq.protocol.record.MemoryRecords;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads Kafka wire types from a bounded buffer (usually one frame). Every length read from the wire is
 * checked against the bytes that remain before anything is allocated; violations throw
 * {@link ProtocolException}. The reader does not own the buffer. Record sets are returned as slices that
 * share the buffer and are valid only while it is.
 */
public final class WireReader {

    private final ByteBuf in;

    public WireReader(ByteBuf in) {
        this.in = in;
    }

    /** The underlying buffer. */
    public ByteBuf buffer() {
        return in;
    }

    /** Bytes not yet read. */
    public int remaining() {
        return in.readableBytes();
    }

    public byte readInt8() {
        require(1);
        return in.readByte();
    }

    public short readInt16() {
        require(2);
        return in.readShort();
    }

    public int readInt32() {
        require(4);
        return in.readInt();
    }

    public long readUnsignedInt32() {
        require(4);
        return in.readUnsignedInt();
    }

    public long readInt64() {
        require(8);
        return in.readLong();
    }

    public double readFloat64() {
        require(8);
        return in.readDouble();
    }

    public boolean readBoolean() {
        return readInt8() != 0;
    }

    public UUID readUuid() {
        return new UUID(readInt64(), readInt64());
    }

    /** Unsigned LEB128 varint (at most 5 bytes). */
    public int readUnsignedVarint() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = readInt8();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ProtocolException("varint longer than 5 bytes");
    }

    /** Zigzag varint. */
    public int readVarint() {
        int raw = readUnsignedVarint();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Zigzag varlong (at most 10 bytes). */
    public long readVarlong() {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            byte b = readInt8();
            raw |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new ProtocolException("varlong longer than 10 bytes");
    }

    /** A non-null string. */
    public String readString(boolean flexible) {
        String value = readNullableString(flexible);
        if (value == null) {
            throw new ProtocolException("non-nullable string field is null");
        }
        return value;
    }

    /** A nullable string (length -1, or compact 0, means null). */
    public String readNullableString(boolean flexible) {
        int length = flexible ? readUnsignedVarint() - 1 : readInt16();
        if (length < 0) {
            if (length < -1) {
                throw new ProtocolException("negative string length " + length);
            }
            return null;
        }
        require(length);
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }

    /** Nullable bytes. */
    public byte[] readNullableBytes(boolean flexible) {
        int length = readLength(flexible, "bytes");
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    /** Non-null bytes. */
    public byte[] readBytes(boolean flexible) {
        byte[] bytes = readNullableBytes(flexible);
        if (bytes == null) {
            throw new ProtocolException("non-nullable bytes field is null");
        }
        return bytes;
    }

    /** A nullable record set, returned as a slice of the underlying buffer (not retained). */
    public MemoryRecords readRecords(boolean flexible) {
        int length = readLength(flexible, "records");
        return length < 0 ? null : new MemoryRecords(in.readSlice(length));
    }

    /** A nullable array whose elements are read by {@code element}. */
    public <T> List<T> readNullableArray(boolean flexible, Function<WireReader, T> element) {
        int count = readLength(flexible, "array");
        if (count < 0) {
            return null;
        }
        if (count == 0) {
            return Collections.emptyList();
        }
        List<T> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(element.apply(this));
        }
        return items;
    }

    /** A non-null array; a null array on the wire reads as empty. */
    public <T> List<T> readArray(boolean flexible, Function<WireReader, T> element) {
        List<T> items = readNullableArray(flexible, element);
        return items == null ? Collections.emptyList() : items;
    }

    /** An array of int32 values. */
    public List<Integer> readInt32Array(boolean flexible) {
        return readArray(flexible, WireReader::readInt32);
    }

    /** An array of non-null strings. */
    public List<String> readStringArray(boolean flexible) {
        return readArray(flexible, r -> r.readString(flexible));
    }

    /** Skips a whole tagged-field section. */
    public void skipTaggedFields() {
        readTaggedFields((tag, reader) -> false);
    }

    /**
     * Reads a tagged-field section. {@code handler} is called for each tag and returns whether it read the
     * field's body; bodies of unhandled tags are skipped. A handler must read exactly the field's size.
     */
    public void readTaggedFields(TaggedFieldHandler handler) {
        int count = readUnsignedVarint();
        for (int i = 0; i < count; i++) {
            int tag = readUnsignedVarint();
            int size = readUnsignedVarint();
            require(size);
            int end = in.readerIndex() + size;
            if (!handler.read(tag, this)) {
                in.readerIndex(end);
            } else if (in.readerIndex() != end) {
                throw new ProtocolException("tagged field " + tag + " declared " + size + " bytes but its body used "
                        + (in.readerIndex() - end + size));
            }
        }
    }

    /** Fails unless every byte has been read. */
    public void requireFullyRead(String what) {
        if (in.isReadable()) {
            throw new ProtocolException(what + " has " + in.readableBytes() + " unexpected trailing bytes");
        }
    }

    private int readLength(boolean flexible, String what) {
        int length = flexible ? readUnsignedVarint() - 1 : readInt32();
        if (length < -1) {
            throw new ProtocolException("negative " + what + " length " + length);
        }
        if (length > in.readableBytes()) {
            throw new ProtocolException(what + " length " + length + " exceeds the " + in.readableBytes()
                    + " bytes left in the frame");
        }
        return length;
    }

    private void require(int bytes) {
        if (bytes > in.readableBytes()) {
            throw new ProtocolException("message truncated: needed " + bytes + " more bytes, " + in.readableBytes()
                    + " left");
        }
    }

    /** Reads one tagged field's body. */
    @FunctionalInterface
    public interface TaggedFieldHandler {
        /** Reads the body of {@code tag} and returns true, or returns false to skip it. */
        boolean read(int tag, WireReader reader);
    }
}
