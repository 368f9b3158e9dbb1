package io.mq.broker.storage;

import io.mq.protocol.Errors;
import io.mq.protocol.record.RecordBatch;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's storage: every partition's record batches in one segmented commit log (RocketMQ style),
 * found through a small per-partition index. Batches are stored exactly as received (Kafka record batch v2) with
 * their broker-assigned base offset written in.
 *
 * <p>Threads: {@link #append} and {@link #read} may be called concurrently from event loops and never fsync or
 * wait (appends serialize on a short lock around the file write); {@link #createPartition},
 * {@link #deletePartition}, {@link #open} and {@link #close} do blocking I/O and belong off the event loops. A
 * flush thread ({@code mq-storage-flush}) makes appends durable, a retention thread ({@code mq-storage-retention})
 * enforces retention and writes checkpoints.
 *
 * <p>Files in the data directory: {@code commitlog/<20-digit start position>.log} segments, {@code index/<id>.idx}
 * per-partition indexes, {@code partitions} (the partition registry), {@code checkpoint} (recovery point, log
 * start offsets, producer state), {@code clean-shutdown} (present only while closed cleanly) and {@code .lock}.
 */
public final class CommitLogStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommitLogStore.class);
    static final String CLEAN_SHUTDOWN_MARKER = "clean-shutdown";

    private final Path dataDir;
    private final DirectoryLock directoryLock;
    private final CommitLog commitLog;
    private final PartitionRegistry registry;
    private final Map<PartitionId, PartitionLog> partitions;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Object adminLock = new Object();
    private final Checkpointer checkpointer;
    private final FlushService flushService;
    private final RetentionService retentionService;
    private final List<Consumer<PartitionId>> listeners = new CopyOnWriteArrayList<>();
    private volatile long appendedBytes;
    private volatile long appendedRecords;
    private volatile boolean closed;
    private volatile IOException failure;

    private CommitLogStore(StorageOptions options, RetentionLookup retention, DirectoryLock directoryLock,
            CommitLog commitLog, PartitionRegistry registry, Map<PartitionId, PartitionLog> recovered,
            long checkpointPosition) {
        this.dataDir = options.dataDir();
        this.directoryLock = directoryLock;
        this.commitLog = commitLog;
        this.registry = registry;
        this.partitions = new ConcurrentHashMap<>(recovered);
        Collection<PartitionLog> live = partitions.values();
        this.checkpointer = new Checkpointer(dataDir, commitLog, appendLock, () -> live, checkpointPosition);
        this.flushService = new FlushService(commitLog, options, e -> failure = e);
        this.retentionService = new RetentionService(commitLog, () -> live, retention, checkpointer, appendLock,
                System::currentTimeMillis);
    }

    /**
     * Opens (creating if needed) the store in {@code options.dataDir()}: locks the directory exclusively, recovers
     * from the last checkpoint (after an unclean shutdown: verifying every later entry and truncating a torn or
     * corrupt tail), writes a fresh checkpoint and starts the flush and retention threads.
     *
     * @throws StorageException if the directory is locked by another store or cannot be read or recovered
     */
    public static CommitLogStore open(StorageOptions options, RetentionLookup retention) {
        Path dir = options.dataDir();
        DirectoryLock lock;
        try {
            lock = DirectoryLock.acquire(Files.createDirectories(dir));
        } catch (IOException e) {
            throw new StorageException("cannot lock data directory " + dir + ": " + e.getMessage(), e);
        }
        CommitLog commitLog = null;
        try {
            boolean clean = Files.exists(dir.resolve(CLEAN_SHUTDOWN_MARKER))
                    || !Files.exists(dir.resolve(PartitionRegistry.FILE)) && !Files.exists(dir.resolve(Checkpoint.FILE));
            PartitionRegistry registry = PartitionRegistry.load(dir);
            Checkpoint checkpoint = Checkpoint.read(dir);
            commitLog = CommitLog.open(dir, options.segmentBytes());
            if (!clean) {
                log.warn("No clean-shutdown marker in {}: recovering the commit log from position {}", dir,
                        checkpoint.position());
            }
            Map<PartitionId, PartitionLog> recovered = Recovery.recover(dir, commitLog, registry, checkpoint);
            CommitLogStore store = new CommitLogStore(options, retention, lock, commitLog, registry, recovered,
                    checkpoint.position());
            store.checkpointer.checkpoint();
            AtomicFiles.delete(dir.resolve(CLEAN_SHUTDOWN_MARKER));
            store.flushService.start();
            store.retentionService.start(options.retentionCheckInterval());
            log.info("Opened commit-log store {} with {} partitions, write position {}", dir, recovered.size(),
                    commitLog.writePosition());
            return store;
        } catch (IOException | RuntimeException e) {
            if (commitLog != null) {
                commitLog.close();
            }
            closeQuietly(lock);
            throw e instanceof StorageException se ? se
                    : new StorageException("cannot open commit-log store in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Creates an empty partition (log start = log end = 0), durably; does nothing if it exists. Blocking I/O. */
    public void createPartition(PartitionId id) {
        createPartitions(List.of(id));
    }

    /**
     * {@link #createPartition} for several partitions, made durable together with one registry write. Blocking I/O.
     */
    public void createPartitions(Collection<PartitionId> ids) {
        synchronized (adminLock) {
            ensureOpen();
            Set<PartitionId> absent = new LinkedHashSet<>(ids);
            absent.removeIf(partitions::containsKey);
            if (absent.isEmpty()) {
                return;
            }
            List<PartitionId> missing = List.copyOf(absent);
            try {
                long[] logIds = registry.registerAll(missing);
                for (int i = 0; i < logIds.length; i++) {
                    partitions.put(missing.get(i), PartitionLog.empty(missing.get(i), logIds[i], 0));
                }
            } catch (IOException e) {
                throw new StorageException("cannot create partitions " + missing + " in " + dataDir + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private void register(PartitionId id, long startOffset) {
        try {
            long logId = registry.register(id);
            partitions.put(id, PartitionLog.empty(id, logId, startOffset));
        } catch (IOException e) {
            throw new StorageException("cannot create partition " + id + " in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the partition (dropping its data if it exists) with an empty one whose log starts at
     * {@code logStartOffset}, ready for {@link #appendReplicated}; durable when this returns (it writes a checkpoint).
     * Blocking I/O: for a test cluster moving a partition between brokers.
     */
    public void resetPartition(PartitionId id, long logStartOffset) {
        if (logStartOffset < 0) {
            throw new IllegalArgumentException("log start offset must be >= 0, was " + logStartOffset);
        }
        synchronized (adminLock) {
            deletePartition(id);
            register(id, logStartOffset);
            try {
                checkpointer.checkpoint();
            } catch (IOException e) {
                throw new StorageException("cannot checkpoint partition " + id + " in " + dataDir + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Fences or unfences a partition: while fenced, {@link #append} answers {@link Errors#NOT_LEADER_OR_FOLLOWER}.
     * Once this returns, no append to the partition is in progress. Not persisted.
     *
     * @return whether the partition exists
     */
    public boolean fence(PartitionId id, boolean fenced) {
        PartitionLog partition = partitions.get(id);
        if (partition == null) {
            return false;
        }
        appendLock.lock();
        try {
            partition.fenced(fenced);
        } finally {
            appendLock.unlock();
        }
        return true;
    }

    /**
     * Deletes a partition durably; its data is never visible again (not even after a crash) and its segments are
     * reclaimed by retention once no live partition needs them. Does nothing if it does not exist. Blocking I/O.
     */
    public void deletePartition(PartitionId id) {
        synchronized (adminLock) {
            ensureOpen();
            PartitionLog partition = partitions.get(id);
            if (partition == null) {
                return;
            }
            try {
                registry.remove(partition.logId());
                appendLock.lock();
                try {
                    partition.markDeleted();
                    partitions.remove(id);
                } finally {
                    appendLock.unlock();
                }
                Files.deleteIfExists(IndexFile.path(dataDir.resolve(IndexFile.DIR), partition.logId()));
            } catch (IOException e) {
                throw new StorageException("cannot delete partition " + id + " in " + dataDir + ": " + e.getMessage(), e);
            }
        }
    }

    /** Whether the partition exists. */
    public boolean hasPartition(PartitionId id) {
        return partitions.containsKey(id);
    }

    /** The live partitions (a snapshot). */
    public Set<PartitionId> partitions() {
        return Set.copyOf(partitions.keySet());
    }

    /**
     * Appends one record batch (magic 2, already validated; the readable bytes of {@code batch}, which is copied and
     * not released). Idempotent batches ({@code producerId >= 0}) are checked first: a retry of one of the
     * producer's last five batches is not appended again but answered with its original base offset; an old epoch
     * fails with {@link Errors#INVALID_PRODUCER_EPOCH}, a sequence gap with
     * {@link Errors#OUT_OF_ORDER_SEQUENCE_NUMBER}. Never blocks on disk: durability is reported by
     * {@link AppendResult#durable()}. Append listeners run on the calling thread after the append.
     *
     * @return the result; {@link Errors#UNKNOWN_TOPIC_OR_PARTITION} for an unknown partition,
     *         {@link Errors#KAFKA_STORAGE_ERROR} after an I/O failure or close
     * @throws IllegalArgumentException if {@code batch} is not exactly one magic-2 batch
     */
    public AppendResult append(PartitionId id, ByteBuf batch) {
        RecordBatch view = checkedView(batch);
        return append(id, batch, view, false);
    }

    /**
     * Appends a batch copied from another broker's log at its own base offset, which must be the partition's log end
     * offset, and records its idempotent-producer state, so that a producer's retry of it is recognised here. No
     * idempotence check and no fence apply. Otherwise as {@link #append}.
     *
     * @throws IllegalArgumentException if {@code batch} is not exactly one magic-2 batch or does not start at the
     *                                  log end offset
     */
    public AppendResult appendReplicated(PartitionId id, ByteBuf batch) {
        return append(id, batch, checkedView(batch), true);
    }

    private static RecordBatch checkedView(ByteBuf batch) {
        RecordBatch view = RecordBatch.at(batch);
        if (batch.readableBytes() < RecordBatch.HEADER_SIZE || view.magic() != RecordBatch.MAGIC
                || view.sizeInBytes() != batch.readableBytes()) {
            throw new IllegalArgumentException("append expects exactly one magic-2 record batch, got "
                    + batch.readableBytes() + " bytes");
        }
        return view;
    }

    private AppendResult append(PartitionId id, ByteBuf batch, RecordBatch view, boolean replicated) {
        PartitionLog partition = partitions.get(id);
        if (partition == null) {
            return AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1);
        }
        AppendResult result;
        appendLock.lock();
        try {
            result = appendLocked(partition, batch, view, replicated);
        } finally {
            appendLock.unlock();
        }
        if (result.error() == Errors.NONE && !result.duplicate()) {
            notifyListeners(id);
        }
        return result;
    }

    private AppendResult appendLocked(PartitionLog partition, ByteBuf batch, RecordBatch view, boolean replicated) {
        PartitionIndex index = partition.index();
        if (partition.isDeleted()) {
            return AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1);
        }
        if (closed || failure != null) {
            return AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, index.logStartOffset());
        }
        if (replicated && view.baseOffset() != index.logEndOffset()) {
            throw new IllegalArgumentException("replicated batch at offset " + view.baseOffset() + " of partition "
                    + partition.id() + " does not follow log end " + index.logEndOffset());
        }
        if (!replicated && partition.isFenced()) {
            return AppendResult.failed(Errors.NOT_LEADER_OR_FOLLOWER, index.logStartOffset());
        }
        long producerId = view.producerId();
        if (producerId >= 0 && !replicated) {
            ProducerStateTable.Verdict verdict = partition.producers().check(producerId, view.producerEpoch(),
                    view.baseSequence(), view.lastSequence());
            if (verdict.error() != Errors.NONE) {
                return AppendResult.failed(verdict.error(), index.logStartOffset());
            }
            if (verdict.duplicate() != null) {
                return new AppendResult(Errors.NONE, verdict.duplicate().baseOffset(), index.logStartOffset(), true,
                        flushService.durableAt(verdict.duplicate().endPosition()));
            }
        }
        long baseOffset = index.logEndOffset();
        long batchPosition;
        try {
            batchPosition = commitLog.append(partition.logId(), batch, baseOffset) + EntryHeader.SIZE;
        } catch (IOException e) {
            failure = e;
            log.error("Appending to partition {} failed; the store in {} stops accepting appends", partition.id(),
                    dataDir, e);
            return AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, index.logStartOffset());
        }
        int size = view.sizeInBytes();
        long endPosition = batchPosition + size;
        index.add(new PartitionIndex.Entry(baseOffset, view.lastOffsetDelta(), batchPosition, size, view.maxTimestamp()));
        if (producerId >= 0) {
            partition.producers().record(producerId, view.producerEpoch(), new ProducerStateTable.BatchMetadata(
                    view.baseSequence(), view.lastSequence(), baseOffset, baseOffset + view.lastOffsetDelta(),
                    endPosition));
        }
        appendedBytes += size;
        appendedRecords += view.recordsCount();
        return new AppendResult(Errors.NONE, baseOffset, index.logStartOffset(), false,
                flushService.durableAt(endPosition));
    }

    private void notifyListeners(PartitionId id) {
        for (Consumer<PartitionId> listener : listeners) {
            try {
                listener.accept(id);
            } catch (RuntimeException e) {
                log.warn("Append listener failed for partition {}", id, e);
            }
        }
    }

    /**
     * Reads whole batches starting with the one holding {@code fetchOffset}, up to {@code maxBytes} but at least one
     * batch (KIP-74). {@link Errors#OFFSET_OUT_OF_RANGE} if {@code fetchOffset} is below the log start or above the
     * log end; at the log end the slice is empty. The caller must release {@link FetchSlice#records()}.
     */
    public FetchSlice read(PartitionId id, long fetchOffset, int maxBytes) {
        PartitionLog partition = partitions.get(id);
        if (partition == null) {
            return FetchSlice.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1, -1);
        }
        PartitionIndex.Slice slice = partition.index().slice(fetchOffset, maxBytes);
        if (closed) {
            return FetchSlice.failed(Errors.KAFKA_STORAGE_ERROR, slice.logEndOffset(), slice.logStartOffset());
        }
        if (fetchOffset < slice.logStartOffset() || fetchOffset > slice.logEndOffset()) {
            return FetchSlice.failed(Errors.OFFSET_OUT_OF_RANGE, slice.logEndOffset(), slice.logStartOffset());
        }
        FileRecords records = FileRecords.of(commitLog, slice.batches());
        if (records.regions().isEmpty() && fetchOffset < slice.logEndOffset()) {
            records.release();
            PartitionIndex index = partition.index();
            return FetchSlice.failed(Errors.OFFSET_OUT_OF_RANGE, index.logEndOffset(), index.logStartOffset());
        }
        return new FetchSlice(Errors.NONE, slice.logEndOffset(), slice.logStartOffset(), records);
    }

    /**
     * Advances the partition's log start offset past every whole batch that ends before {@code offset} (the batch
     * holding {@code offset} stays): Kafka's DeleteRecords at batch granularity. The new log start offset is
     * persisted with the next checkpoint and the segments no partition needs any more are reclaimed by retention;
     * after a crash before that checkpoint the old start may come back. Never blocks on disk.
     *
     * @return the new log start offset, {@code -1} if the partition does not exist
     */
    public long deleteRecordsBefore(PartitionId id, long offset) {
        PartitionLog partition = partitions.get(id);
        if (partition == null) {
            return -1;
        }
        PartitionIndex index = partition.index();
        if (index.trimBefore(offset)) {
            appendLock.lock();
            try {
                partition.producers().evictBefore(index.logStartOffset());
            } finally {
                appendLock.unlock();
            }
        }
        return index.logStartOffset();
    }

    /** The partition's log start offset, {@code -1} if it does not exist. */
    public long logStartOffset(PartitionId id) {
        PartitionLog partition = partitions.get(id);
        return partition == null ? -1 : partition.index().logStartOffset();
    }

    /** The partition's log end offset (the next offset to assign), {@code -1} if it does not exist. */
    public long logEndOffset(PartitionId id) {
        PartitionLog partition = partitions.get(id);
        return partition == null ? -1 : partition.index().logEndOffset();
    }

    /**
     * The first record with a timestamp of at least {@code timestamp} (ListOffsets by timestamp); empty if there is
     * none or the partition does not exist. Exact for uncompressed batches; for a compressed batch, its base offset
     * and max timestamp. Reads one batch from the file.
     */
    public Optional<TimestampOffset> offsetForTimestamp(PartitionId id, long timestamp) {
        PartitionLog partition = partitions.get(id);
        return partition == null ? Optional.empty()
                : RecordTimestamps.firstAtLeast(commitLog, partition.index(), timestamp);
    }

    /**
     * The record with the largest timestamp (ListOffsets MAX_TIMESTAMP; the first such record); empty if the
     * partition is empty or does not exist. Same precision as {@link #offsetForTimestamp}.
     */
    public Optional<TimestampOffset> maxTimestampOffset(PartitionId id) {
        PartitionLog partition = partitions.get(id);
        return partition == null ? Optional.empty() : RecordTimestamps.max(commitLog, partition.index());
    }

    /** Registers a listener called (on the appending thread) after each successful, non-duplicate append. */
    public void addAppendListener(Consumer<PartitionId> listener) {
        listeners.add(listener);
    }

    /** Current counters. */
    public StorageStats stats() {
        return new StorageStats(partitions.size(), commitLog.segmentCount(), commitLog.totalBytes(), appendedBytes,
                appendedRecords, flushService.flushCount(), flushService.lastFlushNanos());
    }

    /** One retention pass now (what the retention thread does every interval). */
    void enforceRetention() throws IOException {
        retentionService.enforce();
    }

    /**
     * Stops the threads, forces everything, writes the indexes and a checkpoint, leaves the clean-shutdown marker
     * and releases the directory lock. Idempotent. Blocking I/O.
     */
    @Override
    public void close() {
        appendLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            appendLock.unlock();
        }
        try {
            retentionService.close();
            flushService.close();
            if (failure == null) {
                checkpointer.checkpoint();
                AtomicFiles.write(dataDir.resolve(CLEAN_SHUTDOWN_MARKER), ByteBuffer.allocate(0));
            }
        } catch (IOException | RuntimeException e) {
            log.error("Closing the commit-log store in {} failed; the next open will recover", dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            commitLog.close();
            closeQuietly(directoryLock);
        }
        log.info("Closed commit-log store {}", dataDir);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("commit-log store in " + dataDir + " is closed");
        }
    }

    private static void closeQuietly(DirectoryLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("Could not release the data directory lock", e);
        }
    }
}
