package io.mq.producer.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.producer.ProducerMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultProducerMetricsTest {

    private final DefaultProducerMetrics metrics = new DefaultProducerMetrics();

    @Test
    void listenersSeeEachBatchLatencyAndFailureWhileSummariesKeepCounting() {
        List<Long> latencies = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        metrics.addListener(new ProducerMetrics.Listener() {
            @Override
            public void onBatchSent(int bytes, int records, long queueTimeNanos) {
                batches.add(bytes + "/" + records + "/" + queueTimeNanos);
            }

            @Override
            public void onRequestLatency(long nanos) {
                latencies.add(nanos);
            }

            @Override
            public void onRecordErrors(String code, int records) {
                failures.add(code + "x" + records);
            }
        });

        metrics.recordRequestLatency(5);
        metrics.recordRequestLatency(7);
        metrics.recordFailed("REQUEST_TIMED_OUT", 3);
        metrics.recordFirstSend(100, 4, 9);

        assertThat(latencies).containsExactly(5L, 7L);
        assertThat(failures).containsExactly("REQUEST_TIMED_OUT" + "x3");
        assertThat(batches).containsExactly("100/4/9");
        assertThat(metrics.requestLatencyNanos().count()).isEqualTo(2);
        assertThat(metrics.batchSizeBytes().total()).isEqualTo(100);
        assertThat(metrics.requestLatencyNanos().max()).isEqualTo(7);
        assertThat(metrics.recordErrorsByCode()).containsEntry("REQUEST_TIMED_OUT", 3L);
    }

    @Test
    void removedListenerIsNoLongerCalled() {
        List<Long> latencies = new ArrayList<>();
        ProducerMetrics.Listener listener = new ProducerMetrics.Listener() {
            @Override
            public void onRequestLatency(long nanos) {
                latencies.add(nanos);
            }
        };
        metrics.addListener(listener);
        metrics.recordRequestLatency(1);

        metrics.removeListener(listener);
        metrics.recordRequestLatency(2);

        assertThat(latencies).containsExactly(1L);
    }

    @Test
    void failingListenerDoesNotStopRecording() {
        metrics.addListener(new ProducerMetrics.Listener() {
            @Override
            public void onRequestLatency(long nanos) {
                throw new IllegalStateException("boom");
            }
        });

        metrics.recordRequestLatency(3);

        assertThat(metrics.requestLatencyNanos().count()).isEqualTo(1);
    }
}
