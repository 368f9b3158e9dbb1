package io.mq.benchmarks.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProducerEnginesTest {

    @Test
    void enginesAreFoundByName() {
        assertThat(ProducerEngines.byName("kafka-clients")).isSameAs(ProducerEngines.KAFKA_CLIENTS);
        assertThat(ProducerEngines.byName("mq")).isSameAs(ProducerEngines.MQ);
        assertThatThrownBy(() -> ProducerEngines.byName("nope")).hasMessageContaining("unknown producer engine");
    }

    @Test
    void bothEnginesAreAvailable() {
        assertThat(ProducerEngines.MQ.unavailableReason()).isEmpty();
        assertThat(ProducerEngines.KAFKA_CLIENTS.unavailableReason()).isEmpty();
    }

    @Test
    void idempotenceWithoutAcksAllIsRejected() {
        assertThatThrownBy(() -> new ProducerSettings("1", true, Duration.ZERO, 1024))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
