package io.mq.protocol.record.compression;

import io.mq.protocol.record.CompressionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzip (RFC 1952) with the JDK's deflater, at Kafka's gzip levels. */
final class GzipCodec extends StreamCodec {

    static final GzipCodec INSTANCE = new GzipCodec();

    private static final int BUFFER_SIZE = 8 * 1024;

    private GzipCodec() {
    }

    @Override
    public CompressionType type() {
        return CompressionType.GZIP;
    }

    @Override
    OutputStream compressing(OutputStream out, int level) throws IOException {
        return new LeveledGzipOutputStream(out, level);
    }

    @Override
    InputStream decompressing(InputStream in) throws IOException {
        return new GZIPInputStream(in, BUFFER_SIZE);
    }

    /** The JDK stream with a chosen level; the level may change until the first byte is deflated. */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {

        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out, BUFFER_SIZE);
            def.setLevel(level);
        }
    }
}
