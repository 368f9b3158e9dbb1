package io.mq.broker.coordinator;

import static io.mq.broker.coordinator.GroupState.COMPLETING_REBALANCE;
import static io.mq.broker.coordinator.GroupState.DEAD;
import static io.mq.broker.coordinator.GroupState.EMPTY;

import io.mq.protocol.ConsumerProtocol;
import io.mq.protocol.Errors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic group coordinator of the broker: owns every group and the committed offsets.
 *
 * <p>Threads: every operation is queued to the {@link CoordinatorScheduler}'s single thread, which alone reads and
 * changes group state; callers (Netty event loops) get a future and never block. A JoinGroup future completes when
 * the rebalance completes (the request is parked meanwhile), a SyncGroup future when the leader's assignment
 * arrives, an OffsetCommit future when the offsets are durable. Session, rebalance and initial-delay timeouts and the
 * periodic offset expiry are timers of the same scheduler.
 *
 * <p>State machine: {@link Rebalancer} (rebalance phases and sessions) and {@link MembershipOperations} (join, sync,
 * heartbeat, leave); this class adds group lookup, offsets, listing, describing and deleting.
 *
 * <p>Offset commits follow Kafka's rules: generation -1 with no member id commits into an empty (or unknown) group,
 * which is how admin tools alter offsets; otherwise the member must be known (UNKNOWN_MEMBER_ID), not fenced
 * (FENCED_INSTANCE_ID) and of the current generation (ILLEGAL_GENERATION), and the group must not be completing a
 * rebalance (REBALANCE_IN_PROGRESS). The offsets of an empty group expire {@code offsetsRetention} after the later of
 * the commit and the moment the group became empty; an empty group without offsets is then forgotten.
 *
 * <p>In a test cluster each broker runs its own coordinator for the groups whose {@code __consumer_offsets}
 * partition it leads; a request about any other group answers NOT_COORDINATOR (the client looks the coordinator up
 * again).
 */
public final class GroupCoordinator {

    private static final Logger log = LoggerFactory.getLogger(GroupCoordinator.class);

    /** Longest offset metadata accepted (Kafka's {@code offset.metadata.max.bytes} default). */
    public static final int MAX_METADATA_LENGTH = 4096;

    private final GroupConfig config;
    private final OffsetStore offsets;
    private final CoordinatorScheduler scheduler;
    private final Rebalancer rebalancer;
    private final MembershipOperations membership;
    private final IntPredicate coordinates;
    private final Map<String, Group> groups = new HashMap<>();

    /**
     * A coordinator of every group, over the offsets already loaded into {@code offsets}: every group with offsets
     * starts empty. Schedules the periodic offset expiry on {@code scheduler}, which the caller owns and closes.
     */
    public GroupCoordinator(GroupConfig config, OffsetStore offsets, CoordinatorScheduler scheduler) {
        this(config, offsets, scheduler, partition -> true);
    }

    /**
     * A coordinator of the groups whose offsets partition {@code coordinates} accepts (asked at each request); as
     * {@link #GroupCoordinator(GroupConfig, OffsetStore, CoordinatorScheduler)} otherwise.
     */
    public GroupCoordinator(GroupConfig config, OffsetStore offsets, CoordinatorScheduler scheduler,
            IntPredicate coordinates) {
        this.config = config;
        this.offsets = offsets;
        this.scheduler = scheduler;
        this.coordinates = coordinates;
        this.rebalancer = new Rebalancer(scheduler, config);
        this.membership = new MembershipOperations(rebalancer);
        scheduler.execute(() -> {
            for (String groupId : offsets.groupIds()) {
                groups.put(groupId, new Group(groupId, -1));
            }
            scheduleExpiry();
        });
    }

    // ---- membership

    /** JoinGroup: completes when the member's rebalance completes, or at once on an error. */
    public CompletableFuture<JoinResult> joinGroup(JoinParams params) {
        return run(result -> {
            if (!isValidMembershipGroupId(params.groupId())) {
                result.complete(JoinResult.failed(Errors.INVALID_GROUP_ID, params.memberId()));
            } else if (!isCoordinator(params.groupId())) {
                result.complete(JoinResult.failed(Errors.NOT_COORDINATOR, params.memberId()));
            } else if (params.sessionTimeoutMs() < config.minSessionTimeoutMs()
                    || params.sessionTimeoutMs() > config.maxSessionTimeoutMs()) {
                result.complete(JoinResult.failed(Errors.INVALID_SESSION_TIMEOUT, params.memberId()));
            } else {
                Group group = groups.get(params.groupId());
                if (group == null && !params.memberId().isEmpty()) {
                    result.complete(JoinResult.failed(Errors.UNKNOWN_MEMBER_ID, params.memberId()));
                    return;
                }
                if (group == null) {
                    group = new Group(params.groupId(), scheduler.nowMs());
                    groups.put(params.groupId(), group);
                }
                membership.join(group, params, result);
            }
        });
    }

