package io.mq.protocol;

import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;

/**
 * Response header v0 (correlation id) or v1 (adds a tagged-field section). Which one applies is decided by
 * {@link ApiKey#responseHeaderVersion(short)}: ApiVersions responses always use v0.
 *
 * @param correlationId the correlation id of the request answered
 */
public record ResponseHeader(int correlationId) {

    /** Reads a header of {@code headerVersion} (0 or 1). */
    public static ResponseHeader read(WireReader in, short headerVersion) {
        int correlationId = in.readInt32();
        if (headerVersion >= 1) {
            in.skipTaggedFields();
        }
        return new ResponseHeader(correlationId);
    }

    /** Writes this header as {@code headerVersion} (0 or 1). */
    public void write(WireWriter out, short headerVersion) {
        out.writeInt32(correlationId);
        if (headerVersion >= 1) {
            out.writeEmptyTaggedFields();
        }
    }
}
