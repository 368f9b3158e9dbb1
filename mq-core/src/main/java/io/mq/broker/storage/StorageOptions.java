package io.mq.broker.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link CommitLogStore}, validated at construction.
 *
 * @param dataDir                directory holding the commit log, indexes and checkpoints
 * @param segmentBytes           size at which the commit log rolls to a new segment file (a larger entry gets a
 *                               segment of its own)
 * @param flushMode              when appends count as durable
 * @param flushInterval          ASYNC mode: the flush thread forces at least this often when data is dirty
 * @param flushDirtyBytes        ASYNC mode: the flush thread forces early once this many bytes are dirty
 * @param retentionCheckInterval how often retention runs
 */
public record StorageOptions(Path dataDir, long segmentBytes, FlushMode flushMode, Duration flushInterval,
        long flushDirtyBytes, Duration retentionCheckInterval) {

    /** 256 MiB per segment file. */
    public static final long DEFAULT_SEGMENT_BYTES = 256L * 1024 * 1024;
    /** Page cache first, forced to disk in the background. */
    public static final FlushMode DEFAULT_FLUSH_MODE = FlushMode.ASYNC;
    /** The async flusher forces the log at least every 500 ms while data is dirty. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(500);
    /** ... and early once 16 MiB are dirty. */
    public static final long DEFAULT_FLUSH_DIRTY_BYTES = 16L * 1024 * 1024;
    /** Retention runs every 30 s. */
    public static final Duration DEFAULT_RETENTION_CHECK_INTERVAL = Duration.ofSeconds(30);

    public StorageOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(flushMode, "flushMode");
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes must be > 0, got " + segmentBytes);
        }
        requirePositive(flushInterval, "flushInterval");
        if (flushDirtyBytes <= 0) {
            throw new IllegalArgumentException("flushDirtyBytes must be > 0, got " + flushDirtyBytes);
        }
        requirePositive(retentionCheckInterval, "retentionCheckInterval");
    }

    /** All defaults for {@code dataDir}. */
    public static StorageOptions defaults(Path dataDir) {
        return builder(dataDir).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Builds {@link StorageOptions}; {@link #build()} validates. */
    public static final class Builder {
        private final Path dataDir;
        private long segmentBytes = DEFAULT_SEGMENT_BYTES;
        private FlushMode flushMode = DEFAULT_FLUSH_MODE;
        private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
        private long flushDirtyBytes = DEFAULT_FLUSH_DIRTY_BYTES;
        private Duration retentionCheckInterval = DEFAULT_RETENTION_CHECK_INTERVAL;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder segmentBytes(long segmentBytes) {
            this.segmentBytes = segmentBytes;
            return this;
        }

        public Builder flushMode(FlushMode flushMode) {
            this.flushMode = flushMode;
            return this;
        }

        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
            return this;
        }

        public Builder flushDirtyBytes(long flushDirtyBytes) {
            this.flushDirtyBytes = flushDirtyBytes;
            return this;
        }

        public Builder retentionCheckInterval(Duration retentionCheckInterval) {
            this.retentionCheckInterval = retentionCheckInterval;
            return this;
        }

        public StorageOptions build() {
            return new StorageOptions(dataDir, segmentBytes, flushMode, flushInterval, flushDirtyBytes,
                    retentionCheckInterval);
        }
    }
}
