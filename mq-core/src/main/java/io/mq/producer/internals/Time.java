package io.mq.producer.internals;

/** The clocks the engine reads, replaceable in tests. */
public interface Time {

    /** The system clocks. */
    Time SYSTEM = new Time() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };

    /** Monotonic time for deadlines, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Wall-clock time for record timestamps, as {@link System#currentTimeMillis()}. */
    long currentTimeMillis();
}
