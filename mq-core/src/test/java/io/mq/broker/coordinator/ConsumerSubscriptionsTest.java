package io.mq.broker.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Subscribed topics read from consumer protocol metadata, checked against kafka-clients' serializer. */
class ConsumerSubscriptionsTest {

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3})
    void topicsAreReadFromEverySubscriptionVersion(short version) {
        Subscription subscription = new Subscription(List.of("orders", "payments"), ByteBuffer.wrap(new byte[] {9}),
                List.of(new TopicPartition("orders", 1)), 4, Optional.of("rack-a"));
        ByteBuffer serialized = ConsumerProtocol.serializeSubscription(subscription, version);
        byte[] bytes = new byte[serialized.remaining()];
        serialized.get(bytes);

        assertThat(ConsumerSubscriptions.topics(bytes)).containsExactlyInAnyOrder("orders", "payments");
    }

    @Test
    void unreadableMetadataGivesNull() {
        assertThat(ConsumerSubscriptions.topics(null)).isNull();
        assertThat(ConsumerSubscriptions.topics(new byte[] {0})).isNull();
        assertThat(ConsumerSubscriptions.topics(new byte[] {0, 0, 0, 0, 0, 1, 0, 9, 'x'})).isNull();
        assertThat(ConsumerSubscriptions.topics(new byte[] {0, 0, 0x7f, 0, 0, 0})).isNull();
        assertThat(ConsumerSubscriptions.topics(new byte[] {(byte) 0xff, 0, 0, 0, 0, 0})).isNull();
    }
}
