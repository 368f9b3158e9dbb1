package io.mq.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.MqConfigurationException;
import io.mq.producer.partitioner.DefaultPartitioner;
import io.mq.producer.partitioner.RoundRobinPartitioner;
import io.mq.protocol.record.CompressionType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProducerOptionsTest {

    @Test
    void defaultsAreTheDefaultConstants() {
        ProducerOptions options = ProducerOptions.defaults();

        assertThat(options.acks()).isEqualTo(Acks.ALL).isEqualTo(ProducerOptions.DEFAULT_ACKS);
        assertThat(options.idempotence()).isTrue();
        assertThat(options.linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(options.batchSize()).isEqualTo(64 * 1024);
        assertThat(options.maxRequestSize()).isEqualTo(1024 * 1024);
        assertThat(options.bufferMemory()).isEqualTo(32L * 1024 * 1024);
        assertThat(options.backpressure()).isEqualTo(BackpressureMode.FAIL_FAST);
        assertThat(options.maxBlock()).isEqualTo(ProducerOptions.DEFAULT_MAX_BLOCK);
        assertThat(options.deliveryTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.maxMetadataWait()).isEqualTo(ProducerOptions.DEFAULT_MAX_METADATA_WAIT);
        assertThat(options.compression()).isEqualTo(CompressionType.NONE);
        assertThat(options.compressionMinBatchSize()).isEqualTo(ProducerOptions.DEFAULT_COMPRESSION_MIN_BATCH_SIZE);
        assertThat(options.maxAttempts()).isEqualTo(ProducerOptions.UNBOUNDED_ATTEMPTS);
        assertThat(options.backoff()).isEqualTo(ExponentialBackoff.KAFKA_DEFAULT);
        assertThat(options.deadLetterTopic()).isEmpty();
        assertThat(options.maxInFlightPerConnection()).isEqualTo(5);
        assertThat(options.interceptors()).isEmpty();
        assertThat(options.partitioner().get()).isInstanceOf(DefaultPartitioner.class);
    }

    @Test
    void idempotenceFollowsAcksUnlessSet() {
        assertThat(ProducerOptions.builder().acks(Acks.LEADER).build().idempotence()).isFalse();
        assertThat(ProducerOptions.builder().acks(Acks.NONE).build().idempotence()).isFalse();
        assertThat(ProducerOptions.builder().idempotence(false).build().idempotence()).isFalse();
        assertThat(ProducerOptions.builder().maxInFlightPerConnection(10).build().idempotence())
                .as("implicit idempotence gives way to more in-flight requests").isFalse();
    }

    @Test
    void idempotenceWithoutAcksAllIsAConfigurationError() {
        assertThatThrownBy(() -> ProducerOptions.builder().acks(Acks.LEADER).idempotence(true).build())
                .isInstanceOf(MqConfigurationException.class)
                .hasMessageContaining("idempotence requires acks=all, was acks=1");
    }

    @Test
    void idempotenceAllowsAtMostFiveRequestsInFlight() {
        assertThatThrownBy(() -> ProducerOptions.builder().idempotence(true).maxInFlightPerConnection(6).build())
                .hasMessageContaining("maxInFlightPerConnection must be between 1 and 5 with idempotence, was 6");
    }

    @Test
    void deliveryTimeoutMustCoverLingerAndRequestTimeout() {
        assertThatThrownBy(() -> ProducerOptions.builder().linger(Duration.ofMillis(5))
                .requestTimeout(Duration.ofSeconds(30)).deliveryTimeout(Duration.ofSeconds(10)).build())
                .hasMessageContaining("deliveryTimeout must be >= linger + requestTimeout (PT30.005S), was PT10S");
    }

    @Test
    void sizesMustNestWithinEachOther() {
        assertThatThrownBy(() -> ProducerOptions.builder().batchSize(2 * 1024 * 1024).build())
                .hasMessageContaining("batchSize must be between 1 and maxRequestSize (1048576) bytes, was 2097152");
        assertThatThrownBy(() -> ProducerOptions.builder().bufferMemory(1024).build())
                .hasMessageContaining("maxRequestSize must be between 61 and bufferMemory (1024) bytes, was 1048576");
    }

    @Test
    void compressionLevelMustSuitTheCodec() {
        assertThatThrownBy(() -> ProducerOptions.builder().compression(CompressionType.GZIP, 12).build())
                .hasMessageContaining("compressionLevel for gzip must be between 1 and 9, was 12");
        assertThat(ProducerOptions.builder().compression(CompressionType.ZSTD).build().compressionLevel())
                .isEqualTo(CompressionType.ZSTD.defaultLevel());
        assertThat(ProducerOptions.builder().compression(CompressionType.LZ4, 3).build().compressionLevel())
                .isEqualTo(3);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> ProducerOptions.builder().linger(Duration.ofMillis(-1)).maxAttempts(0)
                .maxInFlightPerConnection(0).deadLetterTopic("bad topic").compressionMinBatchSize(-1).backoff(null)
                .build())
                .isInstanceOf(MqConfigurationException.class)
                .hasMessageStartingWith("Invalid producer options: ")
                .hasMessageContaining("linger must be >= 0, was PT-0.001S")
                .hasMessageContaining("maxAttempts must be >= 1 (or UNBOUNDED_ATTEMPTS), was 0")
                .hasMessageContaining("maxInFlightPerConnection must be >= 1, was 0")
                .hasMessageContaining("deadLetterTopic is invalid")
                .hasMessageContaining("compressionMinBatchSize must be >= 0 bytes, was -1")
                .hasMessageContaining("backoff must not be null");
    }

    @Test
    void mutateKeepsEverySettingAndChangesOnlyWhatIsSet() {
        ProducerInterceptor interceptor = new ProducerInterceptor() {
        };
        ProducerOptions original = ProducerOptions.builder().acks(Acks.LEADER).linger(Duration.ZERO)
                .blockWhenFull(Duration.ofSeconds(3)).compression(CompressionType.GZIP, 4).maxAttempts(3)
                .backoff(BackoffPolicy.fixed(Duration.ofMillis(50))).deadLetterTopic("orders.dlt")
                .partitioner(RoundRobinPartitioner::new).interceptor(interceptor).build();

        ProducerOptions changed = original.mutate().batchSize(1000).build();

        assertThat(changed.toString()).isEqualTo(original.toString().replace("batchSize=65536", "batchSize=1000"));
        assertThat(changed.interceptors()).containsExactly(interceptor);
        assertThat(changed.partitioner().get()).isInstanceOf(RoundRobinPartitioner.class);
        assertThat(changed.deadLetterTopic()).contains("orders.dlt");
        assertThat(changed.backpressure()).isEqualTo(BackpressureMode.BLOCK);
        assertThat(changed.idempotence()).isFalse();
    }

    @Test
    void acksParseFromConfigurationNames() {
        assertThat(Acks.forConfig("all")).isEqualTo(Acks.ALL);
        assertThat(Acks.forConfig("-1")).isEqualTo(Acks.ALL);
        assertThat(Acks.forConfig("1")).isEqualTo(Acks.LEADER);
        assertThat(Acks.forConfig("0").wireValue()).isZero();
        assertThatThrownBy(() -> Acks.forConfig("2")).hasMessage("acks must be one of 0, 1, all (or -1); was '2'");
    }

    @Test
    void invalidSettingsOutsideTheBuilderAreConfigurationErrorsToo() {
        assertThatThrownBy(() -> Acks.forConfig("2")).isInstanceOf(MqConfigurationException.class)
                .hasMessageContaining("acks must be one of 0, 1, all (or -1); was '2'");
        assertThatThrownBy(() -> BackoffPolicy.fixed(Duration.ofMillis(-1)))
                .isInstanceOf(MqConfigurationException.class);
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ZERO, 2, Duration.ofSeconds(1), 0))
                .isInstanceOf(MqConfigurationException.class);
    }
}
