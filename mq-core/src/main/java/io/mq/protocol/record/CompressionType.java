package io.mq.protocol.record;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The compression codecs of record batch v2, with the attribute id and the configuration name Kafka uses
 * ({@code compression.type}). Gzip, lz4 and zstd have compression levels with Kafka's ranges and defaults; none
 * and snappy have none.
 */
public enum CompressionType {
    NONE(0, "none"),
    GZIP(1, "gzip"),
    SNAPPY(2, "snappy"),
    LZ4(3, "lz4"),
    ZSTD(4, "zstd");

    private static final CompressionType[] BY_ID = values();
    private static final String NAMES = Arrays.stream(BY_ID).map(CompressionType::configName)
            .collect(Collectors.joining(", "));

    private final int id;
    private final String name;

    CompressionType(int id, String name) {
        this.id = id;
        this.name = name;
    }

    /** The id stored in bits 0-2 of a batch's attributes. */
    public int id() {
        return id;
    }

    /** The name used in configuration ({@code compression.type}), e.g. {@code "lz4"}. */
    public String configName() {
        return name;
    }

    /** Whether this codec takes a compression level (gzip, lz4, zstd). */
    public boolean hasLevels() {
        return this == GZIP || this == LZ4 || this == ZSTD;
    }

    /** The level Kafka uses when none is configured: gzip -1 (zlib's default, 6), lz4 9, zstd 3. */
    public int defaultLevel() {
        return switch (this) {
            case GZIP -> -1;
            case LZ4 -> 9;
            case ZSTD -> 3;
            default -> throw noLevels();
        };
    }

    /** The lowest level: gzip 1, lz4 1, zstd -131072. */
    public int minLevel() {
        return switch (this) {
            case GZIP, LZ4 -> 1;
            case ZSTD -> -131072;
            default -> throw noLevels();
        };
    }

    /** The highest level: gzip 9, lz4 17, zstd 22. */
    public int maxLevel() {
        return switch (this) {
            case GZIP -> 9;
            case LZ4 -> 17;
            case ZSTD -> 22;
            default -> throw noLevels();
        };
    }

    /**
     * Whether {@code level} is accepted: within {@link #minLevel()}..{@link #maxLevel()} or the
     * {@link #defaultLevel()} (gzip's -1). Codecs without levels accept any value and ignore it.
     */
    public boolean isValidLevel(int level) {
        return !hasLevels() || level == defaultLevel() || (level >= minLevel() && level <= maxLevel());
    }

    /** The type with attribute id {@code id}; ids 5-7 are unknown. */
    public static CompressionType forId(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("unknown compression type id " + id + "; known ids are 0-"
                    + (BY_ID.length - 1));
        }
        return BY_ID[id];
    }

    /** The type named {@code name} (as in {@code compression.type}, case-insensitive). */
    public static CompressionType forName(String name) {
        for (CompressionType type : BY_ID) {
            if (type.name.equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown compression type '" + name + "'; allowed: " + NAMES);
    }

    private UnsupportedOperationException noLevels() {
        return new UnsupportedOperationException(name + " compression has no compression levels");
    }
}
