package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * SyncGroup request, versions 0-5 (flexible from 4): after a join, every member asks for its assignment and the
 * leader also hands in everyone's assignment.
 *
 * @param groupId         the group
 * @param generationId    the generation the member joined
 * @param memberId        the member id
 * @param groupInstanceId the static member id (v3+; {@code null} for dynamic members and before v3)
 * @param protocolType    the group's protocol type (v5+; {@code null} before or when not given)
 * @param protocolName    the group's protocol name (v5+; {@code null} before or when not given)
 * @param assignments     the assignment of every member (leader only; empty for followers)
 */
public record SyncGroupRequest(String groupId, int generationId, String memberId, String groupInstanceId,
        String protocolType, String protocolName, List<SyncGroupRequestAssignment> assignments)
        implements ApiMessage {

    /** Decodes a request body of {@code version}. */
    public static SyncGroupRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.SYNC_GROUP.isFlexible(version);
        String groupId = in.readString(flexible);
        int generationId = in.readInt32();
        String memberId = in.readString(flexible);
        String groupInstanceId = version >= 3 ? in.readNullableString(flexible) : null;
        String protocolType = null;
        String protocolName = null;
        if (version >= 5) {
            protocolType = in.readNullableString(flexible);
            protocolName = in.readNullableString(flexible);
        }
        List<SyncGroupRequestAssignment> assignments = in.readArray(flexible, r -> {
            SyncGroupRequestAssignment assignment = new SyncGroupRequestAssignment(r.readString(flexible),
                    r.readBytes(flexible));
            if (flexible) {
                r.skipTaggedFields();
            }
            return assignment;
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new SyncGroupRequest(groupId, generationId, memberId, groupInstanceId, protocolType, protocolName,
                assignments);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.SYNC_GROUP;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeString(groupId, flexible);
        out.writeInt32(generationId);
        out.writeString(memberId, flexible);
        if (version >= 3) {
            out.writeNullableString(groupInstanceId, flexible);
        }
        if (version >= 5) {
            out.writeNullableString(protocolType, flexible);
            out.writeNullableString(protocolName, flexible);
        }
        out.writeArray(assignments, flexible, (w, assignment) -> {
            w.writeString(assignment.memberId(), flexible);
            w.writeBytes(assignment.assignment(), flexible);
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One member's assignment, computed by the leader.
     *
     * @param memberId   the member it is for
     * @param assignment the assignment, opaque to the coordinator
     */
    public record SyncGroupRequestAssignment(String memberId, byte[] assignment) {
    }
}
