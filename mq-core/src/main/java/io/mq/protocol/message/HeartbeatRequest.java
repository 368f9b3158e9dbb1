package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * Heartbeat request, versions 0-4 (flexible from 4).
 *
 * @param groupId         the group id
 * @param generationId    the generation the member belongs to
 * @param memberId        the member id
 * @param groupInstanceId the static member's instance id, nullable (v3+; null before)
 */
public record HeartbeatRequest(String groupId, int generationId, String memberId, String groupInstanceId)
        implements ApiMessage {

    public static HeartbeatRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.HEARTBEAT.isFlexible(version);
        String groupId = in.readString(flexible);
        int generationId = in.readInt32();
        String memberId = in.readString(flexible);
        String groupInstanceId = version >= 3 ? in.readNullableString(flexible) : null;
        if (flexible) {
            in.skipTaggedFields();
        }
        return new HeartbeatRequest(groupId, generationId, memberId, groupInstanceId);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.HEARTBEAT;
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
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
