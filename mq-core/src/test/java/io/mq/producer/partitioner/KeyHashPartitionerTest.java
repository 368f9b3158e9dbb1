package io.mq.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyHashPartitionerTest {

    @Test
    void murmur2EqualsKafkasForRandomKeysOfEveryTailLength() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[random.nextInt(70)];
            random.nextBytes(key);
            assertThat(Murmur2.hash(key)).as("key of %d bytes", key.length).isEqualTo(Utils.murmur2(key));
        }
        assertThat(Murmur2.hash(new byte[0])).isEqualTo(Utils.murmur2(new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 10, 16, 97, 1000})
    void keysLandInTheSamePartitionAsWithKafkaClients(int partitions) {
        Random random = new Random(partitions);
        FakePartitionView view = new FakePartitionView(partitions);
        KeyHashPartitioner partitioner = new KeyHashPartitioner();
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[1 + random.nextInt(40)];
            random.nextBytes(key);
            int expected = Utils.toPositive(Utils.murmur2(key)) % partitions;
            assertThat(partitioner.partition("t", key, null, view)).isEqualTo(expected);
        }
    }

    @Test
    void keyedRecordsKeepTheirPartitionWhenItsLeaderIsGone() {
        FakePartitionView view = new FakePartitionView(4);
        byte[] key = "order-17".getBytes();
        int home = KeyHashPartitioner.partitionForKey(key, 4);
        view.leaderless(home);

        assertThat(new KeyHashPartitioner().partition("t", key, null, view)).isEqualTo(home);
    }

    @Test
    void keylessRecordsGoToTheFallbackPartitioner() {
        FakePartitionView view = new FakePartitionView(3);
        KeyHashPartitioner partitioner = new KeyHashPartitioner((topic, key, value, partitions) -> 2);

        assertThat(partitioner.partition("t", null, new byte[1], view)).isEqualTo(2);
        assertThat(partitioner.repartitionOnNewBatch()).isFalse();
        assertThat(new KeyHashPartitioner(new StickyPartitioner()).repartitionOnNewBatch()).isTrue();
    }
}
