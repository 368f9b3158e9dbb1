package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * DescribeCluster request, versions 0-1 (all flexible).
 *
 * @param includeClusterAuthorizedOperations whether to return the cluster's authorized operations
 * @param endpointType                       1 brokers, 2 controllers (v1+; 1 before)
 */
public record DescribeClusterRequest(boolean includeClusterAuthorizedOperations, byte endpointType)
        implements ApiMessage {

    /** Reads the body of a {@code version} DescribeCluster request. */
    public static DescribeClusterRequest read(WireReader in, short version) {
        boolean includeOps = in.readBoolean();
        byte endpointType = version >= 1 ? in.readInt8() : 1;
        in.skipTaggedFields();
        return new DescribeClusterRequest(includeOps, endpointType);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_CLUSTER;
    }

    @Override
    public void write(WireWriter out, short version) {
        out.writeBoolean(includeClusterAuthorizedOperations);
        if (version >= 1) {
            out.writeInt8(endpointType);
        }
        out.writeEmptyTaggedFields();
    }
}
