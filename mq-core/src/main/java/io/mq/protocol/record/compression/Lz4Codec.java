package io.mq.protocol.record.compression;

import io.mq.protocol.record.CompressionType;
import io.mq.protocol.record.CorruptRecordException;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The LZ4 frame format as Kafka writes it: magic, a descriptor with independent 64 KiB blocks and no checksums,
 * blocks (stored raw when compression does not shrink them), and an end mark. Like Kafka, the default level uses
 * LZ4's fast compressor and other levels its high compressor. Reading also accepts the optional frame fields
 * (content size, block and content checksums) other producers may set. Blocks go buffer to buffer, with no copies.
 */
final class Lz4Codec implements CompressionCodec {

    private static final int MAGIC = 0x184D2204;
    private static final int VERSION = 1;
    private static final int FLG_BLOCK_INDEPENDENCE = 0x20;
    private static final int FLG_BLOCK_CHECKSUM = 0x10;
    private static final int FLG_CONTENT_SIZE = 0x08;
    private static final int FLG_CONTENT_CHECKSUM = 0x04;
    private static final int FLG_RESERVED = 0x03;
    private static final int BD_RESERVED = 0x8F;
    private static final int BLOCK_SIZE_64KB = 4;
    private static final int WRITE_BLOCK_SIZE = 1 << (2 * BLOCK_SIZE_64KB + 8);
    private static final int UNCOMPRESSED_BLOCK = 0x80000000;

    private static final byte WRITE_FLG = (byte) (VERSION << 6 | FLG_BLOCK_INDEPENDENCE);
    private static final byte WRITE_BD = (byte) (BLOCK_SIZE_64KB << 4);

    private final LZ4Factory factory = LZ4Factory.fastestInstance();
    private final LZ4SafeDecompressor decompressor = factory.safeDecompressor();
    private final XXHash32 hash = XXHashFactory.fastestInstance().hash32();
    private final byte writeHeaderChecksum = headerChecksum(new byte[] {WRITE_FLG, WRITE_BD}, 0, 2);

    @Override
    public CompressionType type() {
        return CompressionType.LZ4;
    }

    @Override
    public void compress(ByteBuf src, ByteBuf dst, int level) {
        LZ4Compressor compressor = level == CompressionType.LZ4.defaultLevel() ? factory.fastCompressor()
                : factory.highCompressor(level);
        dst.writeIntLE(MAGIC).writeByte(WRITE_FLG).writeByte(WRITE_BD).writeByte(writeHeaderChecksum);
        while (src.isReadable()) {
            int blockLength = Math.min(src.readableBytes(), WRITE_BLOCK_SIZE);
            int maxCompressed = compressor.maxCompressedLength(blockLength);
            dst.ensureWritable(4 + maxCompressed);
            int sizeIndex = dst.writerIndex();
            ByteBuffer in = src.nioBuffer(src.readerIndex(), blockLength);
            ByteBuffer out = dst.nioBuffer(sizeIndex + 4, maxCompressed);
            int compressed = compressor.compress(in, in.position(), blockLength, out, out.position(), maxCompressed);
            if (compressed < blockLength) {
                dst.setIntLE(sizeIndex, compressed);
                dst.writerIndex(sizeIndex + 4 + compressed);
            } else {
                dst.setIntLE(sizeIndex, blockLength | UNCOMPRESSED_BLOCK);
                dst.setBytes(sizeIndex + 4, src, src.readerIndex(), blockLength);
                dst.writerIndex(sizeIndex + 4 + blockLength);
            }
            src.skipBytes(blockLength);
        }
        dst.writeIntLE(0);
    }

    @Override
    public void decompress(ByteBuf src, ByteBuf dst, int maxLength) {
        int start = dst.writerIndex();
        require(src, 7);
        if (src.readIntLE() != MAGIC) {
            throw corrupt("bad magic");
        }
        int descriptorStart = src.readerIndex();
        int flg = src.readUnsignedByte();
        int bd = src.readUnsignedByte();
        if (flg >>> 6 != VERSION || (flg & FLG_RESERVED) != 0 || (flg & FLG_BLOCK_INDEPENDENCE) == 0
                || (bd & BD_RESERVED) != 0 || (bd >>> 4) < 4) {
            throw corrupt("unsupported frame descriptor");
        }
        int maxBlockSize = 1 << (2 * (bd >>> 4) + 8);
        if ((flg & FLG_CONTENT_SIZE) != 0) {
            require(src, 9);
            src.skipBytes(8);
        }
        byte expected = headerChecksum(src, descriptorStart, src.readerIndex() - descriptorStart);
        if (src.readByte() != expected) {
            throw corrupt("bad frame descriptor checksum");
        }
        boolean blockChecksum = (flg & FLG_BLOCK_CHECKSUM) != 0;
        while (true) {
            require(src, 4);
            int blockSize = src.readIntLE();
            if (blockSize == 0) {
                break;
            }
            int length = blockSize & ~UNCOMPRESSED_BLOCK;
            if (length > maxBlockSize) {
                throw corrupt("block of " + length + " bytes exceeds the frame's " + maxBlockSize);
            }
            require(src, blockChecksum ? length + 4 : length);
            int blockStart = src.readerIndex();
            if (blockChecksum && hash(src, blockStart, length) != src.getIntLE(blockStart + length)) {
                throw corrupt("bad block checksum");
            }
            int room = maxLength - (dst.writerIndex() - start);
            if ((blockSize & UNCOMPRESSED_BLOCK) != 0) {
                if (length > room) {
                    throw tooLarge(maxLength);
                }
                dst.writeBytes(src, blockStart, length);
            } else {
                int limit = Math.min(maxBlockSize, room);
                dst.ensureWritable(limit);
                ByteBuffer in = src.nioBuffer(blockStart, length);
                ByteBuffer out = dst.nioBuffer(dst.writerIndex(), limit);
                try {
                    int decompressed = decompressor.decompress(in, in.position(), length, out, out.position(), limit);
                    dst.writerIndex(dst.writerIndex() + decompressed);
                } catch (LZ4Exception e) {
                    throw limit < maxBlockSize ? tooLarge(maxLength) : corrupt("malformed block", e);
                }
            }
            src.readerIndex(blockStart + (blockChecksum ? length + 4 : length));
        }
        if ((flg & FLG_CONTENT_CHECKSUM) != 0) {
            require(src, 4);
            if (hash(dst, start, dst.writerIndex() - start) != src.readIntLE()) {
                throw corrupt("bad content checksum");
            }
        }
    }

    private int hash(ByteBuf buffer, int index, int length) {
        ByteBuffer bytes = buffer.nioBuffer(index, length);
        return hash.hash(bytes, bytes.position(), length, 0);
    }

    private byte headerChecksum(ByteBuf buffer, int index, int length) {
        return (byte) (hash(buffer, index, length) >> 8);
    }

    private byte headerChecksum(byte[] descriptor, int index, int length) {
        return (byte) (hash.hash(descriptor, index, length, 0) >> 8);
    }

    private static void require(ByteBuf src, int length) {
        if (src.readableBytes() < length) {
            throw corrupt("stream ends early");
        }
    }

    private static CorruptRecordException tooLarge(int maxLength) {
        return new CorruptRecordException("lz4 records decompress to more than " + maxLength + " bytes");
    }

    private static CorruptRecordException corrupt(String reason) {
        return new CorruptRecordException("malformed lz4 stream: " + reason);
    }

    private static CorruptRecordException corrupt(String reason, Throwable cause) {
        return new CorruptRecordException("malformed lz4 stream: " + reason, cause);
    }
}
