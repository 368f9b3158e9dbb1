package io.mq.broker.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention thread ({@code mq-storage-retention}), which also writes the periodic checkpoints. Each pass
 * drops every partition's expired or excess leading batches (advancing its log start offset at once), persists
 * the new log start offsets with a checkpoint, then deletes the oldest segments that no live partition needs
 * any more and that lie before the checkpoint. A segment is renamed to {@code .deleted} first and removed once no
 * reader holds it; the active segment is never deleted.
 */
final class RetentionService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final CommitLog commitLog;
    private final Supplier<Collection<PartitionLog>> partitions;
    private final RetentionLookup lookup;
    private final Checkpointer checkpointer;
    private final Lock appendLock;
    private final LongSupplier clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mq-storage-retention");
        thread.setDaemon(true);
        return thread;
    });

    RetentionService(CommitLog commitLog, Supplier<Collection<PartitionLog>> partitions, RetentionLookup lookup,
            Checkpointer checkpointer, Lock appendLock, LongSupplier clock) {
        this.commitLog = commitLog;
        this.partitions = partitions;
        this.lookup = lookup;
        this.checkpointer = checkpointer;
        this.appendLock = appendLock;
        this.clock = clock;
    }

    /** Schedules retention every {@code interval} and checkpoints every {@link Checkpointer#INTERVAL}. */
    void start(Duration interval) {
        executor.scheduleWithFixedDelay(() -> runLogged("Retention", this::enforce), interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS);
        long checkpointMillis = Checkpointer.INTERVAL.toMillis();
        executor.scheduleWithFixedDelay(() -> runLogged("Checkpoint", checkpointer::checkpoint), checkpointMillis,
                checkpointMillis, TimeUnit.MILLISECONDS);
    }

    private interface IoTask {
        void run() throws IOException;
    }

    private static void runLogged(String what, IoTask task) {
        try {
            task.run();
        } catch (IOException | RuntimeException e) {
            log.error("{} failed; will retry at the next interval", what, e);
        }
    }

    /** One retention pass (the thread's work; callable directly). */
    synchronized void enforce() throws IOException {
        long now = clock.getAsLong();
        List<PartitionLog> trimmed = new ArrayList<>();
        for (PartitionLog partition : partitions.get()) {
            Retention retention = lookup.retentionFor(partition.id());
            PartitionIndex index = partition.index();
            long before = index.logStartOffset();
            boolean changed = retention.retentionMs() >= 0 && index.trimOlderThan(now - retention.retentionMs());
            changed |= retention.retentionBytes() >= 0 && index.trimToBytes(retention.retentionBytes());
            if (changed) {
                trimmed.add(partition);
                log.info("Retention advanced the log start offset of partition {} from {} to {}", partition.id(),
                        before, index.logStartOffset());
            }
        }
        if (!trimmed.isEmpty()) {
            appendLock.lock();
            try {
                trimmed.forEach(p -> p.producers().evictBefore(p.index().logStartOffset()));
            } finally {
                appendLock.unlock();
            }
        }
        if (trimmed.isEmpty() && deletable(commitLog.writePosition()).isEmpty()) {
            return;
        }
        checkpointer.checkpoint();
        for (Segment segment : deletable(checkpointer.position())) {
            log.info("Retention deletes commit-log segment {}", segment.path());
            commitLog.delete(segment);
        }
    }

    /** The oldest segments, before {@code limit}, holding no batch of a live partition (never the active one). */
    private List<Segment> deletable(long limit) {
        long needed = limit;
        for (PartitionLog partition : partitions.get()) {
            needed = Math.min(needed, partition.index().firstPosition());
        }
        Segment active = commitLog.activeSegment();
        List<Segment> result = new ArrayList<>();
        for (Segment segment : commitLog.segments()) {
            if (segment == active || segment.end() > needed) {
                break;
            }
            result.add(segment);
        }
        return result;
    }

    /** Stops the thread, waiting for a running pass to finish. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
            log.warn("The retention thread did not stop within a minute");
        }
    }
}
