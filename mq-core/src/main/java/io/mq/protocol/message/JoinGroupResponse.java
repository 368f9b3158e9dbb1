package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * JoinGroup response, versions 2-9 (flexible from 6).
 *
 * @param throttleTimeMs quota throttle time
 * @param errorCode      the error, or 0
 * @param generationId   the group's generation, or -1 on error
 * @param protocolType   the group's protocol type (v7+; {@code null} before or when unknown)
 * @param protocolName   the protocol the coordinator chose ({@code null} only from v7)
 * @param leader         the member id of the group leader
 * @param skipAssignment whether the leader must skip running the assignment (v9+; false before)
 * @param memberId       the member id the coordinator assigned to the requester
 * @param members        every member with its metadata, sent to the leader only (empty for followers)
 */
public record JoinGroupResponse(int throttleTimeMs, short errorCode, int generationId, String protocolType,
        String protocolName, String leader, boolean skipAssignment, String memberId,
        List<JoinGroupResponseMember> members) implements ApiMessage {

    /** Decodes a response body of {@code version}. */
    public static JoinGroupResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.JOIN_GROUP.isFlexible(version);
        int throttleTimeMs = in.readInt32();
        short errorCode = in.readInt16();
        int generationId = in.readInt32();
        String protocolType = version >= 7 ? in.readNullableString(flexible) : null;
        String protocolName = version >= 7 ? in.readNullableString(flexible) : in.readString(flexible);
        String leader = in.readString(flexible);
        boolean skipAssignment = version >= 9 && in.readBoolean();
        String memberId = in.readString(flexible);
        List<JoinGroupResponseMember> members = in.readArray(flexible, r -> {
            String id = r.readString(flexible);
            String groupInstanceId = version >= 5 ? r.readNullableString(flexible) : null;
            JoinGroupResponseMember member = new JoinGroupResponseMember(id, groupInstanceId, r.readBytes(flexible));
            if (flexible) {
                r.skipTaggedFields();
            }
            return member;
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new JoinGroupResponse(throttleTimeMs, errorCode, generationId, protocolType, protocolName, leader,
                skipAssignment, memberId, members);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.JOIN_GROUP;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(throttleTimeMs);
        out.writeInt16(errorCode);
        out.writeInt32(generationId);
        if (version >= 7) {
            out.writeNullableString(protocolType, flexible);
            out.writeNullableString(protocolName, flexible);
        } else {
            out.writeString(protocolName, flexible);
        }
        out.writeString(leader, flexible);
        if (version >= 9) {
            out.writeBoolean(skipAssignment);
        }
        out.writeString(memberId, flexible);
        out.writeArray(members, flexible, (w, member) -> {
            w.writeString(member.memberId(), flexible);
            if (version >= 5) {
                w.writeNullableString(member.groupInstanceId(), flexible);
            }
            w.writeBytes(member.metadata(), flexible);
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One group member, as the leader sees it.
     *
     * @param memberId        the member id
     * @param groupInstanceId the static member id (v5+; {@code null} for dynamic members and before v5)
     * @param metadata        the member's metadata for the chosen protocol
     */
    public record JoinGroupResponseMember(String memberId, String groupInstanceId, byte[] metadata) {
    }
}
