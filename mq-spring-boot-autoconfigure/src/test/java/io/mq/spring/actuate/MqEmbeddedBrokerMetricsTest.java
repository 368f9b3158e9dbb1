package io.mq.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mq.broker.EmbeddedBroker;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerRecord;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded broker's meters in a {@link SimpleMeterRegistry}. */
class MqEmbeddedBrokerMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void requestsPerApiAndStorageAreMetered() {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build().start()) {
            new MqEmbeddedBrokerMetrics(broker).bindTo(registry);
            try (MqProducer producer = MqProducer.builder().bootstrapServers(broker.bootstrapServers()).build()) {
                for (int i = 0; i < 5; i++) {
                    producer.sendSync(ProducerRecord.of("broker-metrics", new byte[] {(byte) i}));
                }
            }

            assertThat(registry.get("mq.broker.requests").tag("broker.id", "0").tag("api", "Produce")
                    .timer().count()).isEqualTo(5);
            assertThat(registry.get("mq.broker.requests").tag("api", "Produce").timer()
                    .totalTime(TimeUnit.NANOSECONDS)).isPositive();
            assertThat(registry.get("mq.broker.requests").tag("api", "Metadata").timer().count())
                    .isPositive();
            assertThat(registry.get("mq.broker.appended.records").functionCounter().count()).isEqualTo(5);
            assertThat(registry.get("mq.broker.appended.bytes").functionCounter().count()).isPositive();
            assertThat(registry.get("mq.broker.storage.size").gauge().value()).isPositive();
            assertThat(registry.get("mq.broker.segments").gauge().value()).isPositive();
            assertThat(registry.get("mq.broker.partitions").gauge().value()).isPositive();
            assertThat(registry.get("mq.broker.flushes").functionCounter().count()).isNotNegative();
            assertThat(registry.get("mq.broker.flush.latency").timeGauge().value(TimeUnit.NANOSECONDS))
                    .isNotNegative();
        }

        assertThat(registry.get("mq.broker.storage.size").gauge().value()).isNaN();
    }
}
