package io.mq.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LatencyAwarePartitionerTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    /** Slow from 500 ms; slow penalty 10 s; failure penalty 1 s doubling up to 8 s. */
    private final LatencyAwarePartitioner partitioner = new LatencyAwarePartitioner(Duration.ofMillis(500),
            Duration.ofSeconds(10), SECOND, Duration.ofSeconds(8), clock::get);
    /** Partition p led by node p + 1. */
    private final FakePartitionView view = new FakePartitionView(4);

    @Test
    void spreadsKeylessRecordsOverAllPartitionsWhileEveryLeaderIsHealthy() {
        assertThat(chosenPartitions(40)).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void avoidsAPartitionWhoseLeaderFailsAndReturnsAfterThePenalty() {
        partitioner.onRequestFailed(2);

        assertThat(partitioner.isAvoided(2)).isTrue();
        assertThat(chosenPartitions(40)).containsExactlyInAnyOrder(0, 2, 3);

        clock.addAndGet(SECOND.toNanos());

        assertThat(partitioner.isAvoided(2)).isFalse();
        assertThat(chosenPartitions(40)).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void consecutiveFailuresLengthenTheAvoidanceUpToTheMaximum() {
        for (int i = 0; i < 3; i++) {
            partitioner.onRequestFailed(3); // penalties 1 s, 2 s, 4 s
        }
        clock.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(partitioner.isAvoided(3)).isTrue();

        for (int i = 0; i < 10; i++) {
            partitioner.onRequestFailed(3);
        }
        clock.addAndGet(Duration.ofSeconds(8).toNanos());
        assertThat(partitioner.isAvoided(3)).isFalse();
    }

    @Test
    void slowAnswersAreAvoidedAndAFastAnswerEndsTheAvoidanceAtOnce() {
        partitioner.onRequestCompleted(1, Duration.ofMillis(900).toNanos());
        assertThat(chosenPartitions(40)).doesNotContain(0);

        partitioner.onRequestCompleted(1, Duration.ofMillis(3).toNanos());

        assertThat(partitioner.isAvoided(1)).isFalse();
        assertThat(chosenPartitions(40)).contains(0);
    }

    @Test
    void whenEveryLeaderIsAvoidedRecordsStillGoSomewhere() {
        for (int node = 1; node <= 4; node++) {
            partitioner.onRequestFailed(node);
        }

        assertThat(chosenPartitions(40)).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void keyedRecordsKeepTheirKeyHashPartition() {
        byte[] key = "customer-9".getBytes();
        int home = KeyHashPartitioner.partitionForKey(key, 4);
        partitioner.onRequestFailed(home + 1);

        assertThat(partitioner.partition("t", key, null, view)).isEqualTo(home);
    }

    private Set<Integer> chosenPartitions(int records) {
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < records; i++) {
            chosen.add(partitioner.partition("t", null, null, view));
        }
        return chosen;
    }
}
