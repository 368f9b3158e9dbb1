package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.record.Records;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * Produce request, versions 3-11 (flexible from 9). Decoded record sets are slices of the frame buffer and are
 * valid only while the frame is.
 *
 * @param transactionalId the transactional id, or null for a non-transactional producer
 * @param acks            0 (no response is sent), 1 (leader) or -1 (full ISR)
 * @param timeoutMs       how long the broker may wait for acknowledgements
 * @param topicData       the batches to append, by topic and partition
 */
public record ProduceRequest(String transactionalId, short acks, int timeoutMs, List<TopicProduceData> topicData)
        implements ApiMessage {

    /** Reads the body of a {@code version} Produce request. */
    public static ProduceRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.PRODUCE.isFlexible(version);
        String transactionalId = in.readNullableString(flexible);
        short acks = in.readInt16();
        int timeoutMs = in.readInt32();
        List<TopicProduceData> topics = in.readArray(flexible, r -> TopicProduceData.read(r, flexible));
        if (flexible) {
            in.skipTaggedFields();
        }
        return new ProduceRequest(transactionalId, acks, timeoutMs, topics);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.PRODUCE;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeNullableString(transactionalId, flexible);
        out.writeInt16(acks);
        out.writeInt32(timeoutMs);
        out.writeArray(topicData, flexible, (w, t) -> t.write(w, flexible));
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The batches for one topic.
     *
     * @param name          the topic name
     * @param partitionData the batches per partition
     */
    public record TopicProduceData(String name, List<PartitionProduceData> partitionData) {

        static TopicProduceData read(WireReader in, boolean flexible) {
            String name = in.readString(flexible);
            List<PartitionProduceData> partitions = in.readArray(flexible, r -> {
                PartitionProduceData p = new PartitionProduceData(r.readInt32(), r.readRecords(flexible));
                if (flexible) {
                    r.skipTaggedFields();
                }
                return p;
            });
            if (flexible) {
                in.skipTaggedFields();
            }
            return new TopicProduceData(name, partitions);
        }

        void write(WireWriter out, boolean flexible) {
            out.writeString(name, flexible);
            out.writeArray(partitionData, flexible, (w, p) -> {
                w.writeInt32(p.index());
                w.writeRecords(p.records(), flexible);
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
     * The batches for one partition.
     *
     * @param index   the partition index
     * @param records the record batches (a {@link io.mq.protocol.record.MemoryRecords} once decoded), or null
     */
    public record PartitionProduceData(int index, Records records) {
    }
}
