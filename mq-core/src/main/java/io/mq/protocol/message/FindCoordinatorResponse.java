package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * FindCoordinator response, versions 0-4 (flexible from 3). Versions 0-3 answer one key in the top-level fields;
 * version 4 answers each key in {@code coordinators} and leaves the top-level fields out.
 *
 * @param throttleTimeMs quota throttle time (v1+; 0 before)
 * @param errorCode      the error code, or 0 (v0-3)
 * @param errorMessage   the error message, nullable (v1-3)
 * @param nodeId         the coordinator's node id (v0-3)
 * @param host           the coordinator's host (v0-3)
 * @param port           the coordinator's port (v0-3)
 * @param coordinators   one result per requested key (v4+; empty before)
 */
public record FindCoordinatorResponse(int throttleTimeMs, short errorCode, String errorMessage, int nodeId,
        String host, int port, List<Coordinator> coordinators) implements ApiMessage {

    public static FindCoordinatorResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.FIND_COORDINATOR.isFlexible(version);
        int throttleTimeMs = version >= 1 ? in.readInt32() : 0;
        short errorCode = 0;
        String errorMessage = null;
        int nodeId = 0;
        String host = "";
        int port = 0;
        List<Coordinator> coordinators = List.of();
        if (version <= 3) {
            errorCode = in.readInt16();
            errorMessage = version >= 1 ? in.readNullableString(flexible) : null;
            nodeId = in.readInt32();
            host = in.readString(flexible);
            port = in.readInt32();
        } else {
            coordinators = in.readArray(flexible, Coordinator::read);
        }
        if (flexible) {
            in.skipTaggedFields();
        }
        return new FindCoordinatorResponse(throttleTimeMs, errorCode, errorMessage, nodeId, host, port, coordinators);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.FIND_COORDINATOR;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version >= 1) {
            out.writeInt32(throttleTimeMs);
        }
        if (version <= 3) {
            out.writeInt16(errorCode);
            if (version >= 1) {
                out.writeNullableString(errorMessage, flexible);
            }
            out.writeInt32(nodeId);
            out.writeString(host, flexible);
            out.writeInt32(port);
        } else {
            out.writeArray(coordinators, flexible, (w, c) -> c.write(w));
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The coordinator of one key (v4+, always flexible).
     *
     * @param key          the group id or transactional id
     * @param nodeId       the coordinator's node id
     * @param host         the coordinator's host
     * @param port         the coordinator's port
     * @param errorCode    the error code, or 0
     * @param errorMessage the error message, nullable
     */
    public record Coordinator(String key, int nodeId, String host, int port, short errorCode, String errorMessage) {

        static Coordinator read(WireReader in) {
            Coordinator c = new Coordinator(in.readString(true), in.readInt32(), in.readString(true), in.readInt32(),
                    in.readInt16(), in.readNullableString(true));
            in.skipTaggedFields();
            return c;
        }

        void write(WireWriter out) {
            out.writeString(key, true);
            out.writeInt32(nodeId);
            out.writeString(host, true);
            out.writeInt32(port);
            out.writeInt16(errorCode);
            out.writeNullableString(errorMessage, true);
            out.writeEmptyTaggedFields();
        }
    }
}
