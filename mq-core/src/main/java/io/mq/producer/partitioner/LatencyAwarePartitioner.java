package io.mq.producer.partitioner;

import io.mq.client.MqConfigurationException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Fault avoidance in the manner of RocketMQ's latency fault tolerance: keyless records go round-robin over the
 * partitions whose leader is healthy, skipping leaders that recently failed or answered slowly. A failed broker is
 * avoided for a penalty that doubles with each consecutive failure (up to a maximum); a slow answer (at or above the
 * slow threshold) earns a fixed penalty. When the penalty has passed the broker gets records again, and a fast answer
 * clears it at once. If every leader is being avoided, records are spread over all of them rather than failed.
 *
 * <p>Keyed records are placed by {@link KeyHashPartitioner key hash}: moving them would break their order.
 * The sender feeds observations through {@link NodeObserver}.
 */
public final class LatencyAwarePartitioner implements Partitioner, NodeObserver {

    /** Answers this slow or slower count as slow: {@value #DEFAULT_SLOW_THRESHOLD_MS} ms. */
    public static final long DEFAULT_SLOW_THRESHOLD_MS = 500;
    /** How long a slow broker is avoided: {@value #DEFAULT_SLOW_PENALTY_MS} ms. */
    public static final long DEFAULT_SLOW_PENALTY_MS = 10_000;
    /** How long a broker is avoided after its first consecutive failure: {@value #DEFAULT_FAILURE_PENALTY_MS} ms. */
    public static final long DEFAULT_FAILURE_PENALTY_MS = 1_000;
    /** The longest avoidance: {@value #DEFAULT_MAX_PENALTY_MS} ms. */
    public static final long DEFAULT_MAX_PENALTY_MS = 60_000;

    private final long slowThresholdNanos;
    private final long slowPenaltyNanos;
    private final long failurePenaltyNanos;
    private final long maxPenaltyNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, NodeHealth> nodes = new ConcurrentHashMap<>();
    /** The latest end of any penalty; 0 when none is known to be running (the fast path). */
    private final AtomicLong anyPenaltyUntil = new AtomicLong();

    /** With the default thresholds and penalties. */
    public LatencyAwarePartitioner() {
        this(Duration.ofMillis(DEFAULT_SLOW_THRESHOLD_MS), Duration.ofMillis(DEFAULT_SLOW_PENALTY_MS),
                Duration.ofMillis(DEFAULT_FAILURE_PENALTY_MS), Duration.ofMillis(DEFAULT_MAX_PENALTY_MS),
                System::nanoTime);
    }

    /**
     * @param slowThreshold  answers at least this slow count as slow
     * @param slowPenalty    how long a slow broker is avoided
     * @param failurePenalty how long a broker is avoided after one failure; doubled per further consecutive failure
     * @param maxPenalty     the longest avoidance
     * @param nanoClock      the monotonic clock, {@code System::nanoTime} outside tests
     */
    public LatencyAwarePartitioner(Duration slowThreshold, Duration slowPenalty, Duration failurePenalty,
            Duration maxPenalty, LongSupplier nanoClock) {
        this.slowThresholdNanos = positive(slowThreshold, "slowThreshold");
        this.slowPenaltyNanos = positive(slowPenalty, "slowPenalty");
        this.failurePenaltyNanos = positive(failurePenalty, "failurePenalty");
        this.maxPenaltyNanos = positive(maxPenalty, "maxPenalty");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public int partition(String topic, byte[] key, byte[] value, PartitionView partitions) {
        if (key != null) {
            return KeyHashPartitioner.partitionForKey(key, partitions.partitionCount());
        }
        int next = counter(topic).getAndIncrement() & Integer.MAX_VALUE;
        int available = partitions.availablePartitionCount();
        if (available == 0) {
            return next % partitions.partitionCount();
        }
        long penaltyUntil = anyPenaltyUntil.get();
        if (penaltyUntil == 0) {
            return partitions.availablePartition(next % available);
        }
        long now = nanoClock.getAsLong();
        if (now - penaltyUntil >= 0) {
            anyPenaltyUntil.compareAndSet(penaltyUntil, 0); // every penalty is over
            return partitions.availablePartition(next % available);
        }
        for (int i = 0; i < available; i++) {
            int partition = partitions.availablePartition((int) ((next + (long) i) % available));
            if (!isAvoided(partitions.leader(partition), now)) {
                return partition;
            }
        }
        return partitions.availablePartition(next % available);
    }

    @Override
    public void onRequestCompleted(int nodeId, long latencyNanos) {
        if (latencyNanos >= slowThresholdNanos) {
            NodeHealth health = health(nodeId);
            health.consecutiveFailures.set(0);
            penalize(health, slowPenaltyNanos);
        } else {
            NodeHealth health = nodes.get(nodeId);
            if (health != null) {
                health.consecutiveFailures.set(0);
                health.avoidUntilNanos = 0; // recovered
            }
        }
    }

    @Override
    public void onRequestFailed(int nodeId) {
        NodeHealth health = health(nodeId);
        int failures = health.consecutiveFailures.incrementAndGet();
        long penalty = failurePenaltyNanos;
        for (int i = 1; i < failures && penalty < maxPenaltyNanos; i++) {
            penalty *= 2;
        }
        penalize(health, Math.min(penalty, maxPenaltyNanos));
    }

    /** Whether records currently avoid partitions led by {@code nodeId}. */
    public boolean isAvoided(int nodeId) {
        return isAvoided(nodeId, nanoClock.getAsLong());
    }

    private boolean isAvoided(int nodeId, long now) {
        if (nodeId == PartitionView.NO_LEADER) {
            return true;
        }
        NodeHealth health = nodes.get(nodeId);
        if (health == null) {
            return false;
        }
        long until = health.avoidUntilNanos;
        return until != 0 && until - now > 0;
    }

    private void penalize(NodeHealth health, long penaltyNanos) {
        long until = nanoClock.getAsLong() + penaltyNanos;
        if (until == 0) {
            until = 1; // 0 means "no penalty"
        }
        health.avoidUntilNanos = until;
        anyPenaltyUntil.accumulateAndGet(until, (current, candidate) ->
                current == 0 || candidate - current > 0 ? candidate : current);
    }

    private NodeHealth health(int nodeId) {
        return nodes.computeIfAbsent(nodeId, id -> new NodeHealth());
    }

    private AtomicInteger counter(String topic) {
        AtomicInteger counter = counters.get(topic);
        return counter != null ? counter
                : counters.computeIfAbsent(topic, t -> new AtomicInteger(ThreadLocalRandom.current().nextInt()));
    }

    private static long positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new MqConfigurationException(name + " must be > 0, was " + duration);
        }
        return duration.toNanos();
    }

    /** What the producer knows of one broker. */
    private static final class NodeHealth {
        final AtomicInteger consecutiveFailures = new AtomicInteger();
        /** When avoidance ends (nanoTime), 0 for none. */
        volatile long avoidUntilNanos;
    }
}
