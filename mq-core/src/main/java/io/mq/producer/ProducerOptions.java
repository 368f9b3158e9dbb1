package io.mq.producer;

import io.mq.client.MqConfigurationException;
import io.mq.protocol.TopicNames;
import io.mq.producer.partitioner.DefaultPartitioner;
import io.mq.producer.partitioner.Partitioner;
import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.record.compression.CompressionCodecs;
import io.mq.protocol.record.compression.MissingCodecException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Immutable producer engine settings, made by a {@link Builder} that checks every value (and every combination) when
 * {@link Builder#build() built}, with messages naming the option and its allowed values. All defaults are the
 * {@code DEFAULT_*} constants here.
 */
public final class ProducerOptions {

    /** Every in-sync replica must have a record: {@link Acks#ALL}. */
    public static final Acks DEFAULT_ACKS = Acks.ALL;
    /** How long a batch waits for more records: 5 ms. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);
    /** The size a batch is filled to: 64 KiB. */
    public static final int DEFAULT_BATCH_SIZE = 64 * 1024;
    /** The largest produce request: 1 MiB. */
    public static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;
    /** The memory all queued batches may hold: 32 MiB. */
    public static final long DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;
    /** What a send does when buffer memory is full: {@link BackpressureMode#FAIL_FAST}. */
    public static final BackpressureMode DEFAULT_BACKPRESSURE = BackpressureMode.FAIL_FAST;
    /** The longest a send blocks for buffer memory in {@link BackpressureMode#BLOCK} mode: 60 s. */
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(60);
    /** The time a record has to be acknowledged, retries included: 120 s. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(120);
    /** The time a broker has to answer one produce request: 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The longest a record of a topic without metadata waits for it: 60 s. */
    public static final Duration DEFAULT_MAX_METADATA_WAIT = Duration.ofSeconds(60);
    /** Batch compression: {@link CompressionType#NONE}. */
    public static final CompressionType DEFAULT_COMPRESSION = CompressionType.NONE;
    /** Batches whose records take fewer bytes are sent uncompressed: 512 bytes. */
    public static final int DEFAULT_COMPRESSION_MIN_BATCH_SIZE = 512;
    /** Attempts per batch: unbounded, the delivery timeout bounds them. */
    public static final int DEFAULT_MAX_ATTEMPTS = Integer.MAX_VALUE;
    /** Backoff between attempts: {@link ExponentialBackoff#KAFKA_DEFAULT} (100 ms ×2 up to 1 s, ±20%). */
    public static final BackoffPolicy DEFAULT_BACKOFF = ExponentialBackoff.KAFKA_DEFAULT;
    /** Unanswered produce requests per connection: 5 (the most idempotence allows). */
    public static final int DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION = 5;
    /** The most unanswered requests per connection with idempotence: the broker remembers the last 5 batches. */
    public static final int MAX_IN_FLIGHT_WITH_IDEMPOTENCE = 5;
    /** A fresh {@link DefaultPartitioner} (key hash, else sticky) per producer. */
    public static final Supplier<Partitioner> DEFAULT_PARTITIONER = DefaultPartitioner::new;
    /** {@link #maxAttempts()} value meaning "until the delivery timeout". */
    public static final int UNBOUNDED_ATTEMPTS = Integer.MAX_VALUE;

    private final Acks acks;
    private final boolean idempotence;
    private final Duration linger;
    private final int batchSize;
    private final int maxRequestSize;
    private final long bufferMemory;
    private final BackpressureMode backpressure;
    private final Duration maxBlock;
    private final Duration deliveryTimeout;
    private final Duration requestTimeout;
    private final Duration maxMetadataWait;
    private final CompressionType compression;
    private final int compressionLevel;
    private final int compressionMinBatchSize;
    private final Supplier<? extends Partitioner> partitioner;
    private final int maxAttempts;
    private final BackoffPolicy backoff;
    private final String deadLetterTopic;
    private final int maxInFlightPerConnection;
    private final List<ProducerInterceptor> interceptors;
    private final Boolean idempotenceSetting;

    private ProducerOptions(Builder builder, boolean idempotence) {
        this.acks = builder.acks;
        this.idempotenceSetting = builder.idempotence;
        this.idempotence = idempotence;
        this.linger = builder.linger;
        this.batchSize = builder.batchSize;
        this.maxRequestSize = builder.maxRequestSize;
        this.bufferMemory = builder.bufferMemory;
        this.backpressure = builder.backpressure;
        this.maxBlock = builder.maxBlock;
        this.deliveryTimeout = builder.deliveryTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.maxMetadataWait = builder.maxMetadataWait;
        this.compression = builder.compression;
        this.compressionLevel = builder.compressionLevel != null ? builder.compressionLevel
                : compression.hasLevels() ? compression.defaultLevel() : 0;
        this.compressionMinBatchSize = builder.compressionMinBatchSize;
        this.partitioner = builder.partitioner;
        this.maxAttempts = builder.maxAttempts;
        this.backoff = builder.backoff;
        this.deadLetterTopic = builder.deadLetterTopic;
        this.maxInFlightPerConnection = builder.maxInFlightPerConnection;
        this.interceptors = List.copyOf(builder.interceptors);
    }

    /** The defaults. */
    public static ProducerOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder mutate() {
        return new Builder(this);
    }

    /** Replicas that must have a record before it is acknowledged. */
    public Acks acks() {
        return acks;
    }

    /**
     * Whether the producer is idempotent (retries never duplicate or reorder records in a partition). Unless set, on
     * when {@code acks=all} and at most {@value #MAX_IN_FLIGHT_WITH_IDEMPOTENCE} requests are in flight.
     */
    public boolean idempotence() {
        return idempotence;
    }

    /** How long a batch that is not full waits for more records. */
    public Duration linger() {
        return linger;
    }

    /** The size in bytes a batch is filled to; a larger record gets a batch of its own. */
    public int batchSize() {
        return batchSize;
    }

    /** The largest produce request in bytes; a larger record fails at once. */
    public int maxRequestSize() {
        return maxRequestSize;
    }

    /** The bytes all queued and in-flight batches may hold. */
    public long bufferMemory() {
        return bufferMemory;
    }

    /** What a send does when buffer memory is full. */
    public BackpressureMode backpressure() {
        return backpressure;
    }

    /** The longest a send blocks for memory in {@link BackpressureMode#BLOCK} mode. */
    public Duration maxBlock() {
        return maxBlock;
    }

    /** The time a record has to be acknowledged, from the send, retries included. */
    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    /** The time a broker has to answer one produce request. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The longest a record waits for its topic's metadata (the caller is not blocked meanwhile). */
    public Duration maxMetadataWait() {
        return maxMetadataWait;
    }

    /** Batch compression. */
    public CompressionType compression() {
        return compression;
    }

    /** The compression level (the codec's default unless set; ignored by codecs without levels). */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** Batches whose records take fewer bytes are sent uncompressed. */
    public int compressionMinBatchSize() {
        return compressionMinBatchSize;
    }

    /** Makes each producer's partitioner. */
    public Supplier<? extends Partitioner> partitioner() {
        return partitioner;
    }

    /** Attempts per batch, the first included; {@link #UNBOUNDED_ATTEMPTS} for "until the delivery timeout". */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The delay before each retry. */
    public BackoffPolicy backoff() {
        return backoff;
    }

    /** The topic records go to when their last attempt fails, if any. */
    public Optional<String> deadLetterTopic() {
        return Optional.ofNullable(deadLetterTopic);
    }

    /** Unanswered produce requests per broker connection. */
    public int maxInFlightPerConnection() {
        return maxInFlightPerConnection;
    }

    /** Interceptors, called in this order. */
    public List<ProducerInterceptor> interceptors() {
        return interceptors;
    }

    @Override
    public String toString() {
        return "ProducerOptions[acks=" + acks.configName() + ", idempotence=" + idempotence + ", linger=" + linger
                + ", batchSize=" + batchSize + ", maxRequestSize=" + maxRequestSize + ", bufferMemory=" + bufferMemory
                + ", backpressure=" + backpressure + ", maxBlock=" + maxBlock + ", deliveryTimeout=" + deliveryTimeout
                + ", requestTimeout=" + requestTimeout + ", maxMetadataWait=" + maxMetadataWait + ", compression="
                + compression.configName() + ", compressionLevel=" + compressionLevel + ", compressionMinBatchSize="
                + compressionMinBatchSize + ", maxAttempts=" + (maxAttempts == UNBOUNDED_ATTEMPTS ? "unbounded"
                        : maxAttempts) + ", backoff=" + backoff + ", deadLetterTopic=" + deadLetterTopic
                + ", maxInFlightPerConnection=" + maxInFlightPerConnection + ", interceptors=" + interceptors.size()
                + "]";
    }

    /** Builds {@link ProducerOptions}; every setter may be called in any order, checks happen in {@link #build()}. */
    public static final class Builder {
        private Acks acks = DEFAULT_ACKS;
        private Boolean idempotence;
        private Duration linger = DEFAULT_LINGER;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int maxRequestSize = DEFAULT_MAX_REQUEST_SIZE;
        private long bufferMemory = DEFAULT_BUFFER_MEMORY;
        private BackpressureMode backpressure = DEFAULT_BACKPRESSURE;
        private Duration maxBlock = DEFAULT_MAX_BLOCK;
        private Duration deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration maxMetadataWait = DEFAULT_MAX_METADATA_WAIT;
        private CompressionType compression = DEFAULT_COMPRESSION;
        private Integer compressionLevel;
        private int compressionMinBatchSize = DEFAULT_COMPRESSION_MIN_BATCH_SIZE;
        private Supplier<? extends Partitioner> partitioner = DEFAULT_PARTITIONER;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private BackoffPolicy backoff = DEFAULT_BACKOFF;
        private String deadLetterTopic;
        private int maxInFlightPerConnection = DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION;
        private final List<ProducerInterceptor> interceptors = new ArrayList<>();

        private Builder() {
        }

        private Builder(ProducerOptions options) {
            acks = options.acks;
            idempotence = options.idempotenceSetting;
            linger = options.linger;
            batchSize = options.batchSize;
            maxRequestSize = options.maxRequestSize;
            bufferMemory = options.bufferMemory;
            backpressure = options.backpressure;
            maxBlock = options.maxBlock;
            deliveryTimeout = options.deliveryTimeout;
            requestTimeout = options.requestTimeout;
            maxMetadataWait = options.maxMetadataWait;
            compression = options.compression;
            compressionLevel = options.compressionLevel;
            compressionMinBatchSize = options.compressionMinBatchSize;
            partitioner = options.partitioner;
            maxAttempts = options.maxAttempts;
            backoff = options.backoff;
            deadLetterTopic = options.deadLetterTopic;
            maxInFlightPerConnection = options.maxInFlightPerConnection;
            interceptors.addAll(options.interceptors);
        }

        /** Default {@link #DEFAULT_ACKS}. */
        public Builder acks(Acks acks) {
            this.acks = acks;
            return this;
        }

        /** Turns idempotence on (requires {@code acks=all}) or off; unset, it follows acks. */
        public Builder idempotence(boolean idempotence) {
            this.idempotence = idempotence;
            return this;
        }

        /** Default {@link #DEFAULT_LINGER}; zero sends batches as soon as the sender can. */
        public Builder linger(Duration linger) {
            this.linger = linger;
            return this;
        }

        /** Default {@link #DEFAULT_BATCH_SIZE}. */
        public Builder batchSize(int bytes) {
            this.batchSize = bytes;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_REQUEST_SIZE}. */
        public Builder maxRequestSize(int bytes) {
            this.maxRequestSize = bytes;
            return this;
        }

        /** Default {@link #DEFAULT_BUFFER_MEMORY}. */
        public Builder bufferMemory(long bytes) {
            this.bufferMemory = bytes;
            return this;
        }

        /** Fail sends at once when memory is full ({@link #DEFAULT_BACKPRESSURE}). */
        public Builder failFastWhenFull() {
            this.backpressure = BackpressureMode.FAIL_FAST;
            return this;
        }

        /** Block sending threads (never event-loop threads) up to {@code maxBlock} when memory is full. */
        public Builder blockWhenFull(Duration maxBlock) {
            this.backpressure = BackpressureMode.BLOCK;
            this.maxBlock = maxBlock;
            return this;
        }

        /** Default {@link #DEFAULT_DELIVERY_TIMEOUT}; at least linger + request timeout. */
        public Builder deliveryTimeout(Duration timeout) {
            this.deliveryTimeout = timeout;
            return this;
        }

        /** Default {@link #DEFAULT_REQUEST_TIMEOUT}. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_METADATA_WAIT}. */
        public Builder maxMetadataWait(Duration wait) {
            this.maxMetadataWait = wait;
            return this;
        }

        /** Compression with the codec's default level; default {@link #DEFAULT_COMPRESSION}. */
        public Builder compression(CompressionType type) {
            this.compression = type;
            this.compressionLevel = null;
            return this;
        }

        /** Compression with a level valid for the codec (gzip 1-9, lz4 1-17, zstd -131072-22). */
        public Builder compression(CompressionType type, int level) {
            this.compression = type;
            this.compressionLevel = level;
            return this;
        }

        /** Default {@link #DEFAULT_COMPRESSION_MIN_BATCH_SIZE}; 0 compresses every batch. */
        public Builder compressionMinBatchSize(int bytes) {
            this.compressionMinBatchSize = bytes;
            return this;
        }

        /** Makes each producer's partitioner; default {@link #DEFAULT_PARTITIONER}. */
        public Builder partitioner(Supplier<? extends Partitioner> partitioner) {
            this.partitioner = partitioner;
            return this;
        }

        /** Attempts per batch, the first included; default {@link #UNBOUNDED_ATTEMPTS}. */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /** Default {@link #DEFAULT_BACKOFF}. */
        public Builder backoff(BackoffPolicy backoff) {
            this.backoff = backoff;
            return this;
        }

        /** Where records go after their last failed attempt; null (the default) drops them, failing their sends. */
        public Builder deadLetterTopic(String topic) {
            this.deadLetterTopic = topic;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION}; at most 5 with idempotence, 1 keeps strict order. */
        public Builder maxInFlightPerConnection(int requests) {
            this.maxInFlightPerConnection = requests;
            return this;
        }

        /** Adds an interceptor after those already added. */
        public Builder interceptor(ProducerInterceptor interceptor) {
            this.interceptors.add(interceptor);
            return this;
        }

        /**
         * Checks every option and builds.
         *
         * @throws MqConfigurationException listing every invalid option, its allowed values and the value given
         */
        public ProducerOptions build() {
            List<String> problems = new ArrayList<>();
            if (acks == null) {
                problems.add("acks must be one of " + List.of(Acks.values()) + ", was null");
            }
            if (linger == null || linger.isNegative()) {
                problems.add("linger must be >= 0, was " + linger);
            }
            if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
                problems.add("requestTimeout must be > 0, was " + requestTimeout);
            }
            if (maxMetadataWait == null || maxMetadataWait.isNegative() || maxMetadataWait.isZero()) {
                problems.add("maxMetadataWait must be > 0, was " + maxMetadataWait);
            }
            checkDeliveryTimeout(problems);
            checkSizes(problems);
            if (backpressure == null) {
                problems.add("backpressure must be FAIL_FAST or BLOCK, was null");
            }
            if (maxBlock == null || maxBlock.isNegative()) {
                problems.add("maxBlock must be >= 0, was " + maxBlock);
            }
            checkCompression(problems);
            if (partitioner == null) {
                problems.add("partitioner must not be null");
            }
            if (maxAttempts < 1) {
                problems.add("maxAttempts must be >= 1 (or UNBOUNDED_ATTEMPTS), was " + maxAttempts);
            }
            if (backoff == null) {
                problems.add("backoff must not be null");
            }
            if (deadLetterTopic != null && TopicNames.validate(deadLetterTopic) != null) {
                problems.add("deadLetterTopic is invalid: " + TopicNames.validate(deadLetterTopic));
            }
            if (interceptors.contains(null)) {
                problems.add("interceptors must not contain null");
            }
            boolean resolvedIdempotence = checkIdempotence(problems);
            if (!problems.isEmpty()) {
                throw new MqConfigurationException("Invalid producer options: " + String.join("; ", problems));
            }
            return new ProducerOptions(this, resolvedIdempotence);
        }

        private void checkDeliveryTimeout(List<String> problems) {
            if (deliveryTimeout == null || deliveryTimeout.isNegative() || deliveryTimeout.isZero()) {
                problems.add("deliveryTimeout must be > 0, was " + deliveryTimeout);
            } else if (linger != null && requestTimeout != null
                    && deliveryTimeout.compareTo(linger.plus(requestTimeout)) < 0) {
                problems.add("deliveryTimeout must be >= linger + requestTimeout (" + linger.plus(requestTimeout)
                        + "), was " + deliveryTimeout);
            }
        }

        private void checkSizes(List<String> problems) {
            if (bufferMemory < RecordBatch.HEADER_SIZE) {
                problems.add("bufferMemory must be >= " + RecordBatch.HEADER_SIZE + " bytes, was " + bufferMemory);
            }
            if (maxRequestSize < RecordBatch.HEADER_SIZE || maxRequestSize > bufferMemory) {
                problems.add("maxRequestSize must be between " + RecordBatch.HEADER_SIZE + " and bufferMemory ("
                        + bufferMemory + ") bytes, was " + maxRequestSize);
            }
            if (batchSize < 1 || batchSize > maxRequestSize) {
                problems.add("batchSize must be between 1 and maxRequestSize (" + maxRequestSize + ") bytes, was "
                        + batchSize);
            }
            if (compressionMinBatchSize < 0) {
                problems.add("compressionMinBatchSize must be >= 0 bytes, was " + compressionMinBatchSize);
            }
            if (maxInFlightPerConnection < 1) {
                problems.add("maxInFlightPerConnection must be >= 1, was " + maxInFlightPerConnection);
            }
        }

        private void checkCompression(List<String> problems) {
            if (compression == null) {
                problems.add("compression must be one of none, gzip, snappy, lz4, zstd; was null");
                return;
            }
            if (compressionLevel != null && compression.hasLevels() && !compression.isValidLevel(compressionLevel)) {
                problems.add("compressionLevel for " + compression.configName() + " must be between "
                        + compression.minLevel() + " and " + compression.maxLevel() + ", was " + compressionLevel);
            }
            if (compression != CompressionType.NONE) {
                try {
                    CompressionCodecs.forType(compression);
                } catch (MissingCodecException e) {
                    problems.add("compression " + compression.configName() + " is unavailable: " + e.getMessage());
                }
            }
        }

        /** Resolves idempotence: explicit on needs acks=all and at most 5 in flight; unset, it is on when they hold. */
        private boolean checkIdempotence(List<String> problems) {
            boolean fits = acks == Acks.ALL && maxInFlightPerConnection <= MAX_IN_FLIGHT_WITH_IDEMPOTENCE;
            if (idempotence == null || !idempotence) {
                return idempotence == null && fits;
            }
            if (acks != null && acks != Acks.ALL) {
                problems.add("idempotence requires acks=all, was acks=" + acks.configName()
                        + "; set acks(Acks.ALL) or idempotence(false)");
            }
            if (maxInFlightPerConnection > MAX_IN_FLIGHT_WITH_IDEMPOTENCE) {
                problems.add("maxInFlightPerConnection must be between 1 and " + MAX_IN_FLIGHT_WITH_IDEMPOTENCE
                        + " with idempotence, was " + maxInFlightPerConnection);
            }
            return true;
        }
    }
}
