package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * ListGroups response, versions 0-5 (flexible from 3).
 *
 * @param throttleTimeMs quota throttle time (v1+; 0 before)
 * @param errorCode      the error, or 0
 * @param groups         the groups this broker coordinates
 */
public record ListGroupsResponse(int throttleTimeMs, short errorCode, List<ListedGroup> groups)
        implements ApiMessage {

    /** Decodes a response body of {@code version}. */
    public static ListGroupsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.LIST_GROUPS.isFlexible(version);
        int throttleTimeMs = version >= 1 ? in.readInt32() : 0;
        short errorCode = in.readInt16();
        List<ListedGroup> groups = in.readArray(flexible, r -> {
            String groupId = r.readString(flexible);
            String protocolType = r.readString(flexible);
            String groupState = version >= 4 ? r.readString(flexible) : "";
            String groupType = version >= 5 ? r.readString(flexible) : "";
            if (flexible) {
                r.skipTaggedFields();
            }
            return new ListedGroup(groupId, protocolType, groupState, groupType);
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new ListGroupsResponse(throttleTimeMs, errorCode, groups);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.LIST_GROUPS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 1) {
            out.writeInt32(throttleTimeMs);
        }
        out.writeInt16(errorCode);
        out.writeArray(groups, flexible, (w, group) -> {
            w.writeString(group.groupId(), flexible);
            w.writeString(group.protocolType(), flexible);
            if (version >= 4) {
                w.writeString(group.groupState(), flexible);
            }
            if (version >= 5) {
                w.writeString(group.groupType(), flexible);
            }
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One group.
     *
     * @param groupId      the group
     * @param protocolType the group's protocol type, e.g. {@code "consumer"}, or empty
     * @param groupState   the group's state name, e.g. {@code "Stable"} (v4+; empty before)
     * @param groupType    the group's type, e.g. {@code "classic"} (v5+; empty before)
     */
    public record ListedGroup(String groupId, String protocolType, String groupState, String groupType) {
    }
}
