package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * SyncGroup response, versions 0-5 (flexible from 4).
 *
 * @param throttleTimeMs quota throttle time (v1+; 0 before)
 * @param errorCode      the error, or 0
 * @param protocolType   the group's protocol type (v5+; {@code null} before or when unknown)
 * @param protocolName   the group's protocol name (v5+; {@code null} before or when unknown)
 * @param assignment     this member's assignment
 */
public record SyncGroupResponse(int throttleTimeMs, short errorCode, String protocolType, String protocolName,
        byte[] assignment) implements ApiMessage {

    /** Decodes a response body of {@code version}. */
    public static SyncGroupResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.SYNC_GROUP.isFlexible(version);
        int throttleTimeMs = version >= 1 ? in.readInt32() : 0;
        short errorCode = in.readInt16();
        String protocolType = null;
        String protocolName = null;
        if (version >= 5) {
            protocolType = in.readNullableString(flexible);
            protocolName = in.readNullableString(flexible);
        }
        byte[] assignment = in.readBytes(flexible);
        if (flexible) {
            in.skipTaggedFields();
        }
        return new SyncGroupResponse(throttleTimeMs, errorCode, protocolType, protocolName, assignment);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.SYNC_GROUP;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 1) {
            out.writeInt32(throttleTimeMs);
        }
        out.writeInt16(errorCode);
        if (version >= 5) {
            out.writeNullableString(protocolType, flexible);
            out.writeNullableString(protocolName, flexible);
        }
        out.writeBytes(assignment, flexible);
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
