package io.mq.protocol.record.compression;

import io.mq.protocol.record.CompressionType;
import io.netty.buffer.ByteBuf;

/**
 * Compresses and decompresses the records section of a batch, buffer to buffer, in Kafka's stream format for
 * {@link #type()}. Implementations are stateless and thread-safe; obtain them from {@link CompressionCodecs}.
 */
public interface CompressionCodec {

    /** The compression type this codec implements. */
    CompressionType type();

    /**
     * Compresses the readable bytes of {@code src} (advancing its reader index to its writer index) and appends
     * the compressed stream to {@code dst}.
     *
     * @param level a level {@linkplain CompressionType#isValidLevel(int) valid} for {@link #type()}; ignored by codecs
     *              without levels
     */
    void compress(ByteBuf src, ByteBuf dst, int level);

    /**
     * Decompresses the stream held in the readable bytes of {@code src} and appends the result to {@code dst}.
     *
     * @param maxLength the most bytes the stream may decompress to
     * @throws io.mq.protocol.record.CorruptRecordException if the stream is malformed or decompresses to more than
     *                                                      {@code maxLength} bytes
     */
    void decompress(ByteBuf src, ByteBuf dst, int maxLength);
}
