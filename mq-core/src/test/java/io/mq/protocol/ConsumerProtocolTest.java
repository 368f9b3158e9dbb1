package io.mq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.ConsumerProtocol.TopicPartitions;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Consumer protocol subscriptions and assignments read from kafka-clients' serializations of every version. */
class ConsumerProtocolTest {

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3})
    void subscriptionIsReadFromEveryVersion(short version) {
        Subscription subscription = new Subscription(List.of("orders", "payments"), ByteBuffer.wrap(new byte[] {9}),
                List.of(new TopicPartition("orders", 1), new TopicPartition("orders", 3)), 4, Optional.of("rack-a"));
        byte[] bytes = bytes(org.apache.kafka.clients.consumer.internals.ConsumerProtocol
                .serializeSubscription(subscription, version));

        ConsumerProtocol.Subscription read = ConsumerProtocol.readSubscription(bytes);

        assertThat(read.version()).isEqualTo(version);
        assertThat(read.topics()).containsExactly("orders", "payments");
        assertThat(read.ownedPartitions()).isEqualTo(version >= 1
                ? List.of(new TopicPartitions("orders", List.of(1, 3))) : List.of());
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3})
    void assignmentIsReadFromEveryVersion(short version) {
        Assignment assignment = new Assignment(List.of(new TopicPartition("orders", 0), new TopicPartition("orders", 2),
                new TopicPartition("payments", 1)), ByteBuffer.wrap(new byte[] {1, 2}));
        byte[] bytes = bytes(org.apache.kafka.clients.consumer.internals.ConsumerProtocol
                .serializeAssignment(assignment, version));

        ConsumerProtocol.Assignment read = ConsumerProtocol.readAssignment(bytes);

        assertThat(read.version()).isEqualTo(version);
        assertThat(read.partitions()).containsExactlyInAnyOrder(new TopicPartitions("orders", List.of(0, 2)),
                new TopicPartitions("payments", List.of(1)));
    }

    @Test
    void emptyAssignmentBytesReadAsNoPartitions() {
        assertThat(ConsumerProtocol.readAssignment(new byte[0]).partitions()).isEmpty();
    }

    @Test
    void malformedBytesAreRejected() {
        assertThatThrownBy(() -> ConsumerProtocol.readSubscription(null)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ConsumerProtocol.readSubscription(new byte[] {0})).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ConsumerProtocol.readSubscription(new byte[] {0, 0, 0, 0, 0, 1, 0, 9, 'x'}))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ConsumerProtocol.readSubscription(new byte[] {0, 0, 0x7f, 0, 0, 0}))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ConsumerProtocol.readSubscription(new byte[] {(byte) 0xff, 0, 0, 0, 0, 0}))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ConsumerProtocol.readAssignment(new byte[] {0, 1, 0, 0, 0, 1, 0}))
                .isInstanceOf(ProtocolException.class);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
