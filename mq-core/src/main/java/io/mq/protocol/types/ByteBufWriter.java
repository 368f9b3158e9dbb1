package io.mq.protocol.types;

import io.mq.protocol.record.Records;
import io.netty.buffer.ByteBuf;

/**
 * A {@link WireWriter} that appends to a Netty buffer. The caller owns the buffer. Subclasses may send record sets
 * another way (the broker's zero-copy writer).
 */
public class ByteBufWriter extends WireWriter {

    private final ByteBuf out;

    public ByteBufWriter(ByteBuf out) {
        this.out = out;
    }

    /** The buffer written to. */
    public ByteBuf buffer() {
        return out;
    }

    @Override
    public final void writeInt8(byte value) {
        out.writeByte(value);
    }

    @Override
    public final void writeInt16(short value) {
        out.writeShort(value);
    }

    @Override
    public final void writeInt32(int value) {
        out.writeInt(value);
    }

    @Override
    public final void writeInt64(long value) {
        out.writeLong(value);
    }

    @Override
    public final void writeFloat64(double value) {
        out.writeDouble(value);
    }

    @Override
    public final void writeRaw(byte[] bytes) {
        out.writeBytes(bytes);
    }

    @Override
    protected final void writeUtf8(CharSequence value, int utf8Length) {
        out.writeCharSequence(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    protected void writeRecordsBody(Records records) {
        records.writeTo(out);
    }
}
