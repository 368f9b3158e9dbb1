package io.mq.protocol.record;

import static io.mq.protocol.record.KafkaRecords.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.record.compression.CompressionCodec;
import io.mq.protocol.record.compression.CompressionCodecs;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.stream.Stream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.utils.BufferSupplier;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each codec's raw stream against kafka-clients' streams, limits, malformed input and missing libraries. */
class CompressionCodecsTest {

    private static final byte KAFKA_MAGIC = 2;

    private final TrackingAllocator allocator = new TrackingAllocator();

    @AfterEach
    void everyBufferReleased() {
        allocator.assertAllReleased();
    }

    /** Codec × data size: empty, one byte, around one lz4 block, several blocks. */
    static Stream<Arguments> codecsAndSizes() {
        return Stream.of(CompressionType.GZIP, CompressionType.SNAPPY, CompressionType.LZ4, CompressionType.ZSTD)
                .flatMap(type -> Stream.of(0, 1, 65535, 65536, 65537, 300_000)
                        .map(size -> Arguments.of(type, size)));
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("codecsAndSizes")
    void oursReadsKafkasStreamAndKafkaReadsOurs(CompressionType type, int size) throws IOException {
        byte[] data = data(size, size);
        CompressionCodec codec = CompressionCodecs.forType(type);
        Compression kafka = KafkaRecords.compression(type, type.hasLevels() ? type.defaultLevel() : 0);

        byte[] kafkaCompressed = kafkaCompress(kafka, data);
        byte[] ourCompressed = compress(codec, data, type.hasLevels() ? type.defaultLevel() : 0);

        assertThat(decompress(codec, kafkaCompressed, size)).isEqualTo(data);
        assertThat(kafkaDecompress(kafka, ourCompressed)).isEqualTo(data);
        assertThat(ourCompressed).isEqualTo(kafkaCompressed);
    }

    @Test
    void lz4ReadsFramesWithContentSizeAndChecksums() throws IOException {
        byte[] data = data(200_000, 7);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try (OutputStream out = new LZ4FrameOutputStream(frame, LZ4FrameOutputStream.BLOCKSIZE.SIZE_256KB,
                data.length, LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
                LZ4FrameOutputStream.FLG.Bits.BLOCK_CHECKSUM, LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE,
                LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM)) {
            out.write(data);
        }

        assertThat(decompress(CompressionCodecs.forType(CompressionType.LZ4), frame.toByteArray(), data.length))
                .isEqualTo(data);
    }

    @Test
    void lz4RejectsAFrameWhoseContentChecksumDoesNotMatch() throws IOException {
        byte[] data = data(1000, 3);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try (OutputStream out = new LZ4FrameOutputStream(frame, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM)) {
            out.write(data);
        }
        byte[] bytes = frame.toByteArray();
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> decompress(CompressionCodecs.forType(CompressionType.LZ4), bytes, data.length))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("content checksum");
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void decompressingPastTheLimitFailsAsCorrupt(CompressionType type) {
        CompressionCodec codec = CompressionCodecs.forType(type);
        byte[] data = data(100_000, 1);
        byte[] compressed = compress(codec, data, type.hasLevels() ? type.defaultLevel() : 0);

        assertThat(decompress(codec, compressed, data.length)).isEqualTo(data);
        assertThatThrownBy(() -> decompress(codec, compressed, data.length - 1))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("more than " + (data.length - 1));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void garbageAndTruncatedStreamsFailAsCorrupt(CompressionType type) {
        CompressionCodec codec = CompressionCodecs.forType(type);
        byte[] compressed = compress(codec, data(10_000, 2), type.hasLevels() ? type.defaultLevel() : 0);
        Random random = new Random(type.id());

        // every prefix but the empty one (zstd reads no bytes as no frames, hence no records)
        for (int length = 1; length < compressed.length; length += Math.max(1, compressed.length / 50)) {
            byte[] truncated = java.util.Arrays.copyOf(compressed, length);
            assertThatThrownBy(() -> decompress(codec, truncated, 1 << 20)).as("%s truncated to %d", type, length)
                    .isInstanceOf(CorruptRecordException.class);
        }
        for (int i = 0; i < 20; i++) {
            byte[] garbage = new byte[1 + random.nextInt(500)];
            random.nextBytes(garbage);
            assertThatThrownBy(() -> decompress(codec, garbage, 1 << 20)).as("%s garbage", type)
                    .isInstanceOf(CorruptRecordException.class);
        }
    }

    @Test
    void snappyChecksDeclaredLengthsBeforeAllocating() {
        CompressionCodec snappy = CompressionCodecs.forType(CompressionType.SNAPPY);
        byte[] header = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1};
        // a chunk whose block claims 2 GiB - 1 of output (varint preamble), and a chunk longer than the input
        byte[] hugeBlock = concat(header, new byte[] {0, 0, 0, 6, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                0x07, 0});
        byte[] longChunk = concat(header, new byte[] {0x20, 0, 0, 0, 1, 2, 3});

        assertThatThrownBy(() -> decompress(snappy, hugeBlock, 1 << 20)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("more than 1048576 bytes");
        assertThatThrownBy(() -> decompress(snappy, longChunk, 1 << 20)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("chunk of 536870912 bytes with 3 left");
    }

    @Test
    void noneHasNoCodec() {
        assertThatThrownBy(() -> CompressionCodecs.forType(CompressionType.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingLibrariesFailWithTheirMavenCoordinatesWhileGzipStillWorks() throws Exception {
        try (URLClassLoader isolated = withoutCodecLibraries()) {
            Class<?> typeClass = isolated.loadClass(CompressionType.class.getName());
            Method forType = isolated.loadClass(CompressionCodecs.class.getName()).getMethod("forType", typeClass);

            assertThat(forType.invoke(null, enumConstant(typeClass, "GZIP"))).isNotNull();
            assertMissing(forType, enumConstant(typeClass, "SNAPPY"),
                    "snappy compression needs org.xerial.snappy:snappy-java on the classpath");
            assertMissing(forType, enumConstant(typeClass, "LZ4"),
                    "lz4 compression needs at.yawk.lz4:lz4-java on the classpath");
            assertMissing(forType, enumConstant(typeClass, "ZSTD"),
                    "zstd compression needs com.github.luben:zstd-jni on the classpath");
            // detected once: asking again gives the same answer
            assertMissing(forType, enumConstant(typeClass, "LZ4"),
                    "lz4 compression needs at.yawk.lz4:lz4-java on the classpath");
        }
    }

    private static void assertMissing(Method forType, Object type, String message) {
        assertThatThrownBy(() -> forType.invoke(null, type)).isInstanceOf(InvocationTargetException.class)
                .cause()
                .satisfies(e -> assertThat(e.getClass().getName())
                        .isEqualTo("io.mq.protocol.record.compression.MissingCodecException"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(message);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /** Loads mq's classes afresh, with the snappy, lz4 and zstd libraries hidden. */
    private static URLClassLoader withoutCodecLibraries() {
        URL classes = CompressionCodecs.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader hiding = new ClassLoader(CompressionCodecsTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.xerial.snappy.") || name.startsWith("net.jpountz.")
                        || name.startsWith("com.github.luben.zstd.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        return new URLClassLoader(new URL[] {classes}, hiding) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("io.mq.")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
            }
        };
    }

    private byte[] compress(CompressionCodec codec, byte[] data, int level) {
        ByteBuf src = allocator.heapBuffer().writeBytes(data);
        ByteBuf dst = allocator.directBuffer();
        try {
            codec.compress(src, dst, level);
            assertThat(src.isReadable()).isFalse();
            return bytes(dst);
        } finally {
            src.release();
            dst.release();
        }
    }

    private byte[] decompress(CompressionCodec codec, byte[] compressed, int maxLength) {
        ByteBuf src = allocator.directBuffer().writeBytes(compressed);
        ByteBuf dst = allocator.heapBuffer();
        try {
            codec.decompress(src, dst, maxLength);
            return bytes(dst);
        } finally {
            src.release();
            dst.release();
        }
    }

    private static byte[] kafkaCompress(Compression compression, byte[] data) throws IOException {
        ByteBufferOutputStream buffer = new ByteBufferOutputStream(64);
        try (OutputStream out = compression.wrapForOutput(buffer, KAFKA_MAGIC)) {
            out.write(data);
        }
        ByteBuffer written = buffer.buffer().flip();
        return KafkaRecords.bytes(written);
    }

    private static byte[] kafkaDecompress(Compression compression, byte[] compressed) throws IOException {
        try (InputStream in = compression.wrapForInput(ByteBuffer.wrap(compressed), KAFKA_MAGIC,
                BufferSupplier.create())) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Compressible bytes with some noise. */
    private static byte[] data(int size, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : "the quick brown fox ".charAt(i % 20));
        }
        return bytes;
    }
}
