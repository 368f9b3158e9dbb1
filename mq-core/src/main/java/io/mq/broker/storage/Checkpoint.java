package io.mq.broker.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The recovery checkpoint, file {@code checkpoint}: a commit-log position up to which the commit log is forced and
 * every partition's index file, log start/end offsets and producer state (stored here) are durable. Recovery
 * loads it and replays only the entries after {@code position}.
 *
 * @param position   commit-log position covered by the checkpoint
 * @param partitions state per storage id
 */
record Checkpoint(long position, Map<Long, Checkpoint.PartitionState> partitions) {

    static final String FILE = "checkpoint";
    private static final int MAGIC = 0x6D71434B;
    private static final int VERSION = 1;

    /** No checkpoint yet: replay the whole commit log. */
    static final Checkpoint NONE = new Checkpoint(0, Map.of());

    /** One partition at the checkpoint. */
    record PartitionState(long logStartOffset, long logEndOffset, ProducerStateTable producers) {
    }

    /** Reads {@code dataDir/checkpoint}, or {@link #NONE} if it does not exist. */
    static Checkpoint read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return NONE;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(AtomicFiles.readChecksummed(file)));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new StorageException("unrecognised checkpoint file " + file);
        }
        long position = in.readLong();
        int count = in.readInt();
        Map<Long, PartitionState> partitions = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long logId = in.readLong();
            partitions.put(logId, new PartitionState(in.readLong(), in.readLong(), ProducerStateTable.readFrom(in)));
        }
        return new Checkpoint(position, partitions);
    }

    /** Writes {@code dataDir/checkpoint} atomically and durably. */
    void write(Path dataDir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(position);
        out.writeInt(partitions.size());
        for (Map.Entry<Long, PartitionState> entry : partitions.entrySet()) {
            out.writeLong(entry.getKey());
            out.writeLong(entry.getValue().logStartOffset());
            out.writeLong(entry.getValue().logEndOffset());
            entry.getValue().producers().writeTo(out);
        }
        AtomicFiles.writeChecksummed(dataDir.resolve(FILE), bytes.toByteArray());
    }
}
