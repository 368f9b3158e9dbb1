package io.mq.protocol.record.compression;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.mq.protocol.record.CompressionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Zstandard standard frames via zstd-jni, with its recycled native-side buffers. */
final class ZstdCodec extends StreamCodec {

    @Override
    public CompressionType type() {
        return CompressionType.ZSTD;
    }

    @Override
    OutputStream compressing(OutputStream out, int level) throws IOException {
        return new ZstdOutputStreamNoFinalizer(out, RecyclingBufferPool.INSTANCE, level);
    }

    @Override
    InputStream decompressing(InputStream in) throws IOException {
        return new ZstdInputStreamNoFinalizer(in, RecyclingBufferPool.INSTANCE);
    }
}
