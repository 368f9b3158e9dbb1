package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.Uuids;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;
import java.util.UUID;

/**
 * Metadata response, versions 1-12 (flexible from 9). Fields a version cannot carry read as their defaults
 * and are not written.
 *
 * @param throttleTimeMs              quota throttle time (v3+; 0 before)
 * @param brokers                     the brokers in the cluster
 * @param clusterId                   the cluster id, or null (v2+)
 * @param controllerId                the controller's broker id, or -1
 * @param topics                      the topics described
 * @param clusterAuthorizedOperations bitfield of cluster authorized operations (v8-10; {@link Integer#MIN_VALUE}
 *                                    when absent)
 */
public record MetadataResponse(int throttleTimeMs, List<MetadataResponseBroker> brokers, String clusterId,
        int controllerId, List<MetadataResponseTopic> topics, int clusterAuthorizedOperations) implements ApiMessage {

    /** The value of an authorized-operations field that was not requested. */
    public static final int AUTHORIZED_OPERATIONS_OMITTED = Integer.MIN_VALUE;

    /** Reads the body of a {@code version} Metadata response. */
    public static MetadataResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.METADATA.isFlexible(version);
        int throttleTimeMs = version >= 3 ? in.readInt32() : 0;
        List<MetadataResponseBroker> brokers = in.readArray(flexible, r -> {
            MetadataResponseBroker b = new MetadataResponseBroker(r.readInt32(), r.readString(flexible),
                    r.readInt32(), r.readNullableString(flexible));
            if (flexible) {
                r.skipTaggedFields();
            }
            return b;
        });
        String clusterId = version >= 2 ? in.readNullableString(flexible) : null;
        int controllerId = in.readInt32();
        List<MetadataResponseTopic> topics = in.readArray(flexible, r -> MetadataResponseTopic.read(r, version));
        int clusterOps = version >= 8 && version <= 10 ? in.readInt32() : AUTHORIZED_OPERATIONS_OMITTED;
        if (flexible) {
            in.skipTaggedFields();
        }
        return new MetadataResponse(throttleTimeMs, brokers, clusterId, controllerId, topics, clusterOps);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.METADATA;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 3) {
            out.writeInt32(throttleTimeMs);
        }
        out.writeArray(brokers, flexible, (w, b) -> {
            w.writeInt32(b.nodeId());
            w.writeString(b.host(), flexible);
            w.writeInt32(b.port());
            w.writeNullableString(b.rack(), flexible);
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (version >= 2) {
            out.writeNullableString(clusterId, flexible);
        }
        out.writeInt32(controllerId);
        out.writeArray(topics, flexible, (w, t) -> t.write(w, version));
        if (version >= 8 && version <= 10) {
            out.writeInt32(clusterAuthorizedOperations);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One broker.
     *
     * @param nodeId the broker id
     * @param host   its advertised host
     * @param port   its advertised port
     * @param rack   its rack, or null
     */
    public record MetadataResponseBroker(int nodeId, String host, int port, String rack) {
    }

    /**
     * One topic.
     *
     * @param errorCode                 the topic error, or 0
     * @param name                      the topic name; null only for a topic asked for by an unknown id (v12+)
     * @param topicId                   the topic id (v10+; the zero UUID before or when unknown)
     * @param isInternal                whether the topic is internal
     * @param partitions                the topic's partitions
     * @param topicAuthorizedOperations bitfield of authorized operations (v8+;
     *                                  {@link #AUTHORIZED_OPERATIONS_OMITTED} when absent)
     */
    public record MetadataResponseTopic(short errorCode, String name, UUID topicId, boolean isInternal,
            List<MetadataResponsePartition> partitions, int topicAuthorizedOperations) {

        static MetadataResponseTopic read(WireReader in, short version) {
            boolean flexible = ApiKey.METADATA.isFlexible(version);
            short errorCode = in.readInt16();
            String name = version >= 12 ? in.readNullableString(flexible) : in.readString(flexible);
            UUID topicId = version >= 10 ? in.readUuid() : Uuids.ZERO;
            boolean isInternal = in.readBoolean();
            List<MetadataResponsePartition> partitions = in.readArray(flexible, r -> {
                short partitionError = r.readInt16();
                int partitionIndex = r.readInt32();
                int leaderId = r.readInt32();
                int leaderEpoch = version >= 7 ? r.readInt32() : -1;
                List<Integer> replicaNodes = r.readInt32Array(flexible);
                List<Integer> isrNodes = r.readInt32Array(flexible);
                List<Integer> offlineReplicas = version >= 5 ? r.readInt32Array(flexible) : List.of();
                if (flexible) {
                    r.skipTaggedFields();
                }
                return new MetadataResponsePartition(partitionError, partitionIndex, leaderId, leaderEpoch,
                        replicaNodes, isrNodes, offlineReplicas);
            });
            int topicOps = version >= 8 ? in.readInt32() : AUTHORIZED_OPERATIONS_OMITTED;
            if (flexible) {
                in.skipTaggedFields();
            }
            return new MetadataResponseTopic(errorCode, name, topicId, isInternal, partitions, topicOps);
        }

        void write(WireWriter out, short version) {
            boolean flexible = ApiKey.METADATA.isFlexible(version);
            out.writeInt16(errorCode);
            if (version >= 12) {
                out.writeNullableString(name, flexible);
            } else {
                out.writeString(name, flexible);
            }
            if (version >= 10) {
                out.writeUuid(topicId);
            }
            out.writeBoolean(isInternal);
            out.writeArray(partitions, flexible, (w, p) -> {
                w.writeInt16(p.errorCode());
                w.writeInt32(p.partitionIndex());
                w.writeInt32(p.leaderId());
                if (version >= 7) {
                    w.writeInt32(p.leaderEpoch());
                }
                w.writeInt32Array(p.replicaNodes(), flexible);
                w.writeInt32Array(p.isrNodes(), flexible);
                if (version >= 5) {
                    w.writeInt32Array(p.offlineReplicas(), flexible);
                }
                if (flexible) {
                    w.writeEmptyTaggedFields();
                }
            });
            if (version >= 8) {
                out.writeInt32(topicAuthorizedOperations);
            }
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }

    /**
     * One partition of a topic.
     *
     * @param errorCode       the partition error, or 0
     * @param partitionIndex  the partition index
     * @param leaderId        the leader's broker id, or -1
     * @param leaderEpoch     the leader epoch (v7+; -1 before or when unknown)
     * @param replicaNodes    all replicas
     * @param isrNodes        the in-sync replicas
     * @param offlineReplicas the offline replicas (v5+; empty before)
     */
    public record MetadataResponsePartition(short errorCode, int partitionIndex, int leaderId, int leaderEpoch,
            List<Integer> replicaNodes, List<Integer> isrNodes, List<Integer> offlineReplicas) {
    }
}
