package io.mq.broker.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.BrokerConfig;
import io.mq.broker.EmbeddedBroker;
import io.mq.broker.coordinator.OffsetStore;
import io.mq.broker.metadata.Topic;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.PartitionId;
import io.mq.broker.storage.Retention;
import io.mq.broker.storage.StorageOptions;
import io.mq.protocol.Errors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared controller of a test cluster: placement, broker lifecycle, persistence and the views it publishes. */
class ClusterControllerTest {

    private static final BrokerConfig SETTINGS = EmbeddedBroker.builder().offsetsTopicPartitions(6).build().config();
    private static final List<Integer> BROKERS = List.of(0, 1, 2);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void offsetsTopicIsSpreadOverAllBrokersBeforeAnyRuns() {
        ClusterController controller = controller();

        Map<Integer, Integer> perBroker = new HashMap<>();
        for (int p = 0; p < 6; p++) {
            perBroker.merge(controller.leader(OffsetStore.TOPIC, p), 1, Integer::sum);
        }

        assertThat(perBroker).containsOnlyKeys(0, 1, 2).allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
    }

    @Test
    void newPartitionsGoRoundRobinOverRunningBrokersOrWhereAnAssignmentPutsThem() {
        ClusterController controller = controller();
        CommitLogStore zero = start(controller, 0);
        start(controller, 2);

        controller.topics().createTopic("spread", 4, (short) 1, Map.of(), false).join();
        controller.topics().createTopic("manual", 2, (short) -1, Map.of(), List.of(1, 0), false).join();

        List<Integer> spread = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            spread.add(controller.leader("spread", p));
        }
        assertThat(spread).containsOnly(0, 2).filteredOn(id -> id == 0).hasSize(2);
        assertThat(controller.leader("manual", 0)).isEqualTo(1);
        assertThat(controller.leader("manual", 1)).isZero();
        assertThat(zero.hasPartition(partition(controller, "manual", 1))).isTrue();
        assertThat(zero.hasPartition(partition(controller, "manual", 0))).isFalse();
    }

    @Test
    void attachingBrokerCreatesThePartitionsItLeadsAndDropsThoseOfDeletedTopics() {
        ClusterController controller = controller();
        controller.topics().createTopic("kept", 1, (short) -1, Map.of(), List.of(1), false).join();
        controller.topics().createTopic("gone", 1, (short) -1, Map.of(), List.of(1), false).join();
        PartitionId gone = partition(controller, "gone", 0);
        CommitLogStore store = store(1);
        store.createPartition(gone);
        controller.topics().deleteTopic("gone").join();

        controller.attach(1, store);

        assertThat(store.hasPartition(partition(controller, "kept", 0))).isTrue();
        assertThat(store.hasPartition(gone)).isFalse();
        assertThat(store.partitions()).hasSize(3);
    }

    @Test
    void viewsShowRunningBrokersTheLowestAsControllerAndLeadershipOnlyWhileOnline() {
        ClusterController controller = controller();
        start(controller, 0);
        start(controller, 1);
        controller.topics().createTopic("t", 1, (short) -1, Map.of(), List.of(1), false).join();
        PartitionId id = partition(controller, "t", 0);
        ClusterView zero = controller.view(0);
        ClusterView one = controller.view(1);

        assertThat(zero.liveBrokers()).extracting(BrokerNode::id).containsExactly(0, 1);
        assertThat(one.isLocalLeader(id)).isTrue();
        assertThat(zero.isLocalLeader(id)).isFalse();

        controller.detach(0);
        controller.detach(1);

        assertThat(one.isLocalLeader(id)).isFalse();
        assertThat(one.assignedLeader(id)).isEqualTo(1);
        assertThat(one.liveBrokers()).isEmpty();
        assertThat(one.controllerId()).isEqualTo(-1);
    }

    @Test
    void leadersSurviveAControllerRestart() {
        ClusterController first = controller();
        first.topics().createTopic("durable", 1, (short) -1, Map.of(), List.of(2), false).join();
        Topic topic = first.topics().topic("durable");
        first.close();
        open.remove(first);

        ClusterController second = controller();

        assertThat(second.topics().topic("durable")).isEqualTo(topic);
        assertThat(second.leader("durable", 0)).isEqualTo(2);
    }

    @Test
    void moveLeadershipNeedsBothBrokersRunningAndLeavesOffsetsPartitionsInPlace() {
        ClusterController controller = controller();
        start(controller, 0);
        start(controller, 1);
        controller.topics().createTopic("t", 1, (short) -1, Map.of(), List.of(0), false).join();

        assertThatThrownBy(() -> controller.moveLeadership("t", 0, 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> controller.moveLeadership(OffsetStore.TOPIC, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controller.moveLeadership("t", 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controller.moveLeadership("t", 0, 7)).isInstanceOf(IllegalArgumentException.class);

        controller.moveLeadership("t", 0, 1);

        assertThat(controller.leader("t", 0)).isEqualTo(1);
    }

    @Test
    void replicationAboveOneIsRefusedNamingTheRunningBrokers() {
        ClusterController controller = controller();
        start(controller, 0);
        start(controller, 1);

        assertThat(controller.topics().createTopic("r2", 1, (short) 2, Map.of(), false).join().error())
                .isEqualTo(Errors.INVALID_REPLICATION_FACTOR);
        assertThat(controller.topics().createTopic("r3", 1, (short) 3, Map.of(), false).join().message())
                .contains("available brokers (2)");
    }

    private ClusterController controller() {
        ClusterController controller = new ClusterController(dir.resolve("metadata"), SETTINGS, BROKERS);
        open.add(controller);
        return controller;
    }

    private CommitLogStore store(int brokerId) {
        CommitLogStore store = CommitLogStore.open(StorageOptions.builder(dir.resolve("broker-" + brokerId))
                .retentionCheckInterval(Duration.ofHours(1)).build(), id -> Retention.UNLIMITED);
        open.add(store);
        return store;
    }

    /** Attaches a store for {@code brokerId} and puts the broker online. */
    private CommitLogStore start(ClusterController controller, int brokerId) {
        CommitLogStore store = store(brokerId);
        controller.attach(brokerId, store);
        controller.online(new BrokerNode(brokerId, "127.0.0.1", 9000 + brokerId));
        return store;
    }

    private static PartitionId partition(ClusterController controller, String topic, int partition) {
        return new PartitionId(controller.topics().topic(topic).id(), partition);
    }
}
