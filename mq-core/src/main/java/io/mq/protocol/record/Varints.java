package io.mq.protocol.record;

import io.netty.buffer.ByteBuf;

/** Zigzag varints as records use them, written straight into a buffer and sized without writing. */
final class Varints {

    private Varints() {
    }

    /** Encoded size of the zigzag varint {@code value} (1-5 bytes). */
    static int sizeOfVarint(int value) {
        int raw = (value << 1) ^ (value >> 31);
        return (31 - Integer.numberOfLeadingZeros(raw | 1)) / 7 + 1;
    }

    /** Encoded size of the zigzag varlong {@code value} (1-10 bytes). */
    static int sizeOfVarlong(long value) {
        long raw = (value << 1) ^ (value >> 63);
        return (63 - Long.numberOfLeadingZeros(raw | 1)) / 7 + 1;
    }

    static void writeVarint(ByteBuf out, int value) {
        int raw = (value << 1) ^ (value >> 31);
        while ((raw & ~0x7F) != 0) {
            out.writeByte((raw & 0x7F) | 0x80);
            raw >>>= 7;
        }
        out.writeByte(raw);
    }

    static void writeVarlong(ByteBuf out, long value) {
        long raw = (value << 1) ^ (value >> 63);
        while ((raw & ~0x7FL) != 0) {
            out.writeByte(((int) raw & 0x7F) | 0x80);
            raw >>>= 7;
        }
        out.writeByte((int) raw);
    }
}
