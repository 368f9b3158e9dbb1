package io.mq.broker.coordinator;

import static io.mq.broker.coordinator.CoordinatorFixture.INITIAL_DELAY_MS;
import static io.mq.broker.coordinator.CoordinatorFixture.REBALANCE_TIMEOUT_MS;
import static io.mq.broker.coordinator.CoordinatorFixture.assignmentOf;
import static io.mq.broker.coordinator.CoordinatorFixture.done;
import static io.mq.broker.coordinator.CoordinatorFixture.params;
import static io.mq.broker.coordinator.CoordinatorFixture.protocols;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Join, sync, heartbeat, leave and session expiry of dynamic members, driven by a manual clock. */
class GroupMembershipTest {

    private static final String GROUP = "orders";

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

    @Test
    void firstJoinWithoutMemberIdAnswersMemberIdRequiredWithAnAssignedId() {
        JoinResult result = done(fixture.join(GROUP, ""));

        assertThat(result.error()).isEqualTo(Errors.MEMBER_ID_REQUIRED);
        assertThat(result.memberId()).startsWith("client-").hasSizeGreaterThan("client-".length());
        assertThat(result.generationId()).isEqualTo(-1);
    }

    @Test
    void joinBeforeVersionFourGetsAMemberIdWithoutTheExtraRoundTrip() {
        JoinParams old = new JoinParams(GROUP, "", null, "client", "/127.0.0.1", 10_000, 5_000, "consumer",
                protocols("t"), false, null);

        CompletableFuture<JoinResult> join = fixture.coordinator.joinGroup(old);
        fixture.scheduler.advance(INITIAL_DELAY_MS);

        assertThat(done(join).error()).isEqualTo(Errors.NONE);
        assertThat(done(join).generationId()).isEqualTo(1);
    }

    @Test
    void joinIsParkedUntilTheInitialDelayPassesThenTheOnlyMemberLeadsGenerationOne() {
        String memberId = fixture.memberId(GROUP);

        CompletableFuture<JoinResult> join = fixture.join(GROUP, memberId);
        assertThat(join).isNotDone();
        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.PREPARING_REBALANCE);
        fixture.scheduler.advance(INITIAL_DELAY_MS);

