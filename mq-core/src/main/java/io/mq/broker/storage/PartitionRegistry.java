package io.mq.broker.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The durable list of live partitions and their storage ids, in the file {@code partitions}. Every change is
 * written atomically before it takes effect in memory. Storage ids only grow, so an id is never reused.
 */
final class PartitionRegistry {

    static final String FILE = "partitions";
    private static final int MAGIC = 0x6D715052;
    private static final int VERSION = 1;

    private final Path file;
    private long nextLogId;
    private final Map<Long, PartitionId> partitions;

    private PartitionRegistry(Path file, long nextLogId, Map<Long, PartitionId> partitions) {
        this.file = file;
        this.nextLogId = nextLogId;
        this.partitions = partitions;
    }

    /** Reads {@code dataDir/partitions}; empty if the file does not exist yet. */
    static PartitionRegistry load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        Map<Long, PartitionId> partitions = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new PartitionRegistry(file, 1, partitions);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(AtomicFiles.readChecksummed(file)));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new StorageException("unrecognised partition registry " + file);
        }
        long nextLogId = in.readLong();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            long logId = in.readLong();
            partitions.put(logId, new PartitionId(new UUID(in.readLong(), in.readLong()), in.readInt()));
        }
        return new PartitionRegistry(file, nextLogId, partitions);
    }

    /** Adds {@code id} durably and returns its new storage id. */
    synchronized long register(PartitionId id) throws IOException {
        return registerAll(List.of(id))[0];
    }

    /**
     * Adds {@code ids} durably with one file write (one fsync, not one per partition) and returns their new storage
     * ids, in order.
     */
    synchronized long[] registerAll(List<PartitionId> ids) throws IOException {
        Map<Long, PartitionId> updated = new LinkedHashMap<>(partitions);
        long[] logIds = new long[ids.size()];
        for (int i = 0; i < logIds.length; i++) {
            logIds[i] = nextLogId + i;
            updated.put(logIds[i], ids.get(i));
        }
        save(nextLogId + logIds.length, updated);
        nextLogId += logIds.length;
        partitions.clear();
        partitions.putAll(updated);
        return logIds;
    }

    /** Removes storage id {@code logId} durably. */
    synchronized void remove(long logId) throws IOException {
        Map<Long, PartitionId> updated = new LinkedHashMap<>(partitions);
        updated.remove(logId);
        save(nextLogId, updated);
        partitions.remove(logId);
    }

    /** Live partitions by storage id (a copy). */
    synchronized Map<Long, PartitionId> partitions() {
        return new LinkedHashMap<>(partitions);
    }

    private void save(long next, Map<Long, PartitionId> content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(next);
        out.writeInt(content.size());
        for (Map.Entry<Long, PartitionId> entry : content.entrySet()) {
            out.writeLong(entry.getKey());
            out.writeLong(entry.getValue().topicId().getMostSignificantBits());
            out.writeLong(entry.getValue().topicId().getLeastSignificantBits());
            out.writeInt(entry.getValue().partition());
        }
        AtomicFiles.writeChecksummed(file, bytes.toByteArray());
    }
}
