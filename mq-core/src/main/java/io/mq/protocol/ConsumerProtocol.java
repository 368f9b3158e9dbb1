package io.mq.protocol;

import io.mq.protocol.types.WireReader;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * The embedded protocol of Kafka consumer groups (protocol type {@code "consumer"}): the subscription a member sends
 * as its JoinGroup metadata and the assignment the leader hands out through SyncGroup. Both are an int16 version
 * followed by a never-flexible struct. As in Kafka, a newer version is read with the newest layout known here and
 * anything after it is ignored, since new versions only append fields.
 */
public final class ConsumerProtocol {

    /** The protocol type of Kafka consumer groups. */
    public static final String PROTOCOL_TYPE = "consumer";

    private ConsumerProtocol() {
    }

    /**
     * Reads a member's subscription (ConsumerProtocolSubscription v0+).
     *
     * @throws ProtocolException when the bytes are not a subscription
     */
    public static Subscription readSubscription(byte[] bytes) {
        WireReader in = reader(bytes, "subscription");
        short version = readVersion(in, "subscription");
        List<String> topics = in.readStringArray(false);
        in.readNullableBytes(false);
        List<TopicPartitions> owned = version >= 1 ? in.readArray(false, ConsumerProtocol::readTopicPartitions)
                : List.of();
        return new Subscription(version, topics, owned);
    }

    /**
     * Reads a member's assignment (ConsumerProtocolAssignment v0+). Empty bytes, which a member has before its first
     * assignment, read as an empty assignment.
     *
     * @throws ProtocolException when the bytes are not an assignment
     */
    public static Assignment readAssignment(byte[] bytes) {
        if (bytes != null && bytes.length == 0) {
            return new Assignment((short) 0, List.of());
        }
        WireReader in = reader(bytes, "assignment");
        short version = readVersion(in, "assignment");
        return new Assignment(version, in.readArray(false, ConsumerProtocol::readTopicPartitions));
    }

    private static WireReader reader(byte[] bytes, String what) {
        if (bytes == null) {
            throw new ProtocolException("consumer " + what + " is null");
        }
        return new WireReader(Unpooled.wrappedBuffer(bytes));
    }

    private static short readVersion(WireReader in, String what) {
        short version = in.readInt16();
        if (version < 0) {
            throw new ProtocolException("consumer " + what + " has negative version " + version);
        }
        return version;
    }

    private static TopicPartitions readTopicPartitions(WireReader in) {
        return new TopicPartitions(in.readString(false), in.readInt32Array(false));
    }

    /**
     * A member's subscription.
     *
     * @param version         the version it was written with
     * @param topics          the subscribed topics
     * @param ownedPartitions the partitions the member owned when it joined (v1+; empty before)
     */
    public record Subscription(short version, List<String> topics, List<TopicPartitions> ownedPartitions) {

        /** Copies the lists. */
        public Subscription {
            topics = List.copyOf(topics);
            ownedPartitions = List.copyOf(ownedPartitions);
        }
    }

    /**
     * A member's assignment.
     *
     * @param version    the version it was written with
     * @param partitions the assigned partitions, per topic
     */
    public record Assignment(short version, List<TopicPartitions> partitions) {

        /** Copies the list. */
        public Assignment {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * Some partitions of one topic.
     *
     * @param topic      the topic
     * @param partitions the partition indexes
     */
    public record TopicPartitions(String topic, List<Integer> partitions) {

        /** Copies the list. */
        public TopicPartitions {
            partitions = List.copyOf(partitions);
        }
    }
}
