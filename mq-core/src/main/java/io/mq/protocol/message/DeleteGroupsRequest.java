package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * DeleteGroups request, versions 0-2 (flexible from 2).
 *
 * @param groupsNames the groups to delete
 */
public record DeleteGroupsRequest(List<String> groupsNames) implements ApiMessage {

    /** Decodes a request body of {@code version}. */
    public static DeleteGroupsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.DELETE_GROUPS.isFlexible(version);
        List<String> groupsNames = in.readStringArray(flexible);
        if (flexible) {
            in.skipTaggedFields();
        }
        return new DeleteGroupsRequest(groupsNames);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DELETE_GROUPS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeStringArray(groupsNames, flexible);
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
