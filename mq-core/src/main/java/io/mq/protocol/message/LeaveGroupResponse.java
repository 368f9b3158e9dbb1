package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * LeaveGroup response, versions 0-5 (flexible from 4).
 *
 * @param throttleTimeMs quota throttle time (v1+; 0 before)
 * @param errorCode      the group-level error code, or 0
 * @param members        one result per leaving member (v3+; empty before)
 */
public record LeaveGroupResponse(int throttleTimeMs, short errorCode, List<MemberResponse> members)
        implements ApiMessage {

    public static LeaveGroupResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.LEAVE_GROUP.isFlexible(version);
        int throttleTimeMs = version >= 1 ? in.readInt32() : 0;
        short errorCode = in.readInt16();
        List<MemberResponse> members = List.of();
        if (version >= 3) {
            members = in.readArray(flexible, r -> {
                MemberResponse m = new MemberResponse(r.readString(flexible), r.readNullableString(flexible),
                        r.readInt16());
                if (flexible) {
                    r.skipTaggedFields();
                }
                return m;
            });
        }
        if (flexible) {
            in.skipTaggedFields();
        }
        return new LeaveGroupResponse(throttleTimeMs, errorCode, members);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.LEAVE_GROUP;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 1) {
            out.writeInt32(throttleTimeMs);
        }
        out.writeInt16(errorCode);
        if (version >= 3) {
            out.writeArray(members, flexible, (w, m) -> {
                w.writeString(m.memberId(), flexible);
                w.writeNullableString(m.groupInstanceId(), flexible);
                w.writeInt16(m.errorCode());
                if (flexible) {
                    w.writeEmptyTaggedFields();
                }
            });
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The outcome for one leaving member.
     *
     * @param memberId        the member id
     * @param groupInstanceId the static member's instance id, nullable
     * @param errorCode       the error code, or 0
     */
    public record MemberResponse(String memberId, String groupInstanceId, short errorCode) {
    }
}