        JoinResult joined = done(join);
        assertThat(joined.error()).isEqualTo(Errors.NONE);
        assertThat(joined.generationId()).isEqualTo(1);
        assertThat(joined.leaderId()).isEqualTo(memberId);
        assertThat(joined.protocolType()).isEqualTo("consumer");
        assertThat(joined.protocolName()).isEqualTo("range");
        assertThat(joined.members()).extracting(JoinResult.MemberMetadata::memberId).containsExactly(memberId);
        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.COMPLETING_REBALANCE);
    }

    @Test
    void membersJoiningDuringTheInitialDelayShareOneGenerationAndOnlyTheLeaderSeesTheMembers() {
        CompletableFuture<JoinResult> first = fixture.joinNew(GROUP);
        fixture.scheduler.advance(INITIAL_DELAY_MS / 2);
        CompletableFuture<JoinResult> second = fixture.joinNew(GROUP);
        fixture.scheduler.advance(INITIAL_DELAY_MS / 2);
        assertThat(second).as("a member joined during the delay, which extends it").isNotDone();

        fixture.scheduler.advance(INITIAL_DELAY_MS);

        JoinResult leader = done(first);
        JoinResult follower = done(second);
        assertThat(leader.generationId()).isEqualTo(1).isEqualTo(follower.generationId());
        assertThat(leader.leaderId()).isEqualTo(leader.memberId()).isEqualTo(follower.leaderId());
        assertThat(leader.members()).hasSize(2);
        assertThat(follower.members()).isEmpty();
    }

    @Test
    void followerSyncWaitsForTheLeadersAssignmentThenTheGroupIsStable() {
        CompletableFuture<JoinResult> first = fixture.joinNew(GROUP);
        CompletableFuture<JoinResult> second = fixture.joinNew(GROUP);
        fixture.passInitialDelay();
        JoinResult leader = done(first);
        JoinResult follower = done(second);

        CompletableFuture<SyncResult> followerSync = fixture.sync(GROUP, follower, Map.of());
        assertThat(followerSync).isNotDone();
        SyncResult leaderSync = done(fixture.sync(GROUP, leader, Map.of(leader.memberId(), new byte[] {1},
                follower.memberId(), new byte[] {2})));

        assertThat(leaderSync.assignment()).containsExactly(1);
        assertThat(done(followerSync).assignment()).containsExactly(2);
        assertThat(done(followerSync).protocolName()).isEqualTo("range");
        GroupDescription description = fixture.describe(GROUP);
        assertThat(description.state()).isEqualTo(GroupState.STABLE);
        assertThat(description.protocolName()).isEqualTo("range");
        assertThat(description.members()).extracting(m -> m.assignment()[0]).containsExactly((byte) 1, (byte) 2);
    }

    @Test
    void syncInAStableGroupReturnsTheMembersAssignmentAtOnce() {
        List<JoinResult> members = fixture.stableGroup(GROUP, 2);

        SyncResult again = done(fixture.sync(GROUP, members.get(1), Map.of()));

        assertThat(again.assignment()).isEqualTo(assignmentOf(members.get(1).memberId()));
    }

    @Test
    void newMemberMakesTheOthersRejoinAndTheRebalanceCompletesWhenAllHaveJoined() {
        JoinResult existing = fixture.stableGroup(GROUP, 1).get(0);

        CompletableFuture<JoinResult> newcomer = fixture.joinNew(GROUP);
        assertThat(fixture.heartbeat(GROUP, existing)).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        assertThat(newcomer).isNotDone();
        CompletableFuture<JoinResult> rejoin = fixture.join(GROUP, existing.memberId());

        assertThat(done(rejoin).generationId()).isEqualTo(2);
        assertThat(done(newcomer).generationId()).isEqualTo(2);
        assertThat(done(rejoin).leaderId()).isEqualTo(existing.memberId());
        assertThat(done(rejoin).members()).hasSize(2);
    }

    @Test
    void heartbeatFromAnOldGenerationAnswersIllegalGeneration() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);

        Errors error = done(fixture.coordinator.heartbeat(GROUP, member.memberId(), null, 0));

        assertThat(error).isEqualTo(Errors.ILLEGAL_GENERATION);
        assertThat(fixture.heartbeat(GROUP, member)).isEqualTo(Errors.NONE);
    }

    @Test
    void heartbeatSyncAndJoinFromAnUnknownMemberAnswerUnknownMemberId() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);

        assertThat(done(fixture.coordinator.heartbeat(GROUP, "stranger", null, member.generationId())))
                .isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(done(fixture.coordinator.syncGroup(new SyncParams(GROUP, member.generationId(), "stranger", null,
                null, null, Map.of()))).error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(done(fixture.join(GROUP, "stranger")).error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(done(fixture.coordinator.heartbeat("no-such-group", "stranger", null, 1)))
                .isEqualTo(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void syncWhileTheGroupPreparesARebalanceAnswersRebalanceInProgress() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);
        fixture.joinNew(GROUP);

        SyncResult sync = done(fixture.sync(GROUP, member, Map.of()));

        assertThat(sync.error()).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void syncWithAnotherGenerationAnswersIllegalGeneration() {
        CompletableFuture<JoinResult> join = fixture.joinNew(GROUP);
        fixture.scheduler.advance(INITIAL_DELAY_MS);
        JoinResult joined = done(join);

        SyncResult sync = done(fixture.coordinator.syncGroup(new SyncParams(GROUP, joined.generationId() + 1,
                joined.memberId(), null, null, null, Map.of())));

        assertThat(sync.error()).isEqualTo(Errors.ILLEGAL_GENERATION);
    }

    @Test
    void syncNamingAnotherProtocolAnswersInconsistentGroupProtocol() {
        CompletableFuture<JoinResult> join = fixture.joinNew(GROUP);
        fixture.scheduler.advance(INITIAL_DELAY_MS);
        JoinResult joined = done(join);

        SyncResult sync = done(fixture.coordinator.syncGroup(new SyncParams(GROUP, joined.generationId(),
                joined.memberId(), null, "consumer", "roundrobin", Map.of())));

        assertThat(sync.error()).isEqualTo(Errors.INCONSISTENT_GROUP_PROTOCOL);
    }

    @Test
    void aRebalanceStartedWhileCompletingAnswersParkedSyncsWithRebalanceInProgress() {
        CompletableFuture<JoinResult> first = fixture.joinNew(GROUP);
        CompletableFuture<JoinResult> second = fixture.joinNew(GROUP);
        fixture.passInitialDelay();
        JoinResult follower = done(first).leaderId().equals(done(first).memberId()) ? done(second) : done(first);
        CompletableFuture<SyncResult> parked = fixture.sync(GROUP, follower, Map.of());

        fixture.joinNew(GROUP);

        assertThat(done(parked).error()).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.PREPARING_REBALANCE);
    }

    @Test
    void leavingMemberIsRemovedAtOnceAndTheOthersRebalanceWithoutIt() {
        List<JoinResult> members = fixture.stableGroup(GROUP, 2);

        LeaveResult left = done(fixture.coordinator.leaveGroup(GROUP,
                List.of(new LeaveResult.Leaving(members.get(1).memberId(), null))));

        assertThat(left.members()).extracting(LeaveResult.MemberResult::error).containsExactly(Errors.NONE);
        assertThat(fixture.heartbeat(GROUP, members.get(0))).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        JoinResult rejoined = done(fixture.join(GROUP, members.get(0).memberId()));
        assertThat(rejoined.generationId()).isEqualTo(2);
        assertThat(rejoined.members()).hasSize(1);
    }

    @Test
    void leavingWithAnUnknownMemberIdIsReportedPerMember() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);

        LeaveResult left = done(fixture.coordinator.leaveGroup(GROUP, List.of(
                new LeaveResult.Leaving("stranger", null), new LeaveResult.Leaving(member.memberId(), null))));

        assertThat(left.error()).isEqualTo(Errors.NONE);
        assertThat(left.members()).extracting(LeaveResult.MemberResult::error)
                .containsExactly(Errors.UNKNOWN_MEMBER_ID, Errors.NONE);
    }

    @Test
    void lastMemberLeavingEmptiesTheGroupAndStartsANewGeneration() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);

        done(fixture.coordinator.leaveGroup(GROUP, List.of(new LeaveResult.Leaving(member.memberId(), null))));

        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.EMPTY);
        assertThat(fixture.heartbeat(GROUP, member)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        JoinResult next = fixture.stableGroup(GROUP, 1).get(0);
        assertThat(next.generationId()).isEqualTo(3);
    }

    @Test
    void memberWithoutHeartbeatsIsRemovedWhenItsSessionExpires() {
        List<JoinResult> members = fixture.stableGroup(GROUP, 2);
        JoinResult alive = members.get(0);

        for (int i = 0; i < 5; i++) {
            fixture.scheduler.advance(CoordinatorFixture.SESSION_TIMEOUT_MS / 4);
            fixture.heartbeat(GROUP, alive);
        }

        assertThat(fixture.heartbeat(GROUP, members.get(1))).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(fixture.describe(GROUP).members()).extracting(GroupDescription.MemberDescription::memberId)
                .containsExactly(alive.memberId());
        assertThat(fixture.heartbeat(GROUP, alive)).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void memberThatDoesNotRejoinIsDroppedWhenTheRebalanceTimesOut() {
        List<JoinResult> members = fixture.stableGroup(GROUP, 2);
        CompletableFuture<JoinResult> newcomer = fixture.joinNew(GROUP);
        CompletableFuture<JoinResult> rejoin = fixture.join(GROUP, members.get(0).memberId());

        fixture.scheduler.advance(REBALANCE_TIMEOUT_MS);

        assertThat(done(rejoin).generationId()).isEqualTo(2);
        assertThat(done(rejoin).members()).extracting(JoinResult.MemberMetadata::memberId)
                .containsExactlyInAnyOrder(members.get(0).memberId(), done(newcomer).memberId());
        assertThat(fixture.heartbeat(GROUP, members.get(1))).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void memberIdThatIsNeverUsedExpiresAndDoesNotBlockTheRebalance() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);
        fixture.memberId(GROUP);
        fixture.join(GROUP, member.memberId(), null, protocols("t", "u"));

        fixture.scheduler.advance(CoordinatorFixture.SESSION_TIMEOUT_MS);

        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.COMPLETING_REBALANCE);
    }

    @Test
    void sessionTimeoutOutsideTheBrokerRangeIsRejected() {
        JoinParams tooShort = new JoinParams(GROUP, "", null, "client", "/127.0.0.1", 999, 5_000, "consumer",
                protocols("t"), true, null);
        JoinParams tooLong = new JoinParams(GROUP, "", null, "client", "/127.0.0.1", 60_001, 5_000, "consumer",
                protocols("t"), true, null);

        assertThat(done(fixture.coordinator.joinGroup(tooShort)).error()).isEqualTo(Errors.INVALID_SESSION_TIMEOUT);
        assertThat(done(fixture.coordinator.joinGroup(tooLong)).error()).isEqualTo(Errors.INVALID_SESSION_TIMEOUT);
    }

    @Test
    void joinWithoutACommonProtocolIsRejected() {
        fixture.stableGroup(GROUP, 1);

        JoinResult other = done(fixture.coordinator.joinGroup(params(GROUP, fixture.memberId(GROUP), null,
                List.of(new Protocol("roundrobin", new byte[0])))));

        assertThat(other.error()).isEqualTo(Errors.INCONSISTENT_GROUP_PROTOCOL);
    }

    @Test
    void theProtocolMostMembersPreferIsChosenAmongThoseAllSupport() {
        Protocol range = new Protocol("range", new byte[] {1});
        Protocol sticky = new Protocol("sticky", new byte[] {2});
        Protocol roundRobin = new Protocol("roundrobin", new byte[] {3});
        CompletableFuture<JoinResult> first = fixture.join(GROUP, fixture.memberId(GROUP), null,
                List.of(range, sticky, roundRobin));
        fixture.join(GROUP, fixture.memberId(GROUP), null, List.of(sticky, range));
        fixture.join(GROUP, fixture.memberId(GROUP), null, List.of(sticky, range));

        fixture.scheduler.advance(INITIAL_DELAY_MS * 3);

        assertThat(done(first).protocolName()).isEqualTo("sticky");
        assertThat(done(first).members()).allSatisfy(m -> assertThat(m.metadata()).containsExactly(2));
    }

    @Test
    void emptyGroupIdIsInvalidForMembership() {
        assertThat(done(fixture.join("", "")).error()).isEqualTo(Errors.INVALID_GROUP_ID);
        assertThat(done(fixture.coordinator.heartbeat("", "m", null, 1))).isEqualTo(Errors.INVALID_GROUP_ID);
    }
}
