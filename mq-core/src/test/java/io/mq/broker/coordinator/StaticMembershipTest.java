package io.mq.broker.coordinator;

import static io.mq.broker.coordinator.CoordinatorFixture.assignmentOf;
import static io.mq.broker.coordinator.CoordinatorFixture.done;
import static io.mq.broker.coordinator.CoordinatorFixture.protocols;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static members ({@code group.instance.id}): replacement on rejoin, fencing, leaving by instance id. */
class StaticMembershipTest {

    private static final String GROUP = "static";

    @TempDir
    Path dir;
    private CoordinatorFixture fixture;

    @BeforeEach
    void open() {
        fixture = new CoordinatorFixture(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** A stable group of static members "a" and "b" ("a" leads); returns their join results. */
    private List<JoinResult> stableStaticGroup() {
        CompletableFuture<JoinResult> a = fixture.join(GROUP, "", "a", protocols("t"));
        CompletableFuture<JoinResult> b = fixture.join(GROUP, "", "b", protocols("t"));
        fixture.passInitialDelay();
        List<JoinResult> joined = new ArrayList<>(List.of(done(a), done(b)));
        fixture.completeSync(GROUP, joined);
        return joined;
    }

    @Test
    void staticMemberJoinsWithoutTheMemberIdRequiredRoundTrip() {
        CompletableFuture<JoinResult> join = fixture.join(GROUP, "", "a", protocols("t"));
        fixture.passInitialDelay();

        assertThat(done(join).error()).isEqualTo(Errors.NONE);
        assertThat(done(join).memberId()).startsWith("a-");
        assertThat(done(join).members()).extracting(JoinResult.MemberMetadata::groupInstanceId).containsExactly("a");
    }

    @Test
    void restartedFollowerWithUnchangedProtocolsGetsItsAssignmentBackWithoutARebalance() {
        List<JoinResult> members = stableStaticGroup();
        JoinResult oldB = members.get(1);

        JoinResult newB = done(fixture.join(GROUP, "", "b", protocols("t")));

        assertThat(newB.error()).isEqualTo(Errors.NONE);
        assertThat(newB.memberId()).isNotEqualTo(oldB.memberId());
        assertThat(newB.generationId()).isEqualTo(oldB.generationId());
        assertThat(newB.skipAssignment()).isFalse();
        assertThat(newB.members()).isEmpty();
        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.STABLE);
        assertThat(fixture.heartbeat(GROUP, members.get(0))).isEqualTo(Errors.NONE);
        SyncResult synced = done(fixture.coordinator.syncGroup(new SyncParams(GROUP, newB.generationId(),
                newB.memberId(), "b", null, null, Map.of())));
        assertThat(synced.assignment()).isEqualTo(assignmentOf(oldB.memberId()));
    }

    @Test
    void theReplacedMemberIdIsFenced() {
        JoinResult oldB = stableStaticGroup().get(1);
        done(fixture.join(GROUP, "", "b", protocols("t")));

        assertThat(done(fixture.coordinator.heartbeat(GROUP, oldB.memberId(), "b", oldB.generationId())))
                .isEqualTo(Errors.FENCED_INSTANCE_ID);
        assertThat(done(fixture.coordinator.syncGroup(new SyncParams(GROUP, oldB.generationId(), oldB.memberId(),
                "b", null, null, Map.of()))).error()).isEqualTo(Errors.FENCED_INSTANCE_ID);
        assertThat(done(fixture.join(GROUP, oldB.memberId(), "b", protocols("t"))).error())
                .isEqualTo(Errors.FENCED_INSTANCE_ID);
        assertThat(fixture.commit(GROUP, oldB.generationId(), oldB.memberId(), "b",
                Map.of(new TopicPartition("t", 0), 1L))).containsValue(Errors.FENCED_INSTANCE_ID);
    }

    @Test
    void restartedLeaderIsToldToSkipTheAssignment() {
        JoinResult oldA = stableStaticGroup().get(0);
        assertThat(oldA.leaderId()).isEqualTo(oldA.memberId());

        JoinResult newA = done(fixture.join(GROUP, "", "a", protocols("t")));

        assertThat(newA.leaderId()).isEqualTo(newA.memberId());
        assertThat(newA.skipAssignment()).isTrue();
        assertThat(newA.members()).hasSize(2);
        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.STABLE);
    }

    @Test
    void restartedMemberWithChangedSubscriptionTriggersARebalance() {
        List<JoinResult> members = stableStaticGroup();

        CompletableFuture<JoinResult> newB = fixture.join(GROUP, "", "b", protocols("t", "u"));

        assertThat(newB).isNotDone();
        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.PREPARING_REBALANCE);
        assertThat(fixture.heartbeat(GROUP, members.get(0))).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        done(fixture.join(GROUP, members.get(0).memberId(), "a", protocols("t")));
        assertThat(done(newB).generationId()).isEqualTo(members.get(0).generationId() + 1);
    }

    @Test
    void staticMemberCanLeaveByInstanceIdAlone() {
        List<JoinResult> members = stableStaticGroup();

        LeaveResult left = done(fixture.coordinator.leaveGroup(GROUP, List.of(new LeaveResult.Leaving("", "b"),
                new LeaveResult.Leaving("", "nobody"))));

        assertThat(left.members()).extracting(LeaveResult.MemberResult::error)
                .containsExactly(Errors.NONE, Errors.UNKNOWN_MEMBER_ID);
        assertThat(fixture.describe(GROUP).members()).extracting(GroupDescription.MemberDescription::groupInstanceId)
                .containsExactly("a");
        assertThat(fixture.heartbeat(GROUP, members.get(0))).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void leaveNamingAStaleMemberIdOfAnInstanceIsFenced() {
        JoinResult oldB = stableStaticGroup().get(1);
        done(fixture.join(GROUP, "", "b", protocols("t")));

        LeaveResult left = done(fixture.coordinator.leaveGroup(GROUP,
                List.of(new LeaveResult.Leaving(oldB.memberId(), "b"))));

        assertThat(left.members()).extracting(LeaveResult.MemberResult::error)
                .containsExactly(Errors.FENCED_INSTANCE_ID);
    }

    @Test
    void staticMemberThatStopsHeartbeatingIsRemovedAfterItsSession() {
        List<JoinResult> members = stableStaticGroup();

        for (int i = 0; i < 5; i++) {
            fixture.scheduler.advance(CoordinatorFixture.SESSION_TIMEOUT_MS / 4);
            fixture.heartbeat(GROUP, members.get(0));
        }

        assertThat(fixture.describe(GROUP).members()).extracting(GroupDescription.MemberDescription::groupInstanceId)
                .containsExactly("a");
        assertThat(fixture.join(GROUP, "", "b", protocols("t"))).as("a new member, joining a rebalance").isNotDone();
    }
}