    /** SyncGroup: completes when the leader's assignment arrives, or at once. */
    public CompletableFuture<SyncResult> syncGroup(SyncParams params) {
        return run(result -> {
            Group group = groups.get(params.groupId());
            if (!isValidMembershipGroupId(params.groupId())) {
                result.complete(SyncResult.failed(Errors.INVALID_GROUP_ID));
            } else if (!isCoordinator(params.groupId())) {
                result.complete(SyncResult.failed(Errors.NOT_COORDINATOR));
            } else if (group == null) {
                result.complete(SyncResult.failed(Errors.UNKNOWN_MEMBER_ID));
            } else {
                membership.sync(group, params, result);
            }
        });
    }

    /** Heartbeat: NONE, REBALANCE_IN_PROGRESS (rejoin) or why the member is not part of the generation. */
    public CompletableFuture<Errors> heartbeat(String groupId, String memberId, String groupInstanceId,
            int generationId) {
        return supply(() -> {
            Group group = groups.get(groupId);
            if (!isValidMembershipGroupId(groupId)) {
                return Errors.INVALID_GROUP_ID;
            }
            if (!isCoordinator(groupId)) {
                return Errors.NOT_COORDINATOR;
            }
            return group == null ? Errors.UNKNOWN_MEMBER_ID
                    : membership.heartbeat(group, memberId, groupInstanceId, generationId);
        });
    }

    /** LeaveGroup for a batch of members. */
    public CompletableFuture<LeaveResult> leaveGroup(String groupId, List<LeaveResult.Leaving> leaving) {
        return supply(() -> {
            if (!isValidMembershipGroupId(groupId)) {
                return new LeaveResult(Errors.INVALID_GROUP_ID, List.of());
            }
            if (!isCoordinator(groupId)) {
                return new LeaveResult(Errors.NOT_COORDINATOR, List.of());
            }
            Group group = groups.get(groupId);
            if (group != null) {
                return membership.leave(group, leaving);
            }
            List<LeaveResult.MemberResult> unknown = new ArrayList<>();
            leaving.forEach(m -> unknown.add(new LeaveResult.MemberResult(m.memberId(), m.groupInstanceId(),
                    Errors.UNKNOWN_MEMBER_ID)));
            return new LeaveResult(Errors.NONE, unknown);
        });
    }

    // ---- offsets

    /** OffsetCommit: the error per partition, once the accepted offsets are durable. */
    public CompletableFuture<Map<TopicPartition, Errors>> commitOffsets(OffsetCommitParams params) {
        CompletableFuture<Map<TopicPartition, Errors>> result = new CompletableFuture<>();
        runOnThread(result, () -> {
            Errors error = checkCommit(params);
            Map<TopicPartition, Errors> errors = new LinkedHashMap<>();
            Map<TopicPartition, CommittedOffset> accepted = new LinkedHashMap<>();
            long now = scheduler.nowMs();
            params.offsets().forEach((partition, offset) -> {
                String metadata = offset.metadata() == null ? "" : offset.metadata();
                if (error != Errors.NONE) {
                    errors.put(partition, error);
                } else if (metadata.length() > MAX_METADATA_LENGTH) {
                    errors.put(partition, Errors.OFFSET_METADATA_TOO_LARGE);
                } else {
                    accepted.put(partition, new CommittedOffset(offset.offset(), offset.leaderEpoch(), metadata, now));
                }
            });
            if (accepted.isEmpty()) {
                result.complete(errors);
                return;
            }
            offsets.commit(params.groupId(), accepted).thenAccept(stored -> {
                accepted.keySet().forEach(partition -> errors.put(partition, stored));
                result.complete(errors);
            });
        });
        return result;
    }

