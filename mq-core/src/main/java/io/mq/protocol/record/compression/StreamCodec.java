package io.mq.protocol.record.compression;

import io.mq.protocol.record.CorruptRecordException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A codec built on a library's compressing and decompressing streams: subclasses only say how to wrap a stream.
 * Bytes flow straight between the buffers and the library streams.
 */
abstract class StreamCodec implements CompressionCodec {

    private static final int CHUNK = 16 * 1024;

    /** Wraps {@code out} so that bytes written to the result are compressed into it at {@code level}. */
    abstract OutputStream compressing(OutputStream out, int level) throws IOException;

    /** Wraps {@code in} so that reading the result decompresses it. */
    abstract InputStream decompressing(InputStream in) throws IOException;

    @Override
    public final void compress(ByteBuf src, ByteBuf dst, int level) {
        try (OutputStream out = compressing(new ByteBufOutputStream(dst), level)) {
            if (src.isReadable()) {
                src.readBytes(out, src.readableBytes());
            }
            // Kafka flushes its compressing stream before closing it (zstd then ends with an empty block): do the
            // same so the bytes are identical to Kafka's
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(type().configName() + " compression failed", e);
        }
    }

    @Override
    public final void decompress(ByteBuf src, ByteBuf dst, int maxLength) {
        int start = dst.writerIndex();
        try (InputStream in = decompressing(new ByteBufInputStream(src))) {
            while (true) {
                int room = maxLength - (dst.writerIndex() - start);
                // with no room left, one more byte tells an exactly full stream from an oversized one
                if (dst.writeBytes(in, Math.max(1, Math.min(CHUNK, room))) < 0) {
                    return;
                }
                if (dst.writerIndex() - start > maxLength) {
                    throw new CorruptRecordException(type().configName() + " records decompress to more than "
                            + maxLength + " bytes");
                }
            }
        } catch (CorruptRecordException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptRecordException("malformed " + type().configName() + " stream: " + e.getMessage(), e);
        }
    }
}
