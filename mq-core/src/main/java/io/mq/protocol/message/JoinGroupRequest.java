package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * JoinGroup request, versions 2-9 (flexible from 6): a member asks to join (or rejoin) a classic group.
 *
 * @param groupId            the group to join
 * @param sessionTimeoutMs   the coordinator drops the member after this long without a heartbeat
 * @param rebalanceTimeoutMs how long the coordinator waits for members to rejoin during a rebalance
 * @param memberId           the member id assigned by the coordinator, or empty on the first join
 * @param groupInstanceId    the static member id (v5+; {@code null} for dynamic members and before v5)
 * @param protocolType       the class of protocols, e.g. {@code "consumer"}
 * @param protocols          the protocols the member supports, in preference order
 * @param reason             why the member (re-)joins (v8+; {@code null} before or when not given)
 */
public record JoinGroupRequest(String groupId, int sessionTimeoutMs, int rebalanceTimeoutMs, String memberId,
        String groupInstanceId, String protocolType, List<JoinGroupRequestProtocol> protocols, String reason)
        implements ApiMessage {

    /** Decodes a request body of {@code version}. */
    public static JoinGroupRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.JOIN_GROUP.isFlexible(version);
        String groupId = in.readString(flexible);
        int sessionTimeoutMs = in.readInt32();
        int rebalanceTimeoutMs = in.readInt32();
        String memberId = in.readString(flexible);
        String groupInstanceId = version >= 5 ? in.readNullableString(flexible) : null;
        String protocolType = in.readString(flexible);
        List<JoinGroupRequestProtocol> protocols = in.readArray(flexible, r -> {
            JoinGroupRequestProtocol protocol = new JoinGroupRequestProtocol(r.readString(flexible),
                    r.readBytes(flexible));
            if (flexible) {
                r.skipTaggedFields();
            }
            return protocol;
        });
        String reason = version >= 8 ? in.readNullableString(flexible) : null;
        if (flexible) {
            in.skipTaggedFields();
        }
        return new JoinGroupRequest(groupId, sessionTimeoutMs, rebalanceTimeoutMs, memberId, groupInstanceId,
                protocolType, protocols, reason);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.JOIN_GROUP;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeString(groupId, flexible);
        out.writeInt32(sessionTimeoutMs);
        out.writeInt32(rebalanceTimeoutMs);
        out.writeString(memberId, flexible);
        if (version >= 5) {
            out.writeNullableString(groupInstanceId, flexible);
        }
        out.writeString(protocolType, flexible);
        out.writeArray(protocols, flexible, (w, protocol) -> {
            w.writeString(protocol.name(), flexible);
            w.writeBytes(protocol.metadata(), flexible);
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (version >= 8) {
            out.writeNullableString(reason, flexible);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One protocol the member supports.
     *
     * @param name     the protocol (assignor) name, e.g. {@code "range"}
     * @param metadata the protocol's member metadata, opaque to the coordinator
     */
    public record JoinGroupRequestProtocol(String name, byte[] metadata) {
    }
}
