package io.mq.protocol.types;

import io.mq.protocol.record.Records;

/** A {@link WireWriter} that writes nothing and counts the bytes a real write would produce. */
public final class WireSizer extends WireWriter {

    private int size;

    /** The number of bytes written so far. */
    public int size() {
        return size;
    }

    @Override
    public void writeInt8(byte value) {
        size += 1;
    }

    @Override
    public void writeInt16(short value) {
        size += 2;
    }

    @Override
    public void writeInt32(int value) {
        size += 4;
    }

    @Override
    public void writeInt64(long value) {
        size += 8;
    }

    @Override
    public void writeFloat64(double value) {
        size += 8;
    }

    @Override
    public void writeRaw(byte[] bytes) {
        size += bytes.length;
    }

    @Override
    protected void writeUtf8(CharSequence value, int utf8Length) {
        size += utf8Length;
    }

    @Override
    protected void writeRecordsBody(Records records) {
        size += records.sizeInBytes();
    }
}
