package io.mq.broker.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * Writes recovery checkpoints: takes a consistent cut under the append lock (commit-log position, each
 * partition's offsets and producer state), forces the commit log up to it, appends the new index entries to the
 * index files (forced), then replaces the checkpoint file. Runs periodically on the retention thread, before
 * retention deletes segments, after recovery and at close.
 */
final class Checkpointer {

    /** How often the retention thread writes a checkpoint; it bounds the commit log replayed after a crash. */
    static final Duration INTERVAL = Duration.ofSeconds(30);
    /** An index file is rewritten once it holds more than this many trimmed entries and more trimmed than live ones. */
    private static final long REWRITE_MIN_STALE_ENTRIES = 1024;

    private final Path dataDir;
    private final Path indexDir;
    private final CommitLog commitLog;
    private final Lock appendLock;
    private final Supplier<Collection<PartitionLog>> partitions;
    private long position;

    Checkpointer(Path dataDir, CommitLog commitLog, Lock appendLock, Supplier<Collection<PartitionLog>> partitions,
            long position) {
        this.dataDir = dataDir;
        this.indexDir = dataDir.resolve(IndexFile.DIR);
        this.commitLog = commitLog;
        this.appendLock = appendLock;
        this.partitions = partitions;
        this.position = position;
    }

    /** Commit-log position covered by the latest checkpoint. */
    synchronized long position() {
        return position;
    }

    /** Writes a checkpoint covering everything appended so far. */
    synchronized void checkpoint() throws IOException {
        long target;
        Map<PartitionLog, Checkpoint.PartitionState> cut = new LinkedHashMap<>();
        appendLock.lock();
        try {
            target = commitLog.writePosition();
            for (PartitionLog partition : partitions.get()) {
                if (!partition.isDeleted()) {
                    PartitionIndex index = partition.index();
                    cut.put(partition, new Checkpoint.PartitionState(index.logStartOffset(), index.logEndOffset(),
                            partition.producers().copy()));
                }
            }
        } finally {
            appendLock.unlock();
        }
        commitLog.force(position, target);
        Map<Long, Checkpoint.PartitionState> states = new HashMap<>();
        for (Map.Entry<PartitionLog, Checkpoint.PartitionState> entry : cut.entrySet()) {
            persistIndex(entry.getKey(), entry.getValue());
            states.put(entry.getKey().logId(), entry.getValue());
        }
        new Checkpoint(target, states).write(dataDir);
        position = target;
    }

    private void persistIndex(PartitionLog partition, Checkpoint.PartitionState state) throws IOException {
        Path file = IndexFile.path(indexDir, partition.logId());
        PartitionIndex index = partition.index();
        long stale = partition.indexFileEntries() - index.size();
        if (stale > REWRITE_MIN_STALE_ENTRIES && stale > index.size()) {
            List<PartitionIndex.Entry> live = index.entriesBetween(state.logStartOffset(), state.logEndOffset());
            IndexFile.rewrite(file, live);
            partition.indexPersisted(state.logEndOffset(), live.size());
        } else if (state.logEndOffset() > partition.persistedEndOffset()) {
            List<PartitionIndex.Entry> added = index.entriesBetween(partition.persistedEndOffset(),
                    state.logEndOffset());
            if (!added.isEmpty()) {
                IndexFile.append(file, added);
            }
            partition.indexPersisted(state.logEndOffset(), partition.indexFileEntries() + added.size());
        }
    }
}
