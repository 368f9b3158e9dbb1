package io.mq.broker.coordinator;

import static io.mq.broker.coordinator.GroupState.DEAD;

import io.mq.protocol.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JoinGroup, SyncGroup, Heartbeat and LeaveGroup on one group: the checks (dead group, fenced static member, unknown
 * member, generation, protocol) and what each request does in each state. The rebalance itself is the
 * {@link Rebalancer}'s. Runs on the coordinator thread only.
 */
final class MembershipOperations {

    private static final Logger log = LoggerFactory.getLogger(MembershipOperations.class);

    private final Rebalancer rebalancer;

    MembershipOperations(Rebalancer rebalancer) {
        this.rebalancer = rebalancer;
    }

    /** Handles a join; {@code join} completes when the member's rebalance completes, or at once on errors. */
    void join(Group group, JoinParams params, CompletableFuture<JoinResult> join) {
        if (group.is(DEAD)) {
            join.complete(JoinResult.failed(Errors.COORDINATOR_NOT_AVAILABLE, params.memberId()));
        } else if (!group.supportsProtocols(params.protocolType(), params.protocols())) {
            join.complete(JoinResult.failed(Errors.INCONSISTENT_GROUP_PROTOCOL, params.memberId()));
        } else if (params.memberId().isEmpty()) {
            joinNewMember(group, params, join);
        } else {
            joinKnownMember(group, params, join);
        }
    }

    private void joinNewMember(Group group, JoinParams params, CompletableFuture<JoinResult> join) {
        String instanceId = params.groupInstanceId();
        String memberId = (instanceId != null ? instanceId : params.clientId()) + "-" + UUID.randomUUID();
        String existing = group.staticMemberId(instanceId);
        if (existing != null) {
            replaceStaticMember(group, group.member(existing), memberId, params, join);
        } else if (instanceId == null && params.requireKnownMemberId()) {
            rebalancer.addPendingMember(group, memberId, params.sessionTimeoutMs());
            join.complete(JoinResult.failed(Errors.MEMBER_ID_REQUIRED, memberId));
        } else {
            rebalancer.addMemberAndRebalance(group, new Member(memberId, params), params.protocolType(), join,
                    "new member " + memberId + " joined" + reason(params));
        }
    }

    private void joinKnownMember(Group group, JoinParams params, CompletableFuture<JoinResult> join) {
        String memberId = params.memberId();
        if (group.isFenced(params.groupInstanceId(), memberId)) {
            join.complete(JoinResult.failed(Errors.FENCED_INSTANCE_ID, memberId));
            return;
        }
        if (group.removePending(memberId)) {
            rebalancer.addMemberAndRebalance(group, new Member(memberId, params), params.protocolType(), join,
                    "new member " + memberId + " joined" + reason(params));
            return;
        }
        Member member = group.member(memberId);
        if (member == null) {
            join.complete(JoinResult.failed(Errors.UNKNOWN_MEMBER_ID, memberId));
            return;
        }
        switch (group.state()) {
            case PREPARING_REBALANCE -> rebalancer.updateMemberAndRebalance(group, member, params, join,
                    "member " + member + " rejoined" + reason(params));
            case COMPLETING_REBALANCE -> {
                if (member.sameProtocols(params.protocols())) {
                    // The join response was lost: answer it again.
                    rebalancer.scheduleSession(group, member);
                    join.complete(currentGeneration(group, member, false));
                } else {
                    rebalancer.updateMemberAndRebalance(group, member, params, join,
                            "member " + member + " changed its protocols" + reason(params));
                }
            }
            case STABLE -> {
                if (group.isLeader(memberId) || !member.sameProtocols(params.protocols())) {
                    rebalancer.updateMemberAndRebalance(group, member, params, join,
                            (group.isLeader(memberId) ? "leader " : "member ") + member + " rejoined"
                                    + reason(params));
                } else {
                    rebalancer.scheduleSession(group, member);
                    join.complete(currentGeneration(group, member, false));
                }
            }
            case EMPTY, DEAD -> join.complete(JoinResult.failed(Errors.UNKNOWN_MEMBER_ID, memberId));
        }
    }

    /**
     * A static member rejoined without its member id (it restarted): the old id is fenced and replaced. In a stable
     * group with unchanged protocols no rebalance happens and the member gets the current generation (its old
     * assignment comes with the sync; a leader is told to skip the assignment); otherwise the group rebalances.
     */
    private void replaceStaticMember(Group group, Member old, String memberId, JoinParams params,
            CompletableFuture<JoinResult> join) {
        Member replacement = old.replacedBy(memberId, params);
        boolean unchanged = old.sameProtocols(params.protocols());
        old.cancelSessionTimer();
        old.completeJoin(JoinResult.failed(Errors.FENCED_INSTANCE_ID, old.memberId()));
        old.completeSync(SyncResult.failed(Errors.FENCED_INSTANCE_ID));
        group.replace(old, replacement);
        log.info("Static member {} of group {} rejoined; member id {} replaces {}", params.groupInstanceId(), group,
                memberId, old.memberId());
        rebalancer.scheduleSession(group, replacement);
        switch (group.state()) {
            case STABLE -> {
                if (unchanged) {
                    join.complete(currentGeneration(group, replacement, group.isLeader(memberId)));
                } else {
                    replacement.awaitJoin(join);
                    rebalancer.maybePrepareRebalance(group, "static member " + replacement
                            + " rejoined with changed protocols");
                }
            }
            case COMPLETING_REBALANCE, PREPARING_REBALANCE -> {
                replacement.awaitJoin(join);
                rebalancer.maybePrepareRebalance(group, "static member " + replacement + " rejoined");
            }
            case EMPTY, DEAD -> throw new IllegalStateException("group " + group + " has static member "
                    + replacement + " but is " + group.state().displayName());
        }
    }

