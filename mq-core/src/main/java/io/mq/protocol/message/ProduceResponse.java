package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * Produce response, versions 3-11 (flexible from 9). The v10+ tagged fields (partition {@code CurrentLeader},
 * top-level {@code NodeEndpoints}) are skipped on read and not written.
 *
 * @param responses      the results by topic and partition
 * @param throttleTimeMs quota throttle time
 */
public record ProduceResponse(List<TopicProduceResponse> responses, int throttleTimeMs) implements ApiMessage {

    /** Reads the body of a {@code version} Produce response. */
    public static ProduceResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.PRODUCE.isFlexible(version);
        List<TopicProduceResponse> responses = in.readArray(flexible, r -> {
            String name = r.readString(flexible);
            List<PartitionProduceResponse> partitions = r.readArray(flexible,
                    p -> PartitionProduceResponse.read(p, version, flexible));
            if (flexible) {
                r.skipTaggedFields();
            }
            return new TopicProduceResponse(name, partitions);
        });
        int throttleTimeMs = in.readInt32();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new ProduceResponse(responses, throttleTimeMs);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.PRODUCE;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeArray(responses, flexible, (w, t) -> {
            w.writeString(t.name(), flexible);
            w.writeArray(t.partitionResponses(), flexible, (pw, p) -> p.write(pw, version, flexible));
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        out.writeInt32(throttleTimeMs);
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * Results for one topic.
     *
     * @param name               the topic name
     * @param partitionResponses the result per partition
     */
    public record TopicProduceResponse(String name, List<PartitionProduceResponse> partitionResponses) {
    }

    /**
     * The result of appending to one partition.
     *
     * @param index           the partition index
     * @param errorCode       the error code, or 0
     * @param baseOffset      the offset given to the first record appended
     * @param logAppendTimeMs the broker append time for LogAppendTime topics, else -1
     * @param logStartOffset  the partition's log start offset (v5+; -1 before)
     * @param recordErrors    the records that caused the batch to be dropped (v8+; empty before)
     * @param errorMessage    a summary of why the batch was dropped, or null (v8+)
     */
    public record PartitionProduceResponse(int index, short errorCode, long baseOffset, long logAppendTimeMs,
            long logStartOffset, List<BatchIndexAndErrorMessage> recordErrors, String errorMessage) {

        static PartitionProduceResponse read(WireReader in, short version, boolean flexible) {
            int index = in.readInt32();
            short errorCode = in.readInt16();
            long baseOffset = in.readInt64();
            long logAppendTimeMs = in.readInt64();
            long logStartOffset = version >= 5 ? in.readInt64() : -1L;
            List<BatchIndexAndErrorMessage> recordErrors = List.of();
            String errorMessage = null;
            if (version >= 8) {
                recordErrors = in.readArray(flexible, r -> {
                    BatchIndexAndErrorMessage e = new BatchIndexAndErrorMessage(r.readInt32(),
                            r.readNullableString(flexible));
                    if (flexible) {
                        r.skipTaggedFields();
                    }
                    return e;
                });
                errorMessage = in.readNullableString(flexible);
            }
            if (flexible) {
                in.skipTaggedFields();
            }
            return new PartitionProduceResponse(index, errorCode, baseOffset, logAppendTimeMs, logStartOffset,
                    recordErrors, errorMessage);
        }

        void write(WireWriter out, short version, boolean flexible) {
            out.writeInt32(index);
            out.writeInt16(errorCode);
            out.writeInt64(baseOffset);
            out.writeInt64(logAppendTimeMs);
            if (version >= 5) {
                out.writeInt64(logStartOffset);
            }
            if (version >= 8) {
                out.writeArray(recordErrors, flexible, (w, e) -> {
                    w.writeInt32(e.batchIndex());
                    w.writeNullableString(e.batchIndexErrorMessage(), flexible);
                    if (flexible) {
                        w.writeEmptyTaggedFields();
                    }
                });
                out.writeNullableString(errorMessage, flexible);
            }
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }

    /**
     * One record that caused its batch to be dropped.
     *
     * @param batchIndex            the record's index within the batch
     * @param batchIndexErrorMessage why it was rejected, or null
     */
    public record BatchIndexAndErrorMessage(int batchIndex, String batchIndexErrorMessage) {
    }
}
