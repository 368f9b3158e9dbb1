package io.mq.broker.coordinator;

import static io.mq.broker.coordinator.CoordinatorFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offset commit rules, offset fetch, durable restore, expiry, and the admin operations on groups. */
class GroupOffsetsTest {

    private static final String GROUP = "billing";
    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition T1 = new TopicPartition("t", 1);
    private static final TopicPartition U0 = new TopicPartition("u", 0);

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
    void commitWithGenerationMinusOneIntoAnUnknownGroupCreatesAnEmptyGroupHoldingTheOffsets() {
        Map<TopicPartition, Errors> result = fixture.adminCommit(GROUP, Map.of(T0, 5L, T1, 7L));

        assertThat(result).containsEntry(T0, Errors.NONE).containsEntry(T1, Errors.NONE);
        assertThat(fixture.fetchAll(GROUP)).containsOnlyKeys(T0, T1);
        assertThat(fixture.fetchAll(GROUP).get(T0).offset()).isEqualTo(5);
        assertThat(fixture.fetchAll(GROUP).get(T0).metadata()).isEqualTo("meta-5");
        assertThat(done(fixture.coordinator.listGroups(Set.of())))
                .containsExactly(new GroupOverview(GROUP, "", GroupState.EMPTY));
    }

    @Test
    void commitWithGenerationMinusOneIntoAnEmptyGroupIsAccepted() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);
        done(fixture.coordinator.leaveGroup(GROUP, List.of(new LeaveResult.Leaving(member.memberId(), null))));

        assertThat(fixture.adminCommit(GROUP, Map.of(T0, 3L))).containsEntry(T0, Errors.NONE);
        assertThat(fixture.fetchAll(GROUP).get(T0).offset()).isEqualTo(3);
    }

    @Test
    void commitWithoutAMemberIdIntoAnActiveGroupAnswersUnknownMemberId() {
        fixture.stableGroup(GROUP, 1);

        assertThat(fixture.adminCommit(GROUP, Map.of(T0, 3L))).containsEntry(T0, Errors.UNKNOWN_MEMBER_ID);
        assertThat(fixture.fetchAll(GROUP)).isEmpty();
    }

    @Test
    void memberCommitsWithItsGenerationAndAnOldGenerationAnswersIllegalGeneration() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);

        assertThat(fixture.commit(GROUP, member.generationId(), member.memberId(), null, Map.of(T0, 9L)))
                .containsEntry(T0, Errors.NONE);
        assertThat(fixture.commit(GROUP, member.generationId() - 1, member.memberId(), null, Map.of(T0, 10L)))
                .containsEntry(T0, Errors.ILLEGAL_GENERATION);
        assertThat(fixture.fetchAll(GROUP).get(T0).offset()).isEqualTo(9);
    }

    @Test
    void commitWhilePreparingARebalanceIsAcceptedFromTheCurrentGeneration() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);
        fixture.joinNew(GROUP);

        assertThat(fixture.commit(GROUP, member.generationId(), member.memberId(), null, Map.of(T0, 4L)))
                .containsEntry(T0, Errors.NONE);
    }

    @Test
    void commitWhileCompletingARebalanceAnswersRebalanceInProgress() {
        CompletableFuture<JoinResult> join = fixture.joinNew(GROUP);
        fixture.passInitialDelay();
        JoinResult member = done(join);

        assertThat(fixture.commit(GROUP, member.generationId(), member.memberId(), null, Map.of(T0, 1L)))
                .containsEntry(T0, Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void commitWithAGenerationIntoAnUnknownGroupAnswersIllegalGeneration() {
        assertThat(fixture.commit(GROUP, 3, "ghost", null, Map.of(T0, 1L))).containsEntry(T0,
                Errors.ILLEGAL_GENERATION);
        assertThat(done(fixture.coordinator.listGroups(Set.of()))).isEmpty();
    }

    @Test
    void tooLongMetadataIsRejectedForItsPartitionOnly() {
        OffsetCommitParams params = new OffsetCommitParams(GROUP, -1, "", null, Map.of(
                T0, new OffsetCommitParams.Offset(1, -1, "x".repeat(GroupCoordinator.MAX_METADATA_LENGTH + 1)),
                T1, new OffsetCommitParams.Offset(2, 4, null)));

        Map<TopicPartition, Errors> result = done(fixture.coordinator.commitOffsets(params));

        assertThat(result).containsEntry(T0, Errors.OFFSET_METADATA_TOO_LARGE).containsEntry(T1, Errors.NONE);
        CommittedOffset stored = fixture.fetchAll(GROUP).get(T1);
        assertThat(stored.metadata()).isEmpty();
        assertThat(stored.leaderEpoch()).isEqualTo(4);
        assertThat(stored.commitTimestamp()).isEqualTo(fixture.scheduler.nowMs());
    }

    @Test
    void fetchReturnsOnlyTheRequestedPartitionsThatHaveCommits() {
        fixture.adminCommit(GROUP, Map.of(T0, 5L, U0, 8L));

        OffsetFetchResult some = done(fixture.coordinator.fetchOffsets(GROUP, List.of(T0, T1)));
        OffsetFetchResult unknownGroup = done(fixture.coordinator.fetchOffsets("nobody", List.of(T0)));

        assertThat(some.offsets()).containsOnlyKeys(T0);
        assertThat(unknownGroup.error()).isEqualTo(Errors.NONE);
        assertThat(unknownGroup.offsets()).isEmpty();
    }

    @Test
    void committedAndDeletedOffsetsAreRestoredFromTheCommitLogAfterARestart() {
        fixture.adminCommit(GROUP, Map.of(T0, 5L, T1, 6L));
        fixture.adminCommit(GROUP, Map.of(T0, 15L));
        fixture.adminCommit("other", Map.of(U0, 1L));
        done(fixture.coordinator.deleteOffsets(GROUP, List.of(T1)));

        fixture.restart();

        assertThat(fixture.fetchAll(GROUP)).containsOnlyKeys(T0);
        assertThat(fixture.fetchAll(GROUP).get(T0).offset()).isEqualTo(15);
        assertThat(fixture.fetchAll(GROUP).get(T0).metadata()).isEqualTo("meta-15");
        assertThat(fixture.fetchAll("other").get(U0).offset()).isEqualTo(1);
        assertThat(done(fixture.coordinator.listGroups(Set.of()))).extracting(GroupOverview::groupId)
                .containsExactly(GROUP, "other");
    }

    @Test
    void deletingAnActiveGroupAnswersNonEmptyGroup() {
        fixture.stableGroup(GROUP, 1);

        assertThat(done(fixture.coordinator.deleteGroups(List.of(GROUP, "nobody"))))
                .containsEntry(GROUP, Errors.NON_EMPTY_GROUP).containsEntry("nobody", Errors.GROUP_ID_NOT_FOUND);
        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.STABLE);
    }

    @Test
    void deletingAnEmptyGroupRemovesItAndItsOffsetsDurably() {
        fixture.adminCommit(GROUP, Map.of(T0, 5L));

        assertThat(done(fixture.coordinator.deleteGroups(List.of(GROUP)))).containsEntry(GROUP, Errors.NONE);

        assertThat(fixture.state(GROUP)).isEqualTo(GroupState.DEAD);
        assertThat(fixture.fetchAll(GROUP)).isEmpty();
        fixture.restart();
        assertThat(fixture.fetchAll(GROUP)).isEmpty();
        assertThat(done(fixture.coordinator.listGroups(Set.of()))).isEmpty();
    }

    @Test
    void offsetsOfTopicsAnActiveConsumerGroupSubscribesToCannotBeDeleted() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);
        fixture.commit(GROUP, member.generationId(), member.memberId(), null, Map.of(T0, 1L, U0, 2L));

        OffsetDeleteResult result = done(fixture.coordinator.deleteOffsets(GROUP, List.of(T0, U0)));

        assertThat(result.error()).isEqualTo(Errors.NONE);
        assertThat(result.partitions()).containsEntry(T0, Errors.GROUP_SUBSCRIBED_TO_TOPIC)
                .containsEntry(U0, Errors.NONE);
        assertThat(fixture.fetchAll(GROUP)).containsOnlyKeys(T0);
    }

    @Test
    void deletingOffsetsOfAnUnknownGroupAnswersGroupIdNotFound() {
        assertThat(done(fixture.coordinator.deleteOffsets("nobody", List.of(T0))).error())
                .isEqualTo(Errors.GROUP_ID_NOT_FOUND);
    }

    @Test
    void offsetsOfAnEmptyGroupExpireAfterTheRetentionAndTheGroupIsForgotten() {
        fixture.adminCommit(GROUP, Map.of(T0, 5L));
        fixture.scheduler.advance(CoordinatorFixture.RETENTION_MS / 2);
        fixture.adminCommit(GROUP, Map.of(T1, 6L));

        fixture.scheduler.advance(CoordinatorFixture.RETENTION_MS / 2 + CoordinatorFixture.RETENTION_CHECK_MS);
        assertThat(fixture.fetchAll(GROUP)).containsOnlyKeys(T1);

        fixture.scheduler.advance(CoordinatorFixture.RETENTION_MS / 2);
        assertThat(fixture.fetchAll(GROUP)).isEmpty();
        assertThat(done(fixture.coordinator.listGroups(Set.of()))).isEmpty();
        fixture.restart();
        assertThat(fixture.fetchAll(GROUP)).isEmpty();
    }

    @Test
    void offsetsOfAnActiveGroupDoNotExpire() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);
        fixture.commit(GROUP, member.generationId(), member.memberId(), null, Map.of(T0, 1L));

        long heartbeats = (CoordinatorFixture.RETENTION_MS + 2 * CoordinatorFixture.RETENTION_CHECK_MS)
                / (CoordinatorFixture.SESSION_TIMEOUT_MS / 2);
        for (long i = 0; i < heartbeats; i++) {
            fixture.scheduler.advance(CoordinatorFixture.SESSION_TIMEOUT_MS / 2);
            assertThat(fixture.heartbeat(GROUP, member)).isEqualTo(Errors.NONE);
        }

        assertThat(fixture.fetchAll(GROUP)).containsOnlyKeys(T0);
    }

    @Test
    void listGroupsFiltersByState() {
        fixture.stableGroup("active", 1);
        fixture.adminCommit("idle", Map.of(T0, 1L));

        assertThat(done(fixture.coordinator.listGroups(EnumSet.of(GroupState.STABLE))))
                .extracting(GroupOverview::groupId).containsExactly("active");
        assertThat(done(fixture.coordinator.listGroups(EnumSet.of(GroupState.EMPTY, GroupState.STABLE))))
                .containsExactly(new GroupOverview("active", "consumer", GroupState.STABLE),
                        new GroupOverview("idle", "", GroupState.EMPTY));
    }

    @Test
    void describingAGroupShowsMembersButAssignmentsOnlyWhenStable() {
        JoinResult member = fixture.stableGroup(GROUP, 1).get(0);
        GroupDescription stable = fixture.describe(GROUP);
        fixture.joinNew(GROUP);
        GroupDescription rebalancing = fixture.describe(GROUP);

        assertThat(stable.protocolType()).isEqualTo("consumer");
        assertThat(stable.members()).singleElement().satisfies(m -> {
            assertThat(m.memberId()).isEqualTo(member.memberId());
            assertThat(m.clientId()).isEqualTo("client");
            assertThat(m.clientHost()).isEqualTo("/127.0.0.1");
            assertThat(m.metadata()).isEqualTo(CoordinatorFixture.subscription("t"));
            assertThat(m.assignment()).isEqualTo(CoordinatorFixture.assignmentOf(member.memberId()));
        });
        assertThat(rebalancing.state()).isEqualTo(GroupState.PREPARING_REBALANCE);
        assertThat(rebalancing.protocolName()).isEmpty();
        assertThat(rebalancing.members()).hasSize(2).allSatisfy(m -> assertThat(m.assignment()).isEmpty());
    }

    @Test
    void describingAnUnknownGroupReportsItDead() {
        GroupDescription unknown = fixture.describe("nobody");

        assertThat(unknown.error()).isEqualTo(Errors.NONE);
        assertThat(unknown.state()).isEqualTo(GroupState.DEAD);
        assertThat(unknown.members()).isEmpty();
    }
}
