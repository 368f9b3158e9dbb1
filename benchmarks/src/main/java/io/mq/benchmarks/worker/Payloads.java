package io.mq.benchmarks.worker;

import java.util.SplittableRandom;

/** Record values: incompressible bytes from a fixed seed, so every run and engine sends the same data. */
final class Payloads {

    private static final long SEED = 0x6d71L;

    private Payloads() {
    }

    /** {@code size} pseudo-random bytes. */
    static byte[] random(int size) {
        byte[] value = new byte[size];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < size; i++) {
            value[i] = (byte) random.nextInt(256);
        }
        return value;
    }

    /** Writes {@code value} big-endian into {@code bytes} at {@code offset}. */
    static void putLong(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    /** Reads a big-endian long from {@code bytes} at {@code offset}. */
    static long getLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    /** Parks until {@link System#nanoTime()} reaches {@code targetNanos} (returns at once when it has). */
    static void paceUntil(long targetNanos) {
        long wait;
        while ((wait = targetNanos - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }
}
