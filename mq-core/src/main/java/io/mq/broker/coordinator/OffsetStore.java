package io.mq.broker.coordinator;

import io.mq.broker.metadata.TopicConfig;
import io.mq.broker.storage.AppendResult;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.FetchSlice;
import io.mq.broker.storage.PartitionId;
import io.mq.protocol.Errors;
import io.mq.protocol.TopicNames;
import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.Header;
import io.mq.protocol.record.Record;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.record.RecordBatchBuilder;
import io.mq.protocol.record.RecordBatches;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed offsets, kept in memory and persisted through the commit log as records of the internal topic
 * {@code __consumer_offsets} (group id hash → partition; record layout in {@link OffsetRecords}). A commit is one
 * record batch; a delete is a batch of tombstones. {@link #load} replays the topic at broker start.
 *
 * <p>The commit log has no compaction, so the store compacts its own partitions: once a partition holds more than
 * twice as many records as it has live offsets (plus some slack), the live offsets are written again as one batch
 * and, when that batch is durable, everything before it is deleted ({@link CommitLogStore#deleteRecordsBefore}).
 * The topic itself is created with unlimited retention, so time retention never drops a live offset.
 *
 * <p>Threads: used from the coordinator thread only (and by {@link #load} before the coordinator starts). The
 * in-memory map is updated when a batch is appended, so later reads and compactions see it; the returned future
 * completes when the batch is durable, possibly on the storage flush thread (while it holds its lock), so the store's
 * own follow-up work runs on the coordinator thread, handed to it through {@code coordinatorThread}.
 */
public final class OffsetStore {

    private static final Logger log = LoggerFactory.getLogger(OffsetStore.class);

    /** The internal topic. */
    public static final String TOPIC = TopicNames.CONSUMER_OFFSETS;
    /** Configs the topic is created with: compacted by the store itself, never trimmed by time or size. */
    public static final Map<String, String> TOPIC_CONFIGS = Map.of(TopicConfig.CLEANUP_POLICY, "compact",
            TopicConfig.RETENTION_MS, "-1", TopicConfig.RETENTION_BYTES, "-1");
    /** Records a partition may hold beyond twice its live offsets before it is compacted. */
    static final int DEFAULT_COMPACTION_SLACK = 1000;
    private static final int READ_BYTES = 1024 * 1024;
    /** Batches are not compressed; the level is ignored. */
    private static final int UNUSED_LEVEL = 0;

    private final CommitLogStore store;
    private final List<PartitionId> partitions;
    private final ByteBufAllocator allocator;
    private final int compactionSlack;
    private final Map<String, Map<TopicPartition, CommittedOffset>> offsets = new HashMap<>();
    private final Executor coordinatorThread;
    private final int[] liveCounts;
    private final boolean[] compacting;

    OffsetStore(CommitLogStore store, List<PartitionId> partitions, Executor coordinatorThread,
            ByteBufAllocator allocator, int compactionSlack) {
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("the offsets topic needs at least one partition");
        }
        this.store = store;
        this.partitions = List.copyOf(partitions);
        this.allocator = allocator;
        this.compactionSlack = compactionSlack;
        this.coordinatorThread = coordinatorThread;
        this.liveCounts = new int[partitions.size()];
        this.compacting = new boolean[partitions.size()];
    }

    /**
     * Replays the offsets topic's partitions (in partition order) into a new store. Blocking I/O, for broker start.
     *
     * @param store             the commit log
     * @param partitions        the storage ids of the offsets topic's partitions 0..n-1
     * @param coordinatorThread runs the store's follow-up work on the thread that uses the store
     * @throws io.mq.broker.storage.StorageException or {@link IllegalStateException} if a partition cannot be read
     */
    public static OffsetStore load(CommitLogStore store, List<PartitionId> partitions, Executor coordinatorThread) {
        return load(store, partitions, coordinatorThread, ByteBufAllocator.DEFAULT, DEFAULT_COMPACTION_SLACK);
    }

    static OffsetStore load(CommitLogStore store, List<PartitionId> partitions, Executor coordinatorThread,
            ByteBufAllocator allocator, int compactionSlack) {
        long started = System.nanoTime();
        OffsetStore offsets = new OffsetStore(store, partitions, coordinatorThread, allocator, compactionSlack);
        long records = 0;
        for (PartitionId id : partitions) {
            records += offsets.replay(id);
        }
        for (int p = 0; p < partitions.size(); p++) {
            offsets.maybeCompact(p);
        }
        int live = 0;
        for (int count : offsets.liveCounts) {
            live += count;
        }
        logLoaded(records, live, offsets.offsets.size(), started);
        return offsets;
    }

    private static void logLoaded(long records, int live, int groups, long startedNanos) {
        log.info("Loaded {} committed offsets of {} groups from {} ({} records) in {} ms", live, groups, TOPIC,
                records, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private long replay(PartitionId id) {
        long offset = store.logStartOffset(id);
        long end = store.logEndOffset(id);
        long records = 0;
        while (offset < end) {
            FetchSlice slice = store.read(id, offset, READ_BYTES);
            if (slice.error() != Errors.NONE) {
                slice.records().release();
                throw new IllegalStateException("cannot read " + TOPIC + " partition " + id + " at offset " + offset
                        + ": " + slice.error());
            }
            ByteBuf buffer = allocator.heapBuffer(slice.records().sizeInBytes());
            try {
                slice.records().writeTo(buffer);
                slice.records().release();
                long next = offset;
                for (RecordBatch batch : RecordBatches.of(buffer)) {
                    for (Record record : batch.records()) {
                        replay(id, record);
                        records++;
                    }
                    next = batch.lastOffset() + 1;
                }
                if (next <= offset) {
                    throw new IllegalStateException("no complete batch in " + TOPIC + " partition " + id
                            + " at offset " + offset);
                }
                offset = next;
            } finally {
                buffer.release();
            }
        }
        return records;
    }

    private void replay(PartitionId id, Record record) {
        try {
            OffsetRecords.Key key = record.key() == null ? null : OffsetRecords.readKey(record.key());
            if (key == null) {
                return;
            }
            if (record.value() == null) {
                remove(key.groupId(), key.partition());
            } else {
                put(key.groupId(), key.partition(), OffsetRecords.readValue(record.value()));
            }
        } catch (IllegalArgumentException e) {
            log.warn("Skipping unreadable record at offset {} of {} partition {}: {}", record.offset(), TOPIC, id,
                    e.getMessage());
        }
    }

    /** The offsets topic partition holding {@code groupId}'s offsets. */
    public int partitionFor(String groupId) {
        return partitionFor(groupId, partitions.size());
    }

    /** The partition of a topic with {@code partitionCount} partitions that holds {@code groupId}'s offsets. */
    public static int partitionFor(String groupId, int partitionCount) {
        return Math.floorMod(groupId.hashCode(), partitionCount);
    }

    /** Every group with at least one committed offset. */
    public Set<String> groupIds() {
        return Set.copyOf(offsets.keySet());
    }

    /** The group's committed offsets (a copy; empty if none). */
    public Map<TopicPartition, CommittedOffset> offsets(String groupId) {
        Map<TopicPartition, CommittedOffset> group = offsets.get(groupId);
        return group == null ? Map.of() : Map.copyOf(group);
    }

    /** The committed offset of one partition, or {@code null}. */
    public CommittedOffset offset(String groupId, TopicPartition partition) {
        Map<TopicPartition, CommittedOffset> group = offsets.get(groupId);
        return group == null ? null : group.get(partition);
    }

    /**
     * Stores offsets: appends one batch and updates the in-memory map at once.
     *
     * @return completes with NONE once the batch is durable, or COORDINATOR_NOT_AVAILABLE (retriable) if it could not
     *         be appended or flushed
     */
    public CompletableFuture<Errors> commit(String groupId, Map<TopicPartition, CommittedOffset> commits) {
        if (commits.isEmpty()) {
            return CompletableFuture.completedFuture(Errors.NONE);
        }
        List<byte[][]> records = new ArrayList<>(commits.size());
        long timestamp = RecordBatch.NO_TIMESTAMP;
        for (Map.Entry<TopicPartition, CommittedOffset> entry : commits.entrySet()) {
            records.add(new byte[][] {OffsetRecords.key(groupId, entry.getKey()), OffsetRecords.value(entry.getValue())});
            timestamp = Math.max(timestamp, entry.getValue().commitTimestamp());
        }
        AppendOutcome appended = appendBatch(partitionFor(groupId), records, timestamp);
        if (appended == null) {
            return CompletableFuture.completedFuture(Errors.COORDINATOR_NOT_AVAILABLE);
        }
        commits.forEach((partition, offset) -> put(groupId, partition, offset));
        maybeCompact(partitionFor(groupId));
        return appended.durable();
    }

    /**
     * Deletes offsets with tombstones (partitions without an offset are skipped) and updates the in-memory map.
     *
     * @return as {@link #commit}
     */
    public CompletableFuture<Errors> delete(String groupId, Collection<TopicPartition> deleted, long timestamp) {
        List<byte[][]> records = new ArrayList<>();
        for (TopicPartition partition : deleted) {
            if (offset(groupId, partition) != null) {
                records.add(new byte[][] {OffsetRecords.key(groupId, partition), null});
            }
        }
        if (records.isEmpty()) {
            return CompletableFuture.completedFuture(Errors.NONE);
        }
        AppendOutcome appended = appendBatch(partitionFor(groupId), records, timestamp);
        if (appended == null) {
            return CompletableFuture.completedFuture(Errors.COORDINATOR_NOT_AVAILABLE);
        }
        deleted.forEach(partition -> remove(groupId, partition));
        maybeCompact(partitionFor(groupId));
        return appended.durable();
    }

    /**
     * An appended batch.
     *
     * @param baseOffset offset of its first record
     * @param durable    completes with NONE when the batch is durable, COORDINATOR_NOT_AVAILABLE if the flush failed
     */
    private record AppendOutcome(long baseOffset, CompletableFuture<Errors> durable) {
    }

    /** Appends {key, value} pairs as one batch to partition {@code p}; {@code null} if the append failed (logged). */
    private AppendOutcome appendBatch(int p, List<byte[][]> records, long timestamp) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        PartitionId id = partitions.get(p);
        RecordBatchBuilder builder = new RecordBatchBuilder(allocator, CompressionType.NONE, UNUSED_LEVEL,
                Integer.MAX_VALUE);
        ByteBuf batch;
        try {
            for (byte[][] record : records) {
                builder.tryAppend(timestamp, record[0], record[1], (Header[]) null);
            }
            batch = builder.build();
        } catch (RuntimeException e) {
            builder.release();
            throw e;
        }
        AppendResult result;
        try {
            result = store.append(id, batch);
        } finally {
            batch.release();
        }
        if (result.error() != Errors.NONE) {
            log.error("Cannot append {} records to {} partition {}: {}", records.size(), TOPIC, p, result.error());
            return null;
        }
        CompletableFuture<Errors> durable = result.durable().handle((ignored, error) -> {
            if (error != null) {
                log.error("Flushing {} partition {} failed", TOPIC, p, error);
                return Errors.COORDINATOR_NOT_AVAILABLE;
            }
            return Errors.NONE;
        });
        return new AppendOutcome(result.baseOffset(), durable);
    }

    private void put(String groupId, TopicPartition partition, CommittedOffset offset) {
        if (offsets.computeIfAbsent(groupId, g -> new HashMap<>()).put(partition, offset) == null) {
            liveCounts[partitionFor(groupId)]++;
        }
    }

    private void remove(String groupId, TopicPartition partition) {
        Map<TopicPartition, CommittedOffset> group = offsets.get(groupId);
        if (group != null && group.remove(partition) != null) {
            liveCounts[partitionFor(groupId)]--;
            if (group.isEmpty()) {
                offsets.remove(groupId);
            }
        }
    }

    /** Rewrites partition {@code p}'s live offsets and drops what precedes them, once it holds enough garbage. */
    private void maybeCompact(int p) {
        PartitionId id = partitions.get(p);
        long records = store.logEndOffset(id) - store.logStartOffset(id);
        if (records <= 2L * liveCounts[p] + compactionSlack || compacting[p]) {
            return;
        }
        compacting[p] = true;
        List<byte[][]> live = new ArrayList<>(liveCounts[p]);
        long timestamp = RecordBatch.NO_TIMESTAMP;
        for (Map.Entry<String, Map<TopicPartition, CommittedOffset>> group : offsets.entrySet()) {
            if (partitionFor(group.getKey()) != p) {
                continue;
            }
            for (Map.Entry<TopicPartition, CommittedOffset> entry : group.getValue().entrySet()) {
                live.add(new byte[][] {OffsetRecords.key(group.getKey(), entry.getKey()),
                        OffsetRecords.value(entry.getValue())});
                timestamp = Math.max(timestamp, entry.getValue().commitTimestamp());
            }
        }
        if (live.isEmpty()) {
            store.deleteRecordsBefore(id, store.logEndOffset(id));
            compacting[p] = false;
            return;
        }
        AppendOutcome outcome = appendBatch(p, live, timestamp);
        if (outcome == null) {
            compacting[p] = false;
            return;
        }
        outcome.durable().thenAcceptAsync(error -> {
            if (error == Errors.NONE) {
                long start = store.deleteRecordsBefore(id, outcome.baseOffset());
                log.debug("Compacted {} partition {}: {} live offsets, log start now {}", TOPIC, p, live.size(), start);
            }
            compacting[p] = false;
        }, coordinatorThread);
    }
}
