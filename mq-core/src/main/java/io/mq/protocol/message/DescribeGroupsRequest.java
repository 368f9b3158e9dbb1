package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * DescribeGroups request, versions 0-5 (flexible from 5).
 *
 * @param groups                      the groups to describe
 * @param includeAuthorizedOperations whether to return each group's authorized operations (v3+; false before)
 */
public record DescribeGroupsRequest(List<String> groups, boolean includeAuthorizedOperations) implements ApiMessage {

    /** Decodes a request body of {@code version}. */
    public static DescribeGroupsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.DESCRIBE_GROUPS.isFlexible(version);
        List<String> groups = in.readStringArray(flexible);
        boolean includeAuthorizedOperations = version >= 3 && in.readBoolean();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new DescribeGroupsRequest(groups, includeAuthorizedOperations);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_GROUPS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeStringArray(groups, flexible);
        if (version >= 3) {
            out.writeBoolean(includeAuthorizedOperations);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
