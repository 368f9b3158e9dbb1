package io.mq.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorageOptionsTest {

    private final Path dir = Path.of("data");

    @Test
    void defaultsMatchTheConstants() {
        StorageOptions options = StorageOptions.defaults(dir);

        assertThat(options.dataDir()).isEqualTo(dir);
        assertThat(options.segmentBytes()).isEqualTo(StorageOptions.DEFAULT_SEGMENT_BYTES);
        assertThat(options.flushMode()).isEqualTo(FlushMode.ASYNC);
        assertThat(options.flushInterval()).isEqualTo(StorageOptions.DEFAULT_FLUSH_INTERVAL);
        assertThat(options.flushDirtyBytes()).isEqualTo(StorageOptions.DEFAULT_FLUSH_DIRTY_BYTES);
        assertThat(options.retentionCheckInterval()).isEqualTo(StorageOptions.DEFAULT_RETENTION_CHECK_INTERVAL);
    }

    @Test
    void builderOverridesEachSetting() {
        StorageOptions options = StorageOptions.builder(dir).segmentBytes(10).flushMode(FlushMode.SYNC)
                .flushInterval(Duration.ofMillis(5)).flushDirtyBytes(7).retentionCheckInterval(Duration.ofSeconds(3))
                .build();

        assertThat(options).isEqualTo(new StorageOptions(dir, 10, FlushMode.SYNC, Duration.ofMillis(5), 7,
                Duration.ofSeconds(3)));
    }

    @Test
    void invalidSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> StorageOptions.builder(dir).segmentBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segmentBytes");
        assertThatThrownBy(() -> StorageOptions.builder(dir).flushInterval(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flushInterval");
        assertThatThrownBy(() -> StorageOptions.builder(dir).flushDirtyBytes(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flushDirtyBytes");
        assertThatThrownBy(() -> StorageOptions.builder(dir).retentionCheckInterval(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retentionCheckInterval");
        assertThatThrownBy(() -> StorageOptions.defaults(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataDir");
        assertThatThrownBy(() -> new Retention(-2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retentionMs");
    }
}
