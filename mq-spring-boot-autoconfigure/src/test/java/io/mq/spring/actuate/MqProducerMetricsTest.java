package io.mq.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerOptions;
import io.mq.producer.ProducerRecord;
import io.mq.producer.SendFailedException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A producer's meters in a {@link SimpleMeterRegistry}, against the embedded broker. */
class MqProducerMetricsTest {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MqProducer producer;
    private MqProducerMetrics metrics;

    private MqProducer producer(ProducerOptions options) {
        producer = MqProducer.builder().bootstrapServers(BROKER.bootstrapServers()).options(options).build();
        metrics = new MqProducerMetrics(producer);
        metrics.bindTo(registry);
        return producer;
    }

    @AfterEach
    void close() {
        if (metrics != null) {
            metrics.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    private static ProducerRecord record(int i) {
        return ProducerRecord.of("metrics-test", ("key-" + i).getBytes(StandardCharsets.UTF_8),
                ("value-" + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void afterNSendsTheCountersShowN() {
        MqProducer producer = producer(ProducerOptions.defaults());
        int sends = 25;

        for (int i = 0; i < sends; i++) {
            producer.sendSync(record(i));
        }

        String clientId = producer.clientId();
        assertThat(registry.get("mq.producer.records.sent").tag("client.id", clientId).functionCounter().count())
                .isEqualTo(sends);
        assertThat(registry.get("mq.producer.bytes.sent").tag("client.id", clientId).functionCounter().count())
                .isEqualTo(producer.metrics().bytesSent()).isPositive();
        assertThat(registry.get("mq.producer.retries").functionCounter().count()).isZero();
        assertThat(registry.get("mq.producer.records.dead.lettered").functionCounter().count()).isZero();
        assertThat(registry.get("mq.producer.records.per.batch").summary().totalAmount()).isEqualTo(sends);
        assertThat(registry.get("mq.producer.batch.size").summary().count())
                .isEqualTo(producer.metrics().batchSizeBytes().count());
        assertThat(registry.get("mq.producer.record.queue.time").timer().count())
                .isEqualTo(producer.metrics().recordQueueTimeNanos().count());
        assertThat(registry.get("mq.producer.request.latency").timer().count())
                .isEqualTo(producer.metrics().requestLatencyNanos().count()).isPositive();
        assertThat(registry.get("mq.producer.buffer.total").gauge().value())
                .isEqualTo(ProducerOptions.defaults().bufferMemory());
        assertThat(registry.get("mq.producer.buffer.available").gauge().value()).isPositive();
        assertThat(registry.get("mq.producer.connections").gauge().value()).isPositive();
        assertThat(registry.get("mq.producer.requests.in.flight").gauge().value()).isNotNegative();
        assertThat(registry.get("mq.producer.metadata.age").timeGauge().value(TimeUnit.MILLISECONDS))
                .isNotNegative();
    }

    @Test
    void requestLatencyPublishesAPercentileHistogram() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MqProducer producer = producer(ProducerOptions.defaults());
        metrics.bindTo(prometheus);

        producer.sendSync(record(1));

        assertThat(prometheus.scrape()).contains("mq_producer_request_latency_seconds_bucket{client_id=\""
                + producer.clientId() + "\",le=\"+Inf\"} 1");
    }

    @Test
    void failuresAreCountedPerErrorCodeAsCodesAppear() {
        MqProducer producer = producer(ProducerOptions.builder().maxRequestSize(1024).batchSize(512).build());
        assertThat(registry.find("mq.producer.record.errors").functionCounters()).isEmpty();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> producer.sendSync(ProducerRecord.of("metrics-test", new byte[4096])))
                    .isInstanceOf(SendFailedException.class);
        }

        assertThat(registry.get("mq.producer.record.errors").tag("client.id", producer.clientId())
                .tag("error", SendFailedException.RECORD_TOO_LARGE).functionCounter().count()).isEqualTo(3);
    }

    @Test
    void closingRemovesTheMetersAndStopsFeedingThem() {
        MqProducer producer = producer(ProducerOptions.defaults());
        producer.sendSync(record(1));

        metrics.close();
        producer.sendSync(record(2));

        assertThat(registry.find("mq.producer.records.sent").meters()).isEmpty();
        assertThat(registry.find("mq.producer.request.latency").meters()).isEmpty();
    }
}
