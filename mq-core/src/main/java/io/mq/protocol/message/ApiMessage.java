package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireSizer;
import io.mq.protocol.types.WireWriter;

/**
 * A request or response body. Each implementation also offers a static
 * {@code read(WireReader in, short version)} that is the exact inverse of {@link #write}.
 */
public interface ApiMessage {

    /** The API this message belongs to. */
    ApiKey apiKey();

    /** Writes the body (without header) as {@code version} encodes it. */
    void write(WireWriter out, short version);

    /** The exact number of bytes {@link #write} produces at {@code version}. */
    default int sizeInBytes(short version) {
        WireSizer sizer = new WireSizer();
        write(sizer, version);
        return sizer.size();
    }
}
