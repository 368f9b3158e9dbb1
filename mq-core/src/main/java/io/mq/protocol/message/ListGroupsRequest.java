package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * ListGroups request, versions 0-5 (flexible from 3): lists the groups this broker coordinates.
 *
 * @param statesFilter only groups in these states (v4+; empty means all)
 * @param typesFilter  only groups of these types (v5+; empty means all)
 */
public record ListGroupsRequest(List<String> statesFilter, List<String> typesFilter) implements ApiMessage {

    /** Decodes a request body of {@code version}. */
    public static ListGroupsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.LIST_GROUPS.isFlexible(version);
        List<String> statesFilter = version >= 4 ? in.readStringArray(flexible) : List.of();
        List<String> typesFilter = version >= 5 ? in.readStringArray(flexible) : List.of();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new ListGroupsRequest(statesFilter, typesFilter);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.LIST_GROUPS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 4) {
            out.writeStringArray(statesFilter, flexible);
        }
        if (version >= 5) {
            out.writeStringArray(typesFilter, flexible);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