    private Errors checkCommit(OffsetCommitParams params) {
        if (params.groupId() == null) {
            return Errors.INVALID_GROUP_ID;
        }
        if (!isCoordinator(params.groupId())) {
            return Errors.NOT_COORDINATOR;
        }
        Group group = groups.get(params.groupId());
        if (group == null) {
            if (params.generationId() >= 0) {
                return Errors.ILLEGAL_GENERATION;
            }
            groups.put(params.groupId(), new Group(params.groupId(), scheduler.nowMs()));
            return Errors.NONE;
        }
        if (group.is(DEAD)) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (params.generationId() < 0 && group.is(EMPTY)) {
            return Errors.NONE;
        }
        if (group.isFenced(params.groupInstanceId(), params.memberId())) {
            return Errors.FENCED_INSTANCE_ID;
        }
        if (group.is(COMPLETING_REBALANCE)) {
            return Errors.REBALANCE_IN_PROGRESS;
        }
        Member member = group.member(params.memberId());
        if (member == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (params.generationId() != group.generationId()) {
            return Errors.ILLEGAL_GENERATION;
        }
        rebalancer.scheduleSession(group, member);
        return Errors.NONE;
    }

    /**
     * OffsetFetch: the committed offsets of {@code partitions}, or of every partition when it is {@code null}.
     */
    public CompletableFuture<OffsetFetchResult> fetchOffsets(String groupId, List<TopicPartition> partitions) {
        return supply(() -> {
            if (groupId == null) {
                return new OffsetFetchResult(Errors.INVALID_GROUP_ID, Map.of());
            }
            if (!isCoordinator(groupId)) {
                return new OffsetFetchResult(Errors.NOT_COORDINATOR, Map.of());
            }
            if (partitions == null) {
                return new OffsetFetchResult(Errors.NONE, offsets.offsets(groupId));
            }
            Map<TopicPartition, CommittedOffset> found = new LinkedHashMap<>();
            for (TopicPartition partition : partitions) {
                CommittedOffset offset = offsets.offset(groupId, partition);
                if (offset != null) {
                    found.put(partition, offset);
                }
            }
            return new OffsetFetchResult(Errors.NONE, found);
        });
    }

    /**
     * OffsetDelete: an empty group's offsets are deleted; an active consumer group's only for topics it does not
     * subscribe to (GROUP_SUBSCRIBED_TO_TOPIC otherwise); another active group answers NON_EMPTY_GROUP.
     */
    public CompletableFuture<OffsetDeleteResult> deleteOffsets(String groupId, List<TopicPartition> partitions) {
        CompletableFuture<OffsetDeleteResult> result = new CompletableFuture<>();
        runOnThread(result, () -> {
            Group group = groupId == null ? null : groups.get(groupId);
            if (groupId == null) {
                result.complete(new OffsetDeleteResult(Errors.INVALID_GROUP_ID, Map.of()));
                return;
            }
            if (!isCoordinator(groupId)) {
                result.complete(new OffsetDeleteResult(Errors.NOT_COORDINATOR, Map.of()));
                return;
            }
            if (group == null || group.is(DEAD)) {
                result.complete(new OffsetDeleteResult(Errors.GROUP_ID_NOT_FOUND, Map.of()));
                return;
            }
            boolean consumerGroup = ConsumerProtocol.PROTOCOL_TYPE.equals(group.protocolType());
            if (!group.is(EMPTY) && !consumerGroup) {
                result.complete(new OffsetDeleteResult(Errors.NON_EMPTY_GROUP, Map.of()));
                return;
            }
            Set<String> subscribed = group.subscribedTopics();
            Map<TopicPartition, Errors> errors = new LinkedHashMap<>();
            List<TopicPartition> deletable = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                if (!group.is(EMPTY) && (subscribed == null || subscribed.contains(partition.topic()))) {
                    errors.put(partition, Errors.GROUP_SUBSCRIBED_TO_TOPIC);
                } else {
                    deletable.add(partition);
                    errors.put(partition, Errors.NONE);
                }
            }
            offsets.delete(groupId, deletable, scheduler.nowMs()).thenAccept(stored -> result.complete(
                    stored == Errors.NONE ? new OffsetDeleteResult(Errors.NONE, errors)
                            : new OffsetDeleteResult(stored, Map.of())));
        });
        return result;
    }

    // ---- groups

    /** ListGroups: every group, or those in {@code states} when it is not empty, by group id. */
    public CompletableFuture<List<GroupOverview>> listGroups(Set<GroupState> states) {
        return supply(() -> {
            List<GroupOverview> listed = new ArrayList<>();
            for (Group group : groups.values()) {
                if (states.isEmpty() || states.contains(group.state())) {
                    listed.add(new GroupOverview(group.groupId(), nullToEmpty(group.protocolType()), group.state()));
                }
            }
            listed.sort(Comparator.comparing(GroupOverview::groupId));
            return listed;
        });
    }

    /** DescribeGroups: one description per requested id, in order. */
    public CompletableFuture<List<GroupDescription>> describeGroups(List<String> groupIds) {
        return supply(() -> {
            List<GroupDescription> described = new ArrayList<>(groupIds.size());
            for (String groupId : groupIds) {
                described.add(describe(groupId));
            }
            return described;
        });
    }

