package io.mq.spring.autoconfigure;

import io.mq.broker.BrokerConfig;
import io.mq.broker.storage.FlushMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of mq under the {@code mq} prefix.
 */
@ConfigurationProperties("mq")
public class MqProperties {

    /**
     * Comma-separated host:port list of Kafka-protocol brokers to connect to. When unset, the embedded broker is
     * started and used.
     */
    private List<String> bootstrapServers = new ArrayList<>();

    /** Client id sent with every request, shown in broker logs and metrics. */
    private String clientId;

    private final Embedded embedded = new Embedded();

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

    public Embedded getEmbedded() {
        return embedded;
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

        public DataSize getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }
    }
}
