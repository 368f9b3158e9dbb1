package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * FindCoordinator request, versions 0-4 (flexible from 3). Versions 0-3 ask for one key, version 4 for a batch.
 *
 * @param key             the group id or transactional id (v0-3; empty from 4)
 * @param keyType         0 for a group, 1 for a transaction (v1+; 0 before)
 * @param coordinatorKeys the keys to look up (v4+; empty before)
 */
public record FindCoordinatorRequest(String key, byte keyType, List<String> coordinatorKeys) implements ApiMessage {

    public static FindCoordinatorRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.FIND_COORDINATOR.isFlexible(version);
        String key = version <= 3 ? in.readString(flexible) : "";
        byte keyType = version >= 1 ? in.readInt8() : 0;
        List<String> coordinatorKeys = version >= 4 ? in.readStringArray(flexible) : List.of();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new FindCoordinatorRequest(key, keyType, coordinatorKeys);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.FIND_COORDINATOR;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        if (version <= 3) {
            out.writeString(key, flexible);
        }
        if (version >= 1) {
            out.writeInt8(keyType);
        }
        if (version >= 4) {
            out.writeStringArray(coordinatorKeys, flexible);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }
}
