package io.mq.protocol.record.compression;

import io.mq.protocol.record.CompressionType;
import java.util.function.Supplier;

/**
 * Finds the codec for a compression type. Gzip comes with the JDK; snappy, lz4 and zstd need their optional
 * libraries. Each library is looked for once, the first time its codec is asked for; when it is absent every
 * request fails with a {@link MissingCodecException} naming the Maven coordinates to add.
 */
public final class CompressionCodecs {

    private CompressionCodecs() {
    }

    /**
     * The codec for {@code type}.
     *
     * @throws IllegalArgumentException if {@code type} is {@link CompressionType#NONE}, which has no codec
     * @throws MissingCodecException    if the codec's library is not on the classpath
     */
    public static CompressionCodec forType(CompressionType type) {
        return switch (type) {
            case NONE -> throw new IllegalArgumentException("compression type none has no codec");
            case GZIP -> GzipCodec.INSTANCE;
            case SNAPPY -> SnappyHolder.CODEC.get();
            case LZ4 -> Lz4Holder.CODEC.get();
            case ZSTD -> ZstdHolder.CODEC.get();
        };
    }

    /** The codec, or the reason it cannot be had. Codec classes are only loaded once their library is found. */
    private record Availability(CompressionCodec codec, String missing) {

        static Availability probe(CompressionType type, String libraryClass, String coordinates,
                Supplier<CompressionCodec> codec) {
            try {
                Class.forName(libraryClass, false, CompressionCodecs.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return new Availability(null,
                        type.configName() + " compression needs " + coordinates + " on the classpath");
            }
            return new Availability(codec.get(), null);
        }

        CompressionCodec get() {
            if (codec == null) {
                throw new MissingCodecException(missing);
            }
            return codec;
        }
    }

    private static final class SnappyHolder {
        static final Availability CODEC = Availability.probe(CompressionType.SNAPPY,
                "org.xerial.snappy.SnappyOutputStream", "org.xerial.snappy:snappy-java", () -> new SnappyCodec());
    }

    private static final class Lz4Holder {
        static final Availability CODEC = Availability.probe(CompressionType.LZ4,
                "net.jpountz.lz4.LZ4Factory", "at.yawk.lz4:lz4-java", () -> new Lz4Codec());
    }

    private static final class ZstdHolder {
        static final Availability CODEC = Availability.probe(CompressionType.ZSTD,
                "com.github.luben.zstd.ZstdOutputStreamNoFinalizer", "com.github.luben:zstd-jni", () -> new ZstdCodec());
    }
}
