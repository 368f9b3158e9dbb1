package io.mq.producer.internals;

import io.mq.producer.ProducerMetrics;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** A thread-safe {@link ProducerMetrics.Summary}: recording is a few uncontended adds. */
public final class LongSummary implements ProducerMetrics.Summary {

    private final LongAdder count = new LongAdder();
    private final LongAdder total = new LongAdder();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    /** Records one value. */
    public void record(long value) {
        count.increment();
        total.add(value);
        max.accumulate(value);
    }

    @Override
    public long count() {
        return count.sum();
    }

    @Override
    public long total() {
        return total.sum();
    }

    @Override
    public long max() {
        return max.get();
    }

    @Override
    public String toString() {
        return "count=" + count() + ", total=" + total() + ", max=" + max();
    }
}
