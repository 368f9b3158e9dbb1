package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * DeleteGroups response, versions 0-2 (flexible from 2).
 *
 * @param throttleTimeMs quota throttle time
 * @param results        the result per requested group
 */
public record DeleteGroupsResponse(int throttleTimeMs, List<DeletableGroupResult> results) implements ApiMessage {

    /** Decodes a response body of {@code version}. */
    public static DeleteGroupsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.DELETE_GROUPS.isFlexible(version);
        int throttleTimeMs = in.readInt32();
        List<DeletableGroupResult> results = in.readArray(flexible, r -> {
            DeletableGroupResult result = new DeletableGroupResult(r.readString(flexible), r.readInt16());
            if (flexible) {
                r.skipTaggedFields();
            }
            return result;
        });
        if (flexible) {
            in.skipTaggedFields();
        }
        return new DeleteGroupsResponse(throttleTimeMs, results);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DELETE_GROUPS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(throttleTimeMs);
        out.writeArray(results, flexible, (w, result) -> {
            w.writeString(result.groupId(), flexible);
            w.writeInt16(result.errorCode());
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The deletion result for one group.
     *
     * @param groupId   the group
     * @param errorCode the error (e.g. {@code NON_EMPTY_GROUP}), or 0 when deleted
     */
    public record DeletableGroupResult(String groupId, short errorCode) {
    }
}
