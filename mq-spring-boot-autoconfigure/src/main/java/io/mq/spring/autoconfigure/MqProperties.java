package io.mq.spring.autoconfigure;

import io.mq.admin.AdminOptions;
import io.mq.broker.BrokerConfig;
import io.mq.broker.storage.FlushMode;
import io.mq.client.ConnectionOptions;
import io.mq.producer.Acks;
import io.mq.producer.BackpressureMode;
import io.mq.producer.ProducerOptions;
import io.mq.protocol.record.CompressionType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of mq under the {@code mq} prefix. Defaults equal the engine's {@code DEFAULT_*} constants.
 */
@ConfigurationProperties("mq")
public class MqProperties {

    /** Comma-separated host:port list of Kafka-protocol brokers to connect to. When unset, the embedded broker is started and used. */
    private List<String> bootstrapServers = new ArrayList<>();

    /** Client id sent with every request, shown in broker logs and metrics; unset generates a unique one. */
    private String clientId;

    /** The producer engine behind MqTemplate. */
    private final Producer producer = new Producer();

    /** Connections to brokers. */
    private final Connection connection = new Connection();

    /** Retries of failed batches (a spring-retry backoff policy the engine schedules on its timer). */
    private final Retry retry = new Retry();

    /** MqTemplate. */
    private final Template template = new Template();

    /** Topics created (or grown to the declared partition count) at startup. */
    private List<Topic> topics = new ArrayList<>();

    /** Administration. */
    private final Admin admin = new Admin();

    /** The embedded broker, started when no bootstrap servers are set. */
    private final Embedded embedded = new Embedded();

    /** The mq health indicator (switched on and off with management.health.mq.enabled). */
    private final Health health = new Health();

