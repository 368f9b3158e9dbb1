package io.mq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionTypeTest {

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void idsNamesAndLevelsMatchKafkas(CompressionType type) {
        var kafka = org.apache.kafka.common.record.CompressionType.forId(type.id());

        assertThat(type.configName()).isEqualTo(kafka.name);
        assertThat(CompressionType.forId(type.id())).isSameAs(type);
        assertThat(CompressionType.forName(kafka.name)).isSameAs(type);
        if (type.hasLevels()) {
            assertThat(type.defaultLevel()).isEqualTo(kafka.defaultLevel());
            assertThat(type.minLevel()).isEqualTo(kafka.minLevel());
            assertThat(type.maxLevel()).isEqualTo(kafka.maxLevel());
        } else {
            assertThatThrownBy(type::defaultLevel).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void levelsAreValidatedAsKafkaDoes() {
        assertThat(CompressionType.GZIP.isValidLevel(-1)).isTrue();
        assertThat(CompressionType.GZIP.isValidLevel(0)).isFalse();
        assertThat(CompressionType.GZIP.isValidLevel(10)).isFalse();
        assertThat(CompressionType.LZ4.isValidLevel(17)).isTrue();
        assertThat(CompressionType.LZ4.isValidLevel(18)).isFalse();
        assertThat(CompressionType.ZSTD.isValidLevel(-131072)).isTrue();
        assertThat(CompressionType.ZSTD.isValidLevel(23)).isFalse();
        assertThat(CompressionType.SNAPPY.isValidLevel(12345)).isTrue();
    }

    @Test
    void forNameIgnoresCaseAndListsAllowedNamesWhenUnknown() {
        assertThat(CompressionType.forName("LZ4")).isSameAs(CompressionType.LZ4);
        assertThatThrownBy(() -> CompressionType.forName("brotli"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown compression type 'brotli'; allowed: none, gzip, snappy, lz4, zstd");
    }

    @Test
    void forIdRejectsIdsKafkaDoesNotDefine() {
        assertThatThrownBy(() -> CompressionType.forId(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5");
        assertThatThrownBy(() -> CompressionType.forId(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
