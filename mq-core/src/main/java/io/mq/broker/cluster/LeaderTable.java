package io.mq.broker.cluster;

import io.mq.broker.storage.AtomicFiles;
import io.mq.broker.storage.PartitionId;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The durable partition → leader map of a test cluster, file {@code leaders.properties} (one
 * {@code <topic id>-<partition>=<broker id>} line per partition), written atomically on every change. Not
 * thread-safe: the {@link ClusterController} serializes changes.
 */
final class LeaderTable {

    private static final String FILE_NAME = "leaders.properties";

    private final Path file;
    private final Map<PartitionId, Integer> leaders;

    private LeaderTable(Path file, Map<PartitionId, Integer> leaders) {
        this.file = file;
        this.leaders = leaders;
    }

    /** Loads the table from {@code dir}, or starts an empty one. */
    static LeaderTable load(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        Map<PartitionId, Integer> leaders = new HashMap<>();
        if (Files.exists(file)) {
            Properties props = new Properties();
            try {
                props.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read partition leaders " + file, e);
            }
            for (String key : props.stringPropertyNames()) {
                int dash = key.lastIndexOf('-');
                leaders.put(new PartitionId(UUID.fromString(key.substring(0, dash)),
                        Integer.parseInt(key.substring(dash + 1))), Integer.parseInt(props.getProperty(key)));
            }
        }
        return new LeaderTable(file, leaders);
    }

    /** The current map (a copy). */
    Map<PartitionId, Integer> snapshot() {
        return Map.copyOf(leaders);
    }

    /** The leader of {@code id}, or {@code null}. */
    Integer get(PartitionId id) {
        return leaders.get(id);
    }

    /** Applies {@code changes} (a {@code null} value removes the partition) and persists the table. */
    void update(Map<PartitionId, Integer> changes) {
        changes.forEach((id, leader) -> {
            if (leader == null) {
                leaders.remove(id);
            } else {
                leaders.put(id, leader);
            }
        });
        Properties props = new Properties();
        leaders.forEach((id, leader) -> props.setProperty(id.toString(), Integer.toString(leader)));
        StringWriter text = new StringWriter();
        try {
            props.store(text, "mq test cluster: partition leaders");
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write partition leaders " + file, e);
        }
    }
}
