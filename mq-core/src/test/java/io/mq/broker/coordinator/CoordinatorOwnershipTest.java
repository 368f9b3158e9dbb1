package io.mq.broker.coordinator;

import static io.mq.broker.coordinator.CoordinatorFixture.CONFIG;
import static io.mq.broker.coordinator.CoordinatorFixture.OFFSETS_PARTITIONS;
import static io.mq.broker.coordinator.CoordinatorFixture.params;
import static io.mq.broker.coordinator.CoordinatorFixture.protocols;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator in a test cluster owns only the groups of the offsets partitions its broker leads. */
class CoordinatorOwnershipTest {

    private static final int OWNED_PARTITION = 0;
    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);

    @TempDir
    Path dir;

    private CoordinatorFixture fixture;
    private GroupCoordinator coordinator;

    @BeforeEach
    void open() {
        fixture = new CoordinatorFixture(dir);
        coordinator = new GroupCoordinator(CONFIG, fixture.offsets, fixture.scheduler, p -> p == OWNED_PARTITION);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyRequestAboutAGroupOfAnotherBrokerAnswersNotCoordinator() {
        String foreign = groupIn(1);

        assertThat(coordinator.joinGroup(params(foreign, "", null, protocols("orders"))).join().error())
                .isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(coordinator.syncGroup(new SyncParams(foreign, 1, "m", null, null, null, Map.of())).join().error())
                .isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(coordinator.heartbeat(foreign, "m", null, 1).join()).isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(coordinator.leaveGroup(foreign, List.of(new LeaveResult.Leaving("m", null))).join().error())
                .isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(coordinator.commitOffsets(commit(foreign)).join()).containsEntry(ORDERS, Errors.NOT_COORDINATOR);
        assertThat(coordinator.fetchOffsets(foreign, null).join().error()).isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(coordinator.deleteOffsets(foreign, List.of(ORDERS)).join().error())
                .isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(coordinator.describeGroups(List.of(foreign)).join().get(0).error())
                .isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(coordinator.deleteGroups(List.of(foreign)).join()).containsEntry(foreign, Errors.NOT_COORDINATOR);
        assertThat(coordinator.listGroups(Set.of()).join()).isEmpty();
    }

    @Test
    void groupsOfItsOwnPartitionsAreServed() {
        String own = groupIn(OWNED_PARTITION);

        assertThat(coordinator.commitOffsets(commit(own)).join()).containsEntry(ORDERS, Errors.NONE);
        assertThat(coordinator.fetchOffsets(own, List.of(ORDERS)).join().offsets().get(ORDERS).offset()).isEqualTo(7);
        assertThat(coordinator.describeGroups(List.of(own)).join().get(0).error()).isEqualTo(Errors.NONE);
    }

    private static OffsetCommitParams commit(String group) {
        return new OffsetCommitParams(group, -1, "", null, Map.of(ORDERS, new OffsetCommitParams.Offset(7, -1, "")));
    }

    /** A group id whose offsets live in partition {@code p}. */
    private static String groupIn(int p) {
        for (int i = 0; ; i++) {
            if (OffsetStore.partitionFor("group-" + i, OFFSETS_PARTITIONS) == p) {
                return "group-" + i;
            }
        }
    }
}
