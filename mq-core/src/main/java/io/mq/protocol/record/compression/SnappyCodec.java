package io.mq.protocol.record.compression;

import io.mq.protocol.record.CompressionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.xerial.snappy.SnappyInputStream;
import org.xerial.snappy.SnappyOutputStream;

/** Snappy in snappy-java's ("xerial") framing, the format Kafka writes; snappy has no levels. */
final class SnappyCodec extends StreamCodec {

    @Override
    public CompressionType type() {
        return CompressionType.SNAPPY;
    }

    @Override
    OutputStream compressing(OutputStream out, int level) {
        return new SnappyOutputStream(out);
    }

    @Override
    InputStream decompressing(InputStream in) throws IOException {
        return new SnappyInputStream(in);
    }
}
