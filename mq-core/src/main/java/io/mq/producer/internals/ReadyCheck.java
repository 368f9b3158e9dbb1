package io.mq.producer.internals;

import io.mq.metadata.TopicPartition;
import java.util.List;

/**
 * The outcome of {@link RecordAccumulator#ready(long)}.
 *
 * @param readyPartitions partitions whose first batch may be drained now; the sender maps them to their leaders
 * @param nextCheckNanos  when ({@link Time#nanoTime()}) the next batch becomes ready or expires, if nothing is
 *                        appended meanwhile; {@link Long#MAX_VALUE} if never
 */
public record ReadyCheck(List<TopicPartition> readyPartitions, long nextCheckNanos) {
}
