package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * LeaveGroup request, versions 0-5 (flexible from 4). Versions 0-2 remove one member named by
 * {@code memberId}; version 3 and later remove a batch named in {@code members}.
 *
 * @param groupId  the group id
 * @param memberId the member leaving (v0-2; empty from 3)
 * @param members  the members leaving (v3+; empty before)
 */
public record LeaveGroupRequest(String groupId, String memberId, List<MemberIdentity> members) implements ApiMessage {

    public static LeaveGroupRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.LEAVE_GROUP.isFlexible(version);
        String groupId = in.readString(flexible);
        String memberId = "";
        List<MemberIdentity> members = List.of();
        if (version <= 2) {
            memberId = in.readString(flexible);
        } else {
            members = in.readArray(flexible, r -> MemberIdentity.read(r, version));
        }
        if (flexible) {
            in.skipTaggedFields();
        }
        return new LeaveGroupRequest(groupId, memberId, members);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.LEAVE_GROUP;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeString(groupId, flexible);
        if (version <= 2) {
            out.writeString(memberId, flexible);
        } else {
            out.writeArray(members, flexible, (w, m) -> m.write(w, version));
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One leaving member (v3+).
     *
     * @param memberId        the member id
     * @param groupInstanceId the static member's instance id, nullable
     * @param reason          why the member leaves, nullable (v5+; null before)
     */
    public record MemberIdentity(String memberId, String groupInstanceId, String reason) {

        static MemberIdentity read(WireReader in, short version) {
            boolean flexible = ApiKey.LEAVE_GROUP.isFlexible(version);
            String memberId = in.readString(flexible);
            String groupInstanceId = in.readNullableString(flexible);
            String reason = version >= 5 ? in.readNullableString(flexible) : null;
            if (flexible) {
                in.skipTaggedFields();
            }
            return new MemberIdentity(memberId, groupInstanceId, reason);
        }

        void write(WireWriter out, short version) {
            boolean flexible = ApiKey.LEAVE_GROUP.isFlexible(version);
            out.writeString(memberId, flexible);
            out.writeNullableString(groupInstanceId, flexible);
            if (version >= 5) {
                out.writeNullableString(reason, flexible);
            }
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }
}
