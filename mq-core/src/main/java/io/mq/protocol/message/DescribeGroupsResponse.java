package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * DescribeGroups response, versions 0-5 (flexible from 5).
 *
 * @param throttleTimeMs quota throttle time (v1+; 0 before)
 * @param groups         one entry per requested group
 */
public record DescribeGroupsResponse(int throttleTimeMs, List<DescribedGroup> groups) implements ApiMessage {

    /** Authorized-operations value meaning "not requested". */
    public static final int AUTHORIZED_OPERATIONS_OMITTED = Integer.MIN_VALUE;

    /** Decodes a response body of {@code version}. */
    public static DescribeGroupsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.DESCRIBE_GROUPS.isFlexible(version);
        int throttleTimeMs = version >= 1 ? in.readInt32() : 0;
        List<DescribedGroup> groups = in.readArray(flexible, r -> {
            short errorCode = r.readInt16();
            String groupId = r.readString(flexible);
            String groupState = r.readString(flexible);
            String protocolType = r.readString(flexible);
            String protocolData = r.readString(flexible);
            List<DescribedGroupMember> members = r.readArray(flexible, m -> readMember(m, version, flexible));
            int authorizedOperations = version >= 3 ? r.readInt32() : AUTHORIZED_OPERATIONS_OMITTED;
            if (flexible) {
                r.skipTaggedFields();
            }
            return new DescribedGroup(errorCode, groupId, groupState, protocolType, protocolData, members,
                    authorizedOperations);
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new DescribeGroupsResponse(throttleTimeMs, groups);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_GROUPS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 1) {
            out.writeInt32(throttleTimeMs);
        }
        out.writeArray(groups, flexible, (w, group) -> {
            w.writeInt16(group.errorCode());
            w.writeString(group.groupId(), flexible);
            w.writeString(group.groupState(), flexible);
            w.writeString(group.protocolType(), flexible);
            w.writeString(group.protocolData(), flexible);
            w.writeArray(group.members(), flexible, (m, member) -> writeMember(m, member, version, flexible));
            if (version >= 3) {
                w.writeInt32(group.authorizedOperations());
            }
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    private static DescribedGroupMember readMember(WireReader in, short version, boolean flexible) {
        String memberId = in.readString(flexible);
        String groupInstanceId = version >= 4 ? in.readNullableString(flexible) : null;
        String clientId = in.readString(flexible);
        String clientHost = in.readString(flexible);
        byte[] memberMetadata = in.readBytes(flexible);
        byte[] memberAssignment = in.readBytes(flexible);
        if (flexible) {
            in.skipTaggedFields();
        }
        return new DescribedGroupMember(memberId, groupInstanceId, clientId, clientHost, memberMetadata,
                memberAssignment);
    }

    private static void writeMember(WireWriter out, DescribedGroupMember member, short version, boolean flexible) {
        out.writeString(member.memberId(), flexible);
        if (version >= 4) {
            out.writeNullableString(member.groupInstanceId(), flexible);
        }
        out.writeString(member.clientId(), flexible);
        out.writeString(member.clientHost(), flexible);
        out.writeBytes(member.memberMetadata(), flexible);
        out.writeBytes(member.memberAssignment(), flexible);
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One described group.
     *
     * @param errorCode            the error, or 0
     * @param groupId              the group
     * @param groupState           the state name (e.g. {@code "Stable"}, {@code "Dead"}), or empty
     * @param protocolType         the protocol type, or empty
     * @param protocolData         the chosen protocol (assignor) name when stable, or empty
     * @param members              the members (empty for a dead group)
     * @param authorizedOperations bit field of authorized ACL operations (v3+;
     *                             {@link #AUTHORIZED_OPERATIONS_OMITTED} when not requested)
     */
    public record DescribedGroup(short errorCode, String groupId, String groupState, String protocolType,
            String protocolData, List<DescribedGroupMember> members, int authorizedOperations) {
    }

    /**
     * One group member.
     *
     * @param memberId         the member id
     * @param groupInstanceId  the static member id (v4+; {@code null} for dynamic members and before v4)
     * @param clientId         the client id of the member's last JoinGroup
     * @param clientHost       the member's host
     * @param memberMetadata   the member's metadata for the chosen protocol (when stable)
     * @param memberAssignment the member's assignment (when stable)
     */
    public record DescribedGroupMember(String memberId, String groupInstanceId, String clientId, String clientHost,
            byte[] memberMetadata, byte[] memberAssignment) {
    }
}