    /** The current generation as {@code member} sees it: the leader also gets the members. */
    private static JoinResult currentGeneration(Group group, Member member, boolean skipAssignment) {
        boolean leader = group.isLeader(member.memberId());
        return new JoinResult(Errors.NONE, member.memberId(), group.generationId(), group.protocolType(),
                group.protocolName(), group.leaderId(), skipAssignment,
                leader ? Rebalancer.currentMembers(group) : List.of());
    }

    /** Handles a sync; {@code sync} completes when the leader's assignment arrives, or at once. */
    void sync(Group group, SyncParams params, CompletableFuture<SyncResult> sync) {
        Errors error = checkMember(group, params.groupInstanceId(), params.memberId(), params.generationId());
        if (error == Errors.NONE && (params.protocolType() != null
                && !params.protocolType().equals(group.protocolType())
                || params.protocolName() != null && !params.protocolName().equals(group.protocolName()))) {
            error = Errors.INCONSISTENT_GROUP_PROTOCOL;
        }
        if (error != Errors.NONE) {
            sync.complete(SyncResult.failed(error));
            return;
        }
        Member member = group.member(params.memberId());
        switch (group.state()) {
            case EMPTY, DEAD -> sync.complete(SyncResult.failed(Errors.UNKNOWN_MEMBER_ID));
            case PREPARING_REBALANCE -> sync.complete(SyncResult.failed(Errors.REBALANCE_IN_PROGRESS));
            case COMPLETING_REBALANCE -> {
                member.awaitSync(sync);
                rebalancer.scheduleSession(group, member);
                if (group.isLeader(member.memberId())) {
                    rebalancer.completeSync(group, params.assignments());
                }
            }
            case STABLE -> {
                rebalancer.scheduleSession(group, member);
                sync.complete(new SyncResult(Errors.NONE, group.protocolType(), group.protocolName(),
                        member.assignment()));
            }
        }
    }

    /** Handles a heartbeat: keeps the session alive and tells the member whether to rejoin. */
    Errors heartbeat(Group group, String memberId, String groupInstanceId, int generationId) {
        Errors error = checkMember(group, groupInstanceId, memberId, generationId);
        if (error != Errors.NONE) {
            return error;
        }
        return switch (group.state()) {
            case EMPTY, DEAD -> Errors.UNKNOWN_MEMBER_ID;
            case PREPARING_REBALANCE -> {
                rebalancer.scheduleSession(group, group.member(memberId));
                yield Errors.REBALANCE_IN_PROGRESS;
            }
            case COMPLETING_REBALANCE, STABLE -> {
                rebalancer.scheduleSession(group, group.member(memberId));
                yield Errors.NONE;
            }
        };
    }

    /** The checks shared by sync and heartbeat, in Kafka's order. */
    private static Errors checkMember(Group group, String groupInstanceId, String memberId, int generationId) {
        if (group.is(DEAD)) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (group.isFenced(groupInstanceId, memberId)) {
            return Errors.FENCED_INSTANCE_ID;
        }
        if (group.member(memberId) == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (generationId != group.generationId()) {
            return Errors.ILLEGAL_GENERATION;
        }
        return Errors.NONE;
    }

    /** Removes the leaving members (by member id, or by instance id for static members) and rebalances the rest. */
    LeaveResult leave(Group group, List<LeaveResult.Leaving> leaving) {
        if (group.is(DEAD)) {
            return new LeaveResult(Errors.COORDINATOR_NOT_AVAILABLE, List.of());
        }
        List<LeaveResult.MemberResult> results = new ArrayList<>(leaving.size());
        for (LeaveResult.Leaving request : leaving) {
            results.add(new LeaveResult.MemberResult(request.memberId(), request.groupInstanceId(),
                    leaveOne(group, request)));
        }
        return new LeaveResult(Errors.NONE, results);
    }

    private Errors leaveOne(Group group, LeaveResult.Leaving request) {
        String memberId = request.memberId();
        if (memberId.isEmpty() && request.groupInstanceId() != null) {
            memberId = group.staticMemberId(request.groupInstanceId());
            if (memberId == null) {
                return Errors.UNKNOWN_MEMBER_ID;
            }
        } else if (group.isFenced(request.groupInstanceId(), memberId)) {
            return Errors.FENCED_INSTANCE_ID;
        }
        if (group.removePending(memberId)) {
            rebalancer.tryCompleteJoin(group);
            return Errors.NONE;
        }
        Member member = group.member(memberId);
        if (member == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        log.info("Member {} leaves group {}", member, group);
        rebalancer.removeMemberAndRebalance(group, member, "member " + member + " left the group");
        return Errors.NONE;
    }

    private static String reason(JoinParams params) {
        return params.reason() == null || params.reason().isEmpty() ? "" : " (" + params.reason() + ")";
    }
}
