package io.mq.producer;

import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.client.MqConfigurationException;
import io.mq.client.MqException;
import io.mq.metadata.MetadataOptions;
import io.mq.producer.internals.DefaultMqProducer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends records to the brokers of a Kafka-protocol cluster (the mq embedded broker, Apache Kafka, ...). Thread-safe:
 * share one producer between the threads of an application.
 *
 * <pre>{@code
 * try (MqProducer producer = MqProducer.builder().bootstrapServers("127.0.0.1:9092").build()) {
 *     producer.send(ProducerRecord.of("orders", key, value))
 *             .whenComplete((result, failure) -> ...);           // asynchronous
 *     producer.send(record, (result, failure) -> ...);           // asynchronous, no future per record
 *     SendResult stored = producer.sendSync(record);            // waits, skips linger
 *     producer.sendOneway(record);                               // acks=0, no answer
 * }
 * }</pre>
 *
 * <p>Three ways to send. {@link #send} returns at once and completes its future (or tells its {@link SendCallback})
 * when the broker has answered (on an engine thread: callbacks must not block). {@link #sendSync} waits for that answer, and its batch goes without
 * waiting for the linger time. {@link #sendOneway} is fire-and-forget: its records travel in batches of their own with
 * {@code acks=0}, so the broker sends no answer. A record whose topic is not yet known waits inside the producer for
 * metadata (at most {@link ProducerOptions#maxMetadataWait()}), never blocking the caller; only when such records
 * fill as many bytes as the buffer memory does a send meet the producer's {@link BackpressureMode} as it does when the
 * buffer is full.
 *
 * <p>Failures are {@link SendFailedException}s: retriable, fatal or configuration, naming the topic, partition,
 * broker and error code and saying whether the record may have been stored. A fatal error of the producer as a whole
 * (an authorization failure, an unsupported protocol version, a producer id the cluster keeps fencing) stops it:
 * {@link #state()} turns {@link State#FAILED} and every pending and later send fails with that error as the cause.
 *
 * <p>Lifecycle: {@link State#CREATED} → {@link State#RUNNING} (the builder starts the producer) →
 * {@link State#CLOSING} → {@link State#CLOSED}; {@link State#START_FAILED} if starting fails and
 * {@link State#FAILED} after a fatal error (close it still, to release its connections).
 */
public interface MqProducer extends AutoCloseable {

    /** How long {@link #close()} waits for records already sent to be delivered: 30 s. */
    Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** A producer's lifecycle states; transitions are guarded, so a producer starts at most once. */
    enum State {
        /** Built, not started. */
        CREATED,
        /** Accepting and sending records. */
        RUNNING,
        /** Starting failed; nothing runs. */
        START_FAILED,
        /** A fatal error stopped the engine: every send fails until the producer is closed. */
        FAILED,
        /** Closing: new sends are refused while records already sent are delivered. */
        CLOSING,
        /** Closed: every resource of its own is released. */
        CLOSED
    }

    /** A builder for a producer with the default options. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a record asynchronously. Returns at once, except in {@link BackpressureMode#BLOCK} mode when buffer
     * memory is full and the caller is not an event-loop thread: it then waits up to
     * {@link ProducerOptions#maxBlock()} for memory.
     *
     * @return completed with where the record was stored (or, with a dead-letter topic configured, where its
     *         dead-letter copy was stored after its last attempt failed), or exceptionally with a
     *         {@link SendFailedException}
     */
    CompletableFuture<SendResult> send(ProducerRecord record);

    /**
     * Sends a record asynchronously and tells {@code callback} its outcome, exactly once; blocks like
     * {@link #send(ProducerRecord)}. The lightest way to send many records: no future is created per record. The
     * callback runs on an engine thread and must not block; a record refused at once (too large, buffer memory full,
     * producer closed) is reported to it on the calling thread before this method returns.
     *
     * @param callback told where the record was stored (or where its dead-letter copy was), or why it failed
     */
    void send(ProducerRecord record, SendCallback callback);

    /**
     * Sends a record and waits for the broker's answer. The record's batch goes without waiting for the linger time.
     *
     * @throws SendFailedException   if the send failed; {@link SendFailedException#INTERRUPTED} if the thread was
     *                               interrupted while waiting (the record may still be sent)
     * @throws IllegalStateException if called on a Netty event-loop thread, which must never wait
     */
    SendResult sendSync(ProducerRecord record);

    /**
     * Sends a record fire-and-forget: it goes in an {@code acks=0} batch of its own (never idempotent) and no answer
     * is awaited, so failures on the broker go unseen. Failures inside the producer after this call returns are
     * counted in {@link #metrics()}.
     *
     * @throws SendFailedException if the record is refused at once: too large, buffer memory full, producer closed
     */
    void sendOneway(ProducerRecord record);

    /**
     * Sends every record sent before this call without waiting for linger, including records waiting for their
     * topic's metadata. Never blocks.
     *
     * @return completed when every such record has completed (successfully or not)
     */
    CompletableFuture<Void> flush();

    /**
     * Starts closing: new sends fail at once with {@link SendFailedException#PRODUCER_CLOSED}; records already sent
     * are delivered for at most {@code timeout}, then whatever is left fails with
     * {@link SendFailedException#PRODUCER_CLOSED}; then the connections close. Does not shut down the
     * {@link ClientResources}. Idempotent: later calls return the same future.
     *
     * @return completed once the producer is {@link State#CLOSED}
     */
    CompletableFuture<Void> closeAsync(Duration timeout);

    /**
     * {@link #closeAsync(Duration)} and waits for it. On an event-loop thread it does not wait.
     */
    void close(Duration timeout);

    /** {@link #close(Duration)} with {@link #DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    default void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /** Live metrics of this producer. */
    ProducerMetrics metrics();

    /** The current lifecycle state. */
    State state();

    /** The client id this producer sends in every request. */
    String clientId();

    /**
     * Builds and starts an {@link MqProducer}. Only the bootstrap servers are required; every other setting has the
     * defaults of its options class.
     */
    final class Builder {

        private String bootstrapServers;
        private MetadataOptions metadata;
        private ProducerOptions options = ProducerOptions.defaults();
        private ConnectionOptions connection = ConnectionOptions.defaults();
        private ClientResources resources;

        private Builder() {
        }

        /** Comma-separated {@code host:port} addresses of some of the cluster's brokers. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /**
         * Metadata settings, bootstrap addresses included (an alternative to {@link #bootstrapServers(String)}, for
         * refresh intervals or to stop brokers auto-creating topics).
         */
        public Builder metadata(MetadataOptions metadata) {
            this.metadata = metadata;
            return this;
        }

        /** Engine settings; default {@link ProducerOptions#defaults()}. */
        public Builder options(ProducerOptions options) {
            this.options = options;
            return this;
        }

        /** Connection settings; default {@link ConnectionOptions#defaults()}. */
        public Builder connection(ConnectionOptions connection) {
            this.connection = connection;
            return this;
        }

        /**
         * The event loops to run on, shared with other clients; default {@link ClientResources#shared()}. The
         * producer never shuts them down.
         */
        public Builder resources(ClientResources resources) {
            this.resources = resources;
            return this;
        }

        /**
         * Builds the producer and starts it: it connects lazily and fetches metadata in the background, so this
         * does not wait for the brokers.
         *
         * @throws MqConfigurationException if the settings are missing or contradict each other
         * @throws MqException              if the producer cannot start (e.g. the resources are shut down); it is
         *                                  then {@link State#START_FAILED}
         */
        public MqProducer build() {
            if (metadata != null && bootstrapServers != null) {
                throw new MqConfigurationException("set the bootstrap servers either with bootstrapServers(...) or "
                        + "inside metadata(...), not both");
            }
            if (metadata == null && (bootstrapServers == null || bootstrapServers.isBlank())) {
                throw new MqConfigurationException("bootstrapServers must list at least one host:port");
            }
            MetadataOptions metadataOptions = metadata != null ? metadata
                    : MetadataOptions.builder(bootstrapServers).build();
            if (options == null || connection == null) {
                throw new MqConfigurationException("options and connection must not be null (leave them unset for "
                        + "the defaults)");
            }
            ClientResources res = resources != null ? resources : ClientResources.shared();
            DefaultMqProducer producer = new DefaultMqProducer(options, connection, metadataOptions, res);
            producer.start();
            return producer;
        }
    }
}
