package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * DescribeCluster response, versions 0-1 (all flexible).
 *
 * @param throttleTimeMs              quota throttle time
 * @param errorCode                   the top-level error code, or 0
 * @param errorMessage                the top-level error message, or null
 * @param endpointType                1 brokers, 2 controllers (v1+; 1 before)
 * @param clusterId                   the cluster id
 * @param controllerId                the controller's broker id, or -1
 * @param brokers                     the brokers (or controllers) described
 * @param clusterAuthorizedOperations bitfield of authorized operations, or {@link Integer#MIN_VALUE} if not asked
 */
public record DescribeClusterResponse(int throttleTimeMs, short errorCode, String errorMessage, byte endpointType,
        String clusterId, int controllerId, List<DescribeClusterBroker> brokers, int clusterAuthorizedOperations)
        implements ApiMessage {

    /** Reads the body of a {@code version} DescribeCluster response. */
    public static DescribeClusterResponse read(WireReader in, short version) {
        int throttleTimeMs = in.readInt32();
        short errorCode = in.readInt16();
        String errorMessage = in.readNullableString(true);
        byte endpointType = version >= 1 ? in.readInt8() : 1;
        String clusterId = in.readString(true);
        int controllerId = in.readInt32();
        List<DescribeClusterBroker> brokers = in.readArray(true, r -> {
            DescribeClusterBroker b = new DescribeClusterBroker(r.readInt32(), r.readString(true), r.readInt32(),
                    r.readNullableString(true));
            r.skipTaggedFields();
            return b;
        });
        int clusterAuthorizedOperations = in.readInt32();
        in.skipTaggedFields();
        return new DescribeClusterResponse(throttleTimeMs, errorCode, errorMessage, endpointType, clusterId,
                controllerId, brokers, clusterAuthorizedOperations);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_CLUSTER;
    }

    @Override
    public void write(WireWriter out, short version) {
        out.writeInt32(throttleTimeMs);
        out.writeInt16(errorCode);
        out.writeNullableString(errorMessage, true);
        if (version >= 1) {
            out.writeInt8(endpointType);
        }
        out.writeString(clusterId, true);
        out.writeInt32(controllerId);
        out.writeArray(brokers, true, (w, b) -> {
            w.writeInt32(b.brokerId());
            w.writeString(b.host(), true);
            w.writeInt32(b.port());
            w.writeNullableString(b.rack(), true);
            w.writeEmptyTaggedFields();
        });
        out.writeInt32(clusterAuthorizedOperations);
        out.writeEmptyTaggedFields();
    }

    /**
     * One broker.
     *
     * @param brokerId the broker id
     * @param host     its advertised host
     * @param port     its advertised port
     * @param rack     its rack, or null
     */
    public record DescribeClusterBroker(int brokerId, String host, int port, String rack) {
    }
}
