package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * CreateTopics request, versions 2-7 (flexible from 5).
 *
 * @param topics       the topics to create
 * @param timeoutMs    how long the broker may wait for the creation to complete
 * @param validateOnly check that the topics could be created, but create nothing
 */
public record CreateTopicsRequest(List<CreatableTopic> topics, int timeoutMs, boolean validateOnly)
        implements ApiMessage {

    public static CreateTopicsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.CREATE_TOPICS.isFlexible(version);
        List<CreatableTopic> topics = in.readArray(flexible, r -> CreatableTopic.read(r, flexible));
        int timeoutMs = in.readInt32();
        boolean validateOnly = in.readBoolean();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new CreateTopicsRequest(topics, timeoutMs, validateOnly);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.CREATE_TOPICS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeArray(topics, flexible, (w, t) -> t.write(w, flexible));
        out.writeInt32(timeoutMs);
        out.writeBoolean(validateOnly);
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One topic to create.
     *
     * @param name              the topic name
     * @param numPartitions     partition count, or -1 for manual assignments or the broker default
     * @param replicationFactor replicas per partition, or -1 for manual assignments or the broker default
     * @param assignments       manual partition assignments, empty for automatic assignment
     * @param configs           topic configuration overrides
     */
    public record CreatableTopic(String name, int numPartitions, short replicationFactor,
            List<CreatableReplicaAssignment> assignments, List<CreatableTopicConfig> configs) {

        static CreatableTopic read(WireReader in, boolean flexible) {
            String name = in.readString(flexible);
            int numPartitions = in.readInt32();
            short replicationFactor = in.readInt16();
            List<CreatableReplicaAssignment> assignments = in.readArray(flexible, r -> {
                CreatableReplicaAssignment a = new CreatableReplicaAssignment(r.readInt32(), r.readInt32Array(flexible));
                if (flexible) {
                    r.skipTaggedFields();
                }
                return a;
            });
            List<CreatableTopicConfig> configs = in.readArray(flexible, r -> {
                CreatableTopicConfig c = new CreatableTopicConfig(r.readString(flexible), r.readNullableString(flexible));
                if (flexible) {
                    r.skipTaggedFields();
                }
                return c;
            });
            if (flexible) {
                in.skipTaggedFields();
            }
            return new CreatableTopic(name, numPartitions, replicationFactor, assignments, configs);
        }

        void write(WireWriter out, boolean flexible) {
            out.writeString(name, flexible);
            out.writeInt32(numPartitions);
            out.writeInt16(replicationFactor);
            out.writeArray(assignments, flexible, (w, a) -> {
                w.writeInt32(a.partitionIndex());
                w.writeInt32Array(a.brokerIds(), flexible);
                if (flexible) {
                    w.writeEmptyTaggedFields();
                }
            });
            out.writeArray(configs, flexible, (w, c) -> {
                w.writeString(c.name(), flexible);
                w.writeNullableString(c.value(), flexible);
                if (flexible) {
                    w.writeEmptyTaggedFields();
                }
            });
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }

    /**
     * The replicas of one partition, chosen by the client.
     *
     * @param partitionIndex the partition index
     * @param brokerIds      the brokers to place the partition on, preferred leader first
     */
    public record CreatableReplicaAssignment(int partitionIndex, List<Integer> brokerIds) {
    }

    /**
     * One topic configuration override.
     *
     * @param name  the configuration name
     * @param value the configuration value, nullable
     */
    public record CreatableTopicConfig(String name, String value) {
    }
}
