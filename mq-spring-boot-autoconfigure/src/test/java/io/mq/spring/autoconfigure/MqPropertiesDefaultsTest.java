package io.mq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.BrokerConfig;
import io.mq.client.ConnectionOptions;
import io.mq.producer.ProducerOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Property defaults are the engine's defaults: leaving a property unset never changes behaviour. */
class MqPropertiesDefaultsTest {

    private final MqProperties properties = new MqProperties();

    @Test
    void producerDefaultsEqualEngineDefaults() {
        MqProperties.Producer producer = properties.getProducer();
        ProducerOptions engine = ProducerOptions.defaults();

        assertThat(producer.getAcks()).isEqualTo(engine.acks());
        assertThat(producer.getLinger()).isEqualTo(engine.linger());
        assertThat(producer.getBatchSize().toBytes()).isEqualTo(engine.batchSize());
        assertThat(producer.getMaxRequestSize().toBytes()).isEqualTo(engine.maxRequestSize());
        assertThat(producer.getBufferMemory().toBytes()).isEqualTo(engine.bufferMemory());
        assertThat(producer.getBackpressure()).isEqualTo(engine.backpressure());
        assertThat(producer.getMaxBlock()).isEqualTo(engine.maxBlock());
        assertThat(producer.getDeliveryTimeout()).isEqualTo(engine.deliveryTimeout());
        assertThat(producer.getRequestTimeout()).isEqualTo(engine.requestTimeout());
        assertThat(producer.getMaxMetadataWait()).isEqualTo(engine.maxMetadataWait());
        assertThat(producer.getCompression()).isEqualTo(engine.compression());
        assertThat(producer.getCompressionMinBatchSize().toBytes()).isEqualTo(engine.compressionMinBatchSize());
        assertThat(producer.getMaxInFlight()).isEqualTo(engine.maxInFlightPerConnection());
        assertThat(producer.getDeadLetterTopic()).isNull();
        assertThat(engine.deadLetterTopic()).isEmpty();
        assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(engine.maxAttempts());
    }

    @Test
    void connectionDefaultsEqualEngineDefaults() {
        MqProperties.Connection connection = properties.getConnection();
        ConnectionOptions engine = ConnectionOptions.defaults();

        assertThat(connection.getConnectionsPerBroker()).isEqualTo(engine.connectionsPerBroker());
        assertThat(connection.isLazy()).isEqualTo(engine.lazyConnect());
        assertThat(connection.getConnectTimeout()).isEqualTo(engine.connectTimeout());
        assertThat(connection.getIdleTimeout()).isEqualTo(engine.idleTimeout());
        assertThat(connection.isTcpKeepAlive()).isEqualTo(engine.tcpKeepAlive());
        assertThat(connection.getHeartbeat().getInterval()).isEqualTo(engine.heartbeatInterval());
        assertThat(connection.getHeartbeat().getTimeout()).isEqualTo(engine.heartbeatTimeout());
        assertThat(connection.getReconnect().getInitial()).isEqualTo(engine.reconnectBackoff());
        assertThat(connection.getReconnect().getMax()).isEqualTo(engine.reconnectBackoffMax());
        assertThat(connection.getReconnect().getJitter()).isEqualTo(engine.reconnectJitter());
        assertThat(properties.getProducer().getRequestTimeout()).isEqualTo(engine.requestTimeout());
        assertThat(properties.getProducer().getMaxInFlight()).isEqualTo(engine.maxInFlightRequests());
    }

    @Test
    void adminDefaultsEqualAdminClientDefaults() {
        assertThat(properties.getAdmin().getRequestTimeout()).isEqualTo(io.mq.admin.AdminOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(properties.getAdmin().getOperationTimeout())
                .isEqualTo(io.mq.admin.AdminOptions.DEFAULT_OPERATION_TIMEOUT);
    }

    @Test
    void embeddedDefaultsEqualBrokerDefaults() {
        MqProperties.Embedded embedded = properties.getEmbedded();

        assertThat(embedded.getHost()).isEqualTo(BrokerConfig.DEFAULT_HOST);
        assertThat(embedded.getPort()).isEqualTo(BrokerConfig.DEFAULT_PORT);
        assertThat(embedded.getBrokerId()).isEqualTo(BrokerConfig.DEFAULT_BROKER_ID);
        assertThat(embedded.getClusterId()).isEqualTo(BrokerConfig.DEFAULT_CLUSTER_ID);
        assertThat(embedded.getFlush()).isEqualTo(BrokerConfig.DEFAULT_FLUSH_MODE);
        assertThat(embedded.getFlushInterval()).isEqualTo(BrokerConfig.DEFAULT_FLUSH_INTERVAL);
        assertThat(embedded.getSegmentSize().toBytes()).isEqualTo(BrokerConfig.DEFAULT_SEGMENT_BYTES);
        assertThat(embedded.getRetention()).isEqualTo(BrokerConfig.DEFAULT_RETENTION);
        assertThat(embedded.getRetentionSize()).isNull();
        assertThat(BrokerConfig.DEFAULT_RETENTION_BYTES).isEqualTo(-1);
        assertThat(embedded.isAutoCreateTopics()).isEqualTo(BrokerConfig.DEFAULT_AUTO_CREATE_TOPICS);
        assertThat(embedded.getDefaultPartitions()).isEqualTo(BrokerConfig.DEFAULT_PARTITIONS);
        assertThat(embedded.getMaxMessageSize().toBytes()).isEqualTo(BrokerConfig.DEFAULT_MAX_MESSAGE_BYTES);
        assertThat(embedded.getGroupInitialRebalanceDelay()).isEqualTo(BrokerConfig.DEFAULT_GROUP_INITIAL_REBALANCE_DELAY);
        assertThat(embedded.getOffsetsRetention()).isEqualTo(BrokerConfig.DEFAULT_OFFSETS_RETENTION);
    }

    @Test
    void healthTimeoutDefaultsToTwoSecondsWellBelowTheRequestTimeout() {
        assertThat(properties.getHealth().getTimeout()).isEqualTo(Duration.ofSeconds(2))
                .isLessThan(ProducerOptions.defaults().requestTimeout());
    }
}