    private GroupDescription describe(String groupId) {
        if (groupId == null) {
            return new GroupDescription(Errors.INVALID_GROUP_ID, groupId, DEAD, "", "", List.of());
        }
        if (!isCoordinator(groupId)) {
            return new GroupDescription(Errors.NOT_COORDINATOR, groupId, DEAD, "", "", List.of());
        }
        Group group = groups.get(groupId);
        if (group == null) {
            return new GroupDescription(Errors.NONE, groupId, DEAD, "", "", List.of());
        }
        boolean stable = group.is(GroupState.STABLE);
        byte[] none = new byte[0];
        List<GroupDescription.MemberDescription> members = new ArrayList<>();
        for (Member member : group.members()) {
            members.add(new GroupDescription.MemberDescription(member.memberId(), member.groupInstanceId(),
                    member.clientId(), member.clientHost(), stable ? member.metadata(group.protocolName()) : none,
                    stable ? member.assignment() : none));
        }
        return new GroupDescription(Errors.NONE, groupId, group.state(), nullToEmpty(group.protocolType()),
                stable ? group.protocolName() : "", members);
    }

    /**
     * DeleteGroups: an empty group is removed with its offsets (NONE once the tombstones are durable); an active
     * one answers NON_EMPTY_GROUP, an unknown one GROUP_ID_NOT_FOUND.
     */
    public CompletableFuture<Map<String, Errors>> deleteGroups(List<String> groupIds) {
        CompletableFuture<Map<String, Errors>> result = new CompletableFuture<>();
        runOnThread(result, () -> {
            Map<String, CompletableFuture<Errors>> outcomes = new LinkedHashMap<>();
            for (String groupId : groupIds) {
                outcomes.put(groupId, deleteGroup(groupId));
            }
            CompletableFuture.allOf(outcomes.values().toArray(CompletableFuture[]::new)).thenRun(() -> {
                Map<String, Errors> errors = new LinkedHashMap<>();
                outcomes.forEach((groupId, outcome) -> errors.put(groupId, outcome.join()));
                result.complete(errors);
            });
        });
        return result;
    }

    private CompletableFuture<Errors> deleteGroup(String groupId) {
        Group group = groupId == null ? null : groups.get(groupId);
        if (groupId == null) {
            return CompletableFuture.completedFuture(Errors.INVALID_GROUP_ID);
        }
        if (!isCoordinator(groupId)) {
            return CompletableFuture.completedFuture(Errors.NOT_COORDINATOR);
        }
        if (group == null || group.is(DEAD)) {
            return CompletableFuture.completedFuture(Errors.GROUP_ID_NOT_FOUND);
        }
        if (!group.is(EMPTY)) {
            return CompletableFuture.completedFuture(Errors.NON_EMPTY_GROUP);
        }
        group.clearPending();
        group.transitionTo(DEAD, scheduler.nowMs());
        groups.remove(groupId);
        log.info("Deleted group {}", groupId);
        return offsets.delete(groupId, offsets.offsets(groupId).keySet(), scheduler.nowMs());
    }

    // ---- expiry

    private void scheduleExpiry() {
        scheduler.schedule(() -> {
            expireOffsets();
            scheduleExpiry();
        }, config.offsetsRetentionCheckIntervalMs());
    }

    /** Deletes expired offsets of empty groups, then forgets empty groups left without offsets. */
    private void expireOffsets() {
        long now = scheduler.nowMs();
        for (Group group : new ArrayList<>(groups.values())) {
            if (!group.is(EMPTY) || group.hasPendingMembers()) {
                continue;
            }
            List<TopicPartition> expired = new ArrayList<>();
            offsets.offsets(group.groupId()).forEach((partition, offset) -> {
                if (now - Math.max(group.emptySinceMs(), offset.commitTimestamp()) >= config.offsetsRetentionMs()) {
                    expired.add(partition);
                }
            });
            if (!expired.isEmpty()) {
                log.info("Expiring {} committed offsets of empty group {}", expired.size(), group);
                offsets.delete(group.groupId(), expired, now);
            }
            if (offsets.offsets(group.groupId()).isEmpty()) {
                group.transitionTo(DEAD, now);
                groups.remove(group.groupId());
                log.debug("Removed empty group {} without committed offsets", group);
            }
        }
    }

    // ---- threading

    private <T> CompletableFuture<T> run(Consumer<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        runOnThread(result, () -> task.accept(result));
        return result;
    }

    private <T> CompletableFuture<T> supply(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        runOnThread(result, () -> result.complete(task.get()));
        return result;
    }

    /** Runs {@code task} on the coordinator thread; a failure (or a closed coordinator) fails {@code result}. */
    private void runOnThread(CompletableFuture<?> result, Runnable task) {
        try {
            scheduler.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Group coordinator operation failed", e);
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
    }

    /** Whether this coordinator owns {@code groupId} (not null). */
    private boolean isCoordinator(String groupId) {
        return coordinates.test(offsets.partitionFor(groupId));
    }

    private static boolean isValidMembershipGroupId(String groupId) {
        return groupId != null && !groupId.isEmpty();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
