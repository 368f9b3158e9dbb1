package io.mq.producer.partitioner;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 32-bit MurmurHash2 with the seed Kafka's Java producer uses ({@code 0x9747b28c}), so that keys land in the same
 * partitions as with {@code kafka-clients}: {@code toPositive(hash(key)) % partitions}.
 */
public final class Murmur2 {

    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;
    private static final int R = 24;
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Murmur2() {
    }

    /** The hash of {@code data}. */
    public static int hash(byte[] data) {
        int length = data.length;
        int h = SEED ^ length;
        int blocksEnd = length & ~3;
        for (int i = 0; i < blocksEnd; i += 4) {
            int k = (int) INT_LE.get(data, i);
            k *= M;
            k ^= k >>> R;
            k *= M;
            h *= M;
            h ^= k;
        }
        int tail = length & 3;
        if (tail != 0) {
            if (tail == 3) {
                h ^= (data[blocksEnd + 2] & 0xff) << 16;
            }
            if (tail >= 2) {
                h ^= (data[blocksEnd + 1] & 0xff) << 8;
            }
            h ^= data[blocksEnd] & 0xff;
            h *= M;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return h;
    }

    /** {@code value} with the sign bit cleared (not {@code Math.abs}, which leaves {@code MIN_VALUE} negative). */
    public static int toPositive(int value) {
        return value & 0x7fffffff;
    }
}