    public List<String> getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(List<String> bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Producer getProducer() {
        return producer;
    }

    public Connection getConnection() {
        return connection;
    }

    public Retry getRetry() {
        return retry;
    }

    public Template getTemplate() {
        return template;
    }

    public List<Topic> getTopics() {
        return topics;
    }

    public void setTopics(List<Topic> topics) {
        this.topics = topics;
    }

    public Admin getAdmin() {
        return admin;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public Health getHealth() {
        return health;
    }

    /** Built-in partitioners selectable with {@code mq.producer.partitioner}. */
    public enum PartitionerType {
        /** Key hash when the record has a key (same placement as kafka-clients), otherwise sticky. */
        DEFAULT,
        /** Each record to the next partition in turn. */
        ROUND_ROBIN,
        /** murmur2 hash of the key, as kafka-clients places keyed records. */
        KEY_HASH,
        /** Keyless records fill a batch for one partition before moving on. */
        STICKY,
        /** Steers away from partitions whose leader is slow or failing and comes back when it recovers. */
        LATENCY_AWARE
    }

    /** Producer engine settings. */
    public static class Producer {

        /** Acknowledgements the leader must receive before a send succeeds: 'all' (durable, the default), '1' (leader only) or '0' (no response). */
        private Acks acks = ProducerOptions.DEFAULT_ACKS;

        /** Whether sends are idempotent (no duplicates on retry). Unset: on when acks is 'all' and at most 5 requests are in flight. */
        private Boolean idempotence;

        /** How long a batch waits for more records before it is sent; synchronous sends skip it. */
        private Duration linger = ProducerOptions.DEFAULT_LINGER;

        /** Largest record batch per partition. */
        private DataSize batchSize = DataSize.ofBytes(ProducerOptions.DEFAULT_BATCH_SIZE);

        /** Largest produce request; a bigger record fails at once. */
        private DataSize maxRequestSize = DataSize.ofBytes(ProducerOptions.DEFAULT_MAX_REQUEST_SIZE);

        /** Total memory for records waiting to be sent. */
        private DataSize bufferMemory = DataSize.ofBytes(ProducerOptions.DEFAULT_BUFFER_MEMORY);

        /** What a send does when buffer memory is full: 'fail-fast' (the default) or 'block' the calling thread up to max-block. */
        private BackpressureMode backpressure = ProducerOptions.DEFAULT_BACKPRESSURE;

        /** With backpressure 'block', the longest a send waits for buffer memory. */
        private Duration maxBlock = ProducerOptions.DEFAULT_MAX_BLOCK;

        /** Upper bound on the time to report success or failure of a send, covering linger, retries and requests. */
        private Duration deliveryTimeout = ProducerOptions.DEFAULT_DELIVERY_TIMEOUT;

        /** How long to wait for a broker's response to one request. */
        private Duration requestTimeout = ProducerOptions.DEFAULT_REQUEST_TIMEOUT;

        /** How long records for a topic with unknown metadata wait before failing with an unknown-topic error. */
        private Duration maxMetadataWait = ProducerOptions.DEFAULT_MAX_METADATA_WAIT;

        /** Batch compression: none, gzip, snappy, lz4 or zstd (the codec's library must be on the classpath). */
        private CompressionType compression = ProducerOptions.DEFAULT_COMPRESSION;

        /** Compression level; unset means the codec's default (gzip 1-9, lz4 1-17, zstd -131072..22). */
        private Integer compressionLevel;

        /** Batches smaller than this are sent uncompressed. */
        private DataSize compressionMinBatchSize = DataSize.ofBytes(ProducerOptions.DEFAULT_COMPRESSION_MIN_BATCH_SIZE);

        /** Partition selection for records without an explicit partition; a Partitioner bean takes precedence. */
        private PartitionerType partitioner = PartitionerType.DEFAULT;

        /** Produce requests in flight per connection (at most 5 with idempotence). */
        private int maxInFlight = ProducerOptions.DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION;

        /** Topic that receives records whose retries are exhausted, with headers naming the original topic, partition and error; unset fails the send instead. */
        private String deadLetterTopic;

        public Acks getAcks() {
            return acks;
        }

        public void setAcks(Acks acks) {
            this.acks = acks;
        }

        public Boolean getIdempotence() {
            return idempotence;
        }

        public void setIdempotence(Boolean idempotence) {
            this.idempotence = idempotence;
        }

        public Duration getLinger() {
            return linger;
        }

        public void setLinger(Duration linger) {
            this.linger = linger;
        }

        public DataSize getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(DataSize batchSize) {
            this.batchSize = batchSize;
        }

        public DataSize getMaxRequestSize() {
            return maxRequestSize;
        }

        public void setMaxRequestSize(DataSize maxRequestSize) {
            this.maxRequestSize = maxRequestSize;
        }

        public DataSize getBufferMemory() {
            return bufferMemory;
        }

        public void setBufferMemory(DataSize bufferMemory) {
            this.bufferMemory = bufferMemory;
        }

        public BackpressureMode getBackpressure() {
            return backpressure;
        }

        public void setBackpressure(BackpressureMode backpressure) {
            this.backpressure = backpressure;
        }

        public Duration getMaxBlock() {
            return maxBlock;
        }

        public void setMaxBlock(Duration maxBlock) {
            this.maxBlock = maxBlock;
        }

        public Duration getDeliveryTimeout() {
            return deliveryTimeout;
        }

        public void setDeliveryTimeout(Duration deliveryTimeout) {
            this.deliveryTimeout = deliveryTimeout;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public Duration getMaxMetadataWait() {
            return maxMetadataWait;
        }

        public void setMaxMetadataWait(Duration maxMetadataWait) {
            this.maxMetadataWait = maxMetadataWait;
        }

        public CompressionType getCompression() {
            return compression;
        }

        public void setCompression(CompressionType compression) {
            this.compression = compression;
        }

        public Integer getCompressionLevel() {
            return compressionLevel;
        }

        public void setCompressionLevel(Integer compressionLevel) {
            this.compressionLevel = compressionLevel;
        }

        public DataSize getCompressionMinBatchSize() {
            return compressionMinBatchSize;
        }

        public void setCompressionMinBatchSize(DataSize compressionMinBatchSize) {
            this.compressionMinBatchSize = compressionMinBatchSize;
        }

        public PartitionerType getPartitioner() {
            return partitioner;
        }

        public void setPartitioner(PartitionerType partitioner) {
            this.partitioner = partitioner;
        }

        public int getMaxInFlight() {
            return maxInFlight;
        }

        public void setMaxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        public String getDeadLetterTopic() {
            return deadLetterTopic;
        }

        public void setDeadLetterTopic(String deadLetterTopic) {
            this.deadLetterTopic = deadLetterTopic;
        }

    }

    /** Connection settings. */
    public static class Connection {

        /** TCP connections kept to each broker. */
        private int connectionsPerBroker = ConnectionOptions.DEFAULT_CONNECTIONS_PER_BROKER;

        /** Connect on first use (true) or as soon as brokers are known (false). */
        private boolean lazy = ConnectionOptions.DEFAULT_LAZY_CONNECT;

        /** Timeout for establishing a connection, including version negotiation. */
        private Duration connectTimeout = ConnectionOptions.DEFAULT_CONNECT_TIMEOUT;

        /** Connections without requests for this long are closed. */
        private Duration idleTimeout = ConnectionOptions.DEFAULT_IDLE_TIMEOUT;

        /** Whether TCP keepalive is enabled on connections. */
        private boolean tcpKeepAlive = ConnectionOptions.DEFAULT_TCP_KEEP_ALIVE;

        /** Application-level heartbeat. */
        private final Heartbeat heartbeat = new Heartbeat();

        /** Reconnect backoff. */
        private final Reconnect reconnect = new Reconnect();

        /** Application-level heartbeat on idle connections. */
        public static class Heartbeat {

            /** Idle time after which a ping is sent; 0 disables pings. */
            private Duration interval = ConnectionOptions.DEFAULT_HEARTBEAT_INTERVAL;

            /** How long an unanswered ping may wait before the connection is closed and re-established. */
            private Duration timeout = ConnectionOptions.DEFAULT_HEARTBEAT_TIMEOUT;

            public Duration getInterval() {
                return interval;
            }

            public void setInterval(Duration interval) {
                this.interval = interval;
            }

            public Duration getTimeout() {
                return timeout;
            }

            public void setTimeout(Duration timeout) {
                this.timeout = timeout;
            }

        }

        /** Exponential reconnect backoff with jitter. */
        public static class Reconnect {

            /** Delay before the first reconnect attempt. */
            private Duration initial = ConnectionOptions.DEFAULT_RECONNECT_BACKOFF;

            /** Largest delay between reconnect attempts. */
            private Duration max = ConnectionOptions.DEFAULT_RECONNECT_BACKOFF_MAX;

            /** Random variation of each delay, as a fraction (0 to 1). */
            private double jitter = ConnectionOptions.DEFAULT_RECONNECT_JITTER;

            public Duration getInitial() {
                return initial;
            }

            public void setInitial(Duration initial) {
                this.initial = initial;
            }

            public Duration getMax() {
                return max;
            }

            public void setMax(Duration max) {
                this.max = max;
            }

            public double getJitter() {
                return jitter;
            }

            public void setJitter(double jitter) {
                this.jitter = jitter;
            }

        }


        public int getConnectionsPerBroker() {
            return connectionsPerBroker;
        }

        public void setConnectionsPerBroker(int connectionsPerBroker) {
            this.connectionsPerBroker = connectionsPerBroker;
        }

        public boolean isLazy() {
            return lazy;
        }

        public void setLazy(boolean lazy) {
            this.lazy = lazy;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public boolean isTcpKeepAlive() {
            return tcpKeepAlive;
        }

        public void setTcpKeepAlive(boolean tcpKeepAlive) {
            this.tcpKeepAlive = tcpKeepAlive;
        }

        public Heartbeat getHeartbeat() {
            return heartbeat;
        }

        public Reconnect getReconnect() {
            return reconnect;
        }

    }

    /** Retry settings. */
    public static class Retry {

        /** Attempts per batch, the first included; a value of 2147483647 (the default) retries until the delivery timeout. */
        private int maxAttempts = ProducerOptions.DEFAULT_MAX_ATTEMPTS;

        /** Delay before the first retry. */
        private Duration initialInterval = Duration.ofMillis(100);

        /** Factor applied to the delay after each retry; 1 keeps it fixed. */
        private double multiplier = 2.0;

        /** Largest delay between retries. */
        private Duration maxInterval = Duration.ofSeconds(1);

        /** Whether each delay is randomized (spring-retry's ExponentialRandomBackOffPolicy) so clients do not retry in step. */
        private boolean random = true;

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        public boolean isRandom() {
            return random;
        }

        public void setRandom(boolean random) {
            this.random = random;
        }

    }

    /** MqTemplate settings. */
    public static class Template {

        /** Topic used by MqTemplate.sendDefault. */
        private String defaultTopic;

        /** Whether sends are observed with Micrometer Observation, propagating trace context in record headers. */
        private boolean observationEnabled = false;

        public String getDefaultTopic() {
            return defaultTopic;
        }

        public void setDefaultTopic(String defaultTopic) {
            this.defaultTopic = defaultTopic;
        }

        public boolean isObservationEnabled() {
            return observationEnabled;
        }

        public void setObservationEnabled(boolean observationEnabled) {
            this.observationEnabled = observationEnabled;
        }

    }

    /** A topic declared in configuration. */
    public static class Topic {

        /** Topic name. */
        private String name;

        /** Partition count; an existing topic with fewer partitions is grown to it. */
        private int partitions = 1;

        /** Replication factor when the topic is created. */
        private short replicationFactor = (short) 1;

        /** Topic configs when the topic is created, e.g. retention.ms. */
        private Map<String, String> configs = new LinkedHashMap<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public short getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }

        public Map<String, String> getConfigs() {
            return configs;
        }

        public void setConfigs(Map<String, String> configs) {
            this.configs = configs;
        }

    }

    /** Administration settings. */
    public static class Admin {

        /** How long the admin client waits for a broker's answer to one request. */
        private Duration requestTimeout = AdminOptions.DEFAULT_REQUEST_TIMEOUT;

        /**
         * How long one admin operation (an {@code MqAdmin} call, so one {@code /admin} request) may take in all,
         * retries included; past it the call fails with a timeout (504 on {@code /admin}).
         */
        private Duration operationTimeout = AdminOptions.DEFAULT_OPERATION_TIMEOUT;

        /** HTTP admin API. */
        private final Web web = new Web();

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public Duration getOperationTimeout() {
            return operationTimeout;
        }

        public void setOperationTimeout(Duration operationTimeout) {
            this.operationTimeout = operationTimeout;
        }

        /** The HTTP admin API under {@code base-path}. */
        public static class Web {

            /** Whether the HTTP admin API is exposed (needs a servlet web application with Spring MVC). */
            private boolean enabled = false;

            /** Base path of the admin API. */
            private String basePath = "/admin";

            /** Whether mutating admin calls (POST, PATCH, DELETE) are rejected with 403; reads keep working. */
            private boolean readOnly = false;

            /** Role required for the admin API when Spring Security is present (HTTP Basic); blank lets any authenticated user in. */
            private String role = "MQ_ADMIN";

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public String getBasePath() {
                return basePath;
            }

            public void setBasePath(String basePath) {
                this.basePath = basePath;
            }

            public boolean isReadOnly() {
                return readOnly;
            }

            public void setReadOnly(boolean readOnly) {
                this.readOnly = readOnly;
            }

            public String getRole() {
                return role;
            }

            public void setRole(String role) {
                this.role = role;
            }

        }


        public Web getWeb() {
            return web;
        }

    }

    /** The embedded broker, started when no {@code mq.bootstrap-servers} are set. */
    public static class Embedded {

        /** Whether to start the embedded broker when no bootstrap servers are configured. */
        private boolean enabled = true;

        /** Interface the embedded broker binds to. */
        private String host = BrokerConfig.DEFAULT_HOST;

        /** Port the embedded broker listens on; 0 picks a free port. */
        private int port = BrokerConfig.DEFAULT_PORT;

        /** Directory of the commit log and metadata; unset means a temporary directory deleted on shutdown. */
        private Path dataDir;

        /** Node id of the embedded broker. */
        private int brokerId = BrokerConfig.DEFAULT_BROKER_ID;

        /** Cluster id reported to clients. */
        private String clusterId = BrokerConfig.DEFAULT_CLUSTER_ID;

        /**
         * When the commit log is forced to disk: 'async' flushes periodically; 'sync' acknowledges acks=1/all produce
         * requests only after an fsync (group commit).
         */
        private FlushMode flush = BrokerConfig.DEFAULT_FLUSH_MODE;

        /** How often the async flusher forces the commit log to disk. */
        private Duration flushInterval = BrokerConfig.DEFAULT_FLUSH_INTERVAL;

        /** Size at which the commit log rolls to a new segment file. */
        private DataSize segmentSize = DataSize.ofBytes(BrokerConfig.DEFAULT_SEGMENT_BYTES);

        /** Default retention time of topics; data older than this is deleted. */
        private Duration retention = BrokerConfig.DEFAULT_RETENTION;

        /** Default retention size per partition; unset means unlimited. */
        private DataSize retentionSize;

        /** Whether clients may create topics by asking for their metadata. */
        private boolean autoCreateTopics = BrokerConfig.DEFAULT_AUTO_CREATE_TOPICS;

        /** Partition count of topics created without an explicit count. */
        private int defaultPartitions = BrokerConfig.DEFAULT_PARTITIONS;

        /** How long a new consumer group waits for more members before its first rebalance. */
        private Duration groupInitialRebalanceDelay = BrokerConfig.DEFAULT_GROUP_INITIAL_REBALANCE_DELAY;

        /** How long committed offsets of an empty consumer group are kept. */
        private Duration offsetsRetention = BrokerConfig.DEFAULT_OFFSETS_RETENTION;

        /** Largest record batch a topic accepts by default. */
        private DataSize maxMessageSize = DataSize.ofBytes(BrokerConfig.DEFAULT_MAX_MESSAGE_BYTES);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Path getDataDir() {
            return dataDir;
        }

        public void setDataDir(Path dataDir) {
            this.dataDir = dataDir;
        }

        public int getBrokerId() {
            return brokerId;
        }

        public void setBrokerId(int brokerId) {
            this.brokerId = brokerId;
        }

        public String getClusterId() {
            return clusterId;
        }

        public void setClusterId(String clusterId) {
            this.clusterId = clusterId;
        }

        public FlushMode getFlush() {
            return flush;
        }

        public void setFlush(FlushMode flush) {
            this.flush = flush;
        }

        public Duration getFlushInterval() {
            return flushInterval;
        }

        public void setFlushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
        }

        public DataSize getSegmentSize() {
            return segmentSize;
        }

        public void setSegmentSize(DataSize segmentSize) {
            this.segmentSize = segmentSize;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public DataSize getRetentionSize() {
            return retentionSize;
        }

        public void setRetentionSize(DataSize retentionSize) {
            this.retentionSize = retentionSize;
        }

        public boolean isAutoCreateTopics() {
            return autoCreateTopics;
        }

        public void setAutoCreateTopics(boolean autoCreateTopics) {
            this.autoCreateTopics = autoCreateTopics;
        }

        public int getDefaultPartitions() {
            return defaultPartitions;
        }

        public void setDefaultPartitions(int defaultPartitions) {
            this.defaultPartitions = defaultPartitions;
        }

        public Duration getGroupInitialRebalanceDelay() {
            return groupInitialRebalanceDelay;
        }

        public void setGroupInitialRebalanceDelay(Duration groupInitialRebalanceDelay) {
            this.groupInitialRebalanceDelay = groupInitialRebalanceDelay;
        }

        public Duration getOffsetsRetention() {
            return offsetsRetention;
        }

        public void setOffsetsRetention(Duration offsetsRetention) {
            this.offsetsRetention = offsetsRetention;
        }

        public DataSize getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }
    }

    /** Health indicator settings. */
    public static class Health {

        /**
         * The longest time a health check waits for the cluster to answer DescribeCluster before reporting DOWN; the
         * wait happens on the thread serving /actuator/health.
         */
        private Duration timeout = Duration.ofSeconds(2);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
