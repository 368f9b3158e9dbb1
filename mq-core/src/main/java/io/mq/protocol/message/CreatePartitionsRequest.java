package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * CreatePartitions request, versions 0-3 (flexible from 2).
 *
 * @param topics       the topics to grow
 * @param timeoutMs    how long the broker may wait for the partitions to be created
 * @param validateOnly check the request, but create nothing
 */
public record CreatePartitionsRequest(List<CreatePartitionsTopic> topics, int timeoutMs, boolean validateOnly)
        implements ApiMessage {

    public static CreatePartitionsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.CREATE_PARTITIONS.isFlexible(version);
        List<CreatePartitionsTopic> topics = in.readArray(flexible, r -> CreatePartitionsTopic.read(r, flexible));
        int timeoutMs = in.readInt32();
        boolean validateOnly = in.readBoolean();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new CreatePartitionsRequest(topics, timeoutMs, validateOnly);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.CREATE_PARTITIONS;
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
     * One topic to grow.
     *
     * @param name        the topic name
     * @param count       the new total partition count
     * @param assignments replicas of each new partition, or null to let the broker choose
     */
    public record CreatePartitionsTopic(String name, int count, List<CreatePartitionsAssignment> assignments) {

        static CreatePartitionsTopic read(WireReader in, boolean flexible) {
            String name = in.readString(flexible);
            int count = in.readInt32();
            List<CreatePartitionsAssignment> assignments = in.readNullableArray(flexible, r -> {
                CreatePartitionsAssignment a = new CreatePartitionsAssignment(r.readInt32Array(flexible));
                if (flexible) {
                    r.skipTaggedFields();
                }
                return a;
            });
            if (flexible) {
                in.skipTaggedFields();
            }
            return new CreatePartitionsTopic(name, count, assignments);
        }

        void write(WireWriter out, boolean flexible) {
            out.writeString(name, flexible);
            out.writeInt32(count);
            out.writeArray(assignments, flexible, (w, a) -> {
                w.writeInt32Array(a.brokerIds(), flexible);
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
     * The replicas of one new partition.
     *
     * @param brokerIds the assigned brokers, preferred leader first
     */
    public record CreatePartitionsAssignment(List<Integer> brokerIds) {
    }
}
