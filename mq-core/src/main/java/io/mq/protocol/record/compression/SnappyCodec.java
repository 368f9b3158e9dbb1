package io.mq.protocol.record.compression;

import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.CorruptRecordException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyOutputStream;

/**
 * Snappy in snappy-java's ("xerial") framing, the format Kafka writes: a 16-byte header (magic, version, compatible
 * version) then chunks of a big-endian int32 length and a raw snappy block. Snappy has no levels. Compression uses
 * snappy-java's own stream. Decompression parses the framing itself so that every chunk length and every declared
 * uncompressed length is checked before anything is allocated (snappy-java's stream trusts them); like that stream,
 * it also accepts further headers between chunks and input without a header as one raw snappy block.
 */
final class SnappyCodec implements CompressionCodec {

    private static final byte[] MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
    private static final int HEADER_SIZE = MAGIC.length + 8;

    @Override
    public CompressionType type() {
        return CompressionType.SNAPPY;
    }

    @Override
    public void compress(ByteBuf src, ByteBuf dst, int level) {
        try (OutputStream out = new SnappyOutputStream(new ByteBufOutputStream(dst))) {
            if (src.isReadable()) {
                src.readBytes(out, src.readableBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("snappy compression failed", e);
        }
    }

    @Override
    public void decompress(ByteBuf src, ByteBuf dst, int maxLength) {
        int start = dst.writerIndex();
        try {
            if (!startsWithHeader(src)) {
                uncompressBlock(src, src.readableBytes(), dst, start, maxLength);
                return;
            }
            while (src.isReadable()) {
                if (startsWithHeader(src)) {
                    src.skipBytes(HEADER_SIZE);
                    continue;
                }
                if (src.readableBytes() < 4) {
                    throw new CorruptRecordException("malformed snappy stream: chunk length cut short");
                }
                int chunkLength = src.readInt();
                if (chunkLength < 0 || chunkLength > src.readableBytes()) {
                    throw new CorruptRecordException("malformed snappy stream: chunk of " + chunkLength + " bytes with "
                            + src.readableBytes() + " left");
                }
                uncompressBlock(src, chunkLength, dst, start, maxLength);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptRecordException corrupt) {
                throw corrupt;
            }
            throw new CorruptRecordException("malformed snappy stream: " + e.getMessage(), e);
        }
    }

    /**
     * Uncompresses the raw snappy block of {@code length} bytes at {@code src}'s reader index into {@code dst}, which
     * may hold at most {@code maxLength} bytes from {@code start}.
     */
    private static void uncompressBlock(ByteBuf src, int length, ByteBuf dst, int start, int maxLength)
            throws IOException {
        byte[] in;
        int inOffset;
        if (src.hasArray()) {
            in = src.array();
            inOffset = src.arrayOffset() + src.readerIndex();
        } else {
            in = ByteBufUtil.getBytes(src, src.readerIndex(), length);
            inOffset = 0;
        }
        src.skipBytes(length);
        int uncompressedLength = Snappy.uncompressedLength(in, inOffset, length);
        if (uncompressedLength < 0) {
            throw new CorruptRecordException("malformed snappy stream: block claims " + uncompressedLength + " bytes");
        }
        if (uncompressedLength > maxLength - (dst.writerIndex() - start)) {
            throw new CorruptRecordException("snappy records decompress to more than " + maxLength + " bytes");
        }
        dst.ensureWritable(uncompressedLength);
        if (dst.hasArray()) {
            int written = Snappy.uncompress(in, inOffset, length, dst.array(), dst.arrayOffset() + dst.writerIndex());
            dst.writerIndex(dst.writerIndex() + written);
        } else {
            byte[] out = new byte[uncompressedLength];
            int written = Snappy.uncompress(in, inOffset, length, out, 0);
            dst.writeBytes(out, 0, written);
        }
    }

    private static boolean startsWithHeader(ByteBuf src) {
        if (src.readableBytes() < HEADER_SIZE) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (src.getByte(src.readerIndex() + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
