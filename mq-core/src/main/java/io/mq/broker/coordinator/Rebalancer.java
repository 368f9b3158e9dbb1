package io.mq.broker.coordinator;

import static io.mq.broker.coordinator.GroupState.COMPLETING_REBALANCE;
import static io.mq.broker.coordinator.GroupState.EMPTY;
import static io.mq.broker.coordinator.GroupState.PREPARING_REBALANCE;
import static io.mq.broker.coordinator.GroupState.STABLE;

import io.mq.protocol.ConsumerProtocol;
import io.mq.protocol.Errors;
import io.mq.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the rebalance state machine of a group: starts a rebalance (PreparingRebalance), completes the join phase
 * when every member rejoined or the rebalance timeout passed (CompletingRebalance, answering the parked joins),
 * completes the sync phase with the leader's assignment (Stable), and removes members whose session expired. The
 * first rebalance of an empty group waits {@code initialRebalanceDelay} (extended while new members keep arriving,
 * up to the rebalance timeout) so that members starting together land in one generation. Runs on the coordinator
 * thread only.
 */
final class Rebalancer {

    private static final Logger log = LoggerFactory.getLogger(Rebalancer.class);

    private final CoordinatorScheduler scheduler;
    private final GroupConfig config;

    Rebalancer(CoordinatorScheduler scheduler, GroupConfig config) {
        this.scheduler = scheduler;
        this.config = config;
    }

    /** Adds a new member whose join response waits for the rebalance this starts or joins. */
    void addMemberAndRebalance(Group group, Member member, String protocolType, CompletableFuture<JoinResult> join,
            String reason) {
        member.awaitJoin(join);
        group.add(member, protocolType);
        if (group.is(PREPARING_REBALANCE) && group.initialDelayActive()) {
            group.newMemberAdded(true);
        }
        scheduleSession(group, member);
        maybePrepareRebalance(group, reason);
    }

    /** Takes a known member's new join settings; its response waits for the rebalance this starts or joins. */
    void updateMemberAndRebalance(Group group, Member member, JoinParams params, CompletableFuture<JoinResult> join,
            String reason) {
        member.update(params);
        member.awaitJoin(join);
        scheduleSession(group, member);
        maybePrepareRebalance(group, reason);
    }

    /** Starts a rebalance, or, while one is preparing, checks whether it can complete. */
    void maybePrepareRebalance(Group group, String reason) {
        switch (group.state()) {
            case EMPTY, STABLE, COMPLETING_REBALANCE -> prepareRebalance(group, reason);
            case PREPARING_REBALANCE -> tryCompleteJoin(group);
            case DEAD -> { }
        }
    }

    private void prepareRebalance(Group group, String reason) {
        if (group.is(COMPLETING_REBALANCE)) {
            for (Member member : group.members()) {
                member.assignment(null);
                member.completeSync(SyncResult.failed(Errors.REBALANCE_IN_PROGRESS));
            }
        }
        boolean initial = group.is(EMPTY);
        group.transitionTo(PREPARING_REBALANCE, scheduler.nowMs());
        long rebalanceId = group.newRebalance();
        log.info("Preparing to rebalance group {} (generation {}, {} members): {}", group, group.generationId(),
                group.members().size(), reason);
        if (initial) {
            long delay = config.initialRebalanceDelayMs();
            scheduleInitialDelay(group, rebalanceId, delay, Math.max(group.rebalanceTimeoutMs() - delay, 0));
        } else {
            group.joinTimer(scheduler.schedule(() -> onRebalanceTimeout(group, rebalanceId),
                    group.rebalanceTimeoutMs()), false);
            tryCompleteJoin(group);
        }
    }

    private void scheduleInitialDelay(Group group, long rebalanceId, long delayMs, long remainingMs) {
        group.joinTimer(scheduler.schedule(() -> onInitialDelayExpired(group, rebalanceId, remainingMs), delayMs), true);
    }

    private void onInitialDelayExpired(Group group, long rebalanceId, long remainingMs) {
        if (isStale(group, rebalanceId)) {
            return;
        }
        if (group.newMemberAdded() && remainingMs > 0) {
            group.newMemberAdded(false);
            long delay = Math.min(config.initialRebalanceDelayMs(), remainingMs);
            scheduleInitialDelay(group, rebalanceId, delay, remainingMs - delay);
        } else {
            completeJoin(group);
        }
    }

    private void onRebalanceTimeout(Group group, long rebalanceId) {
        if (!isStale(group, rebalanceId)) {
            log.info("Rebalance of group {} timed out; completing it with the members that rejoined", group);
            completeJoin(group);
        }
    }

    private static boolean isStale(Group group, long rebalanceId) {
        return group.rebalanceId() != rebalanceId || !group.is(PREPARING_REBALANCE);
    }

    /** Completes the join phase if every member rejoined (never during the initial delay). */
    void tryCompleteJoin(Group group) {
        if (group.is(PREPARING_REBALANCE) && !group.initialDelayActive() && group.allMembersJoined()) {
            completeJoin(group);
        }
    }

    /**
     * Ends the join phase: drops dynamic members that did not rejoin, then either empties the group or starts the
     * next generation with a leader that rejoined and answers every parked join (the leader gets all members).
     */
    private void completeJoin(Group group) {
        long rebalanceId = group.rebalanceId();
        group.cancelJoinTimer();
        for (Member member : group.memberList()) {
            if (!member.isAwaitingJoin() && !member.isStatic()) {
                log.info("Removing member {} from group {}: it did not rejoin during the rebalance", member, group);
                removeMember(group, member);
            }
        }
        if (!group.hasMembers()) {
            group.nextGeneration(null, Set.of());
            group.transitionTo(EMPTY, scheduler.nowMs());
            log.info("Group {} is empty at generation {}", group, group.generationId());
            return;
        }
        if (!electJoinedLeader(group)) {
            log.warn("No member of group {} rejoined; waiting for their sessions to expire", group);
            group.joinTimer(scheduler.schedule(() -> onRebalanceTimeout(group, rebalanceId),
                    group.rebalanceTimeoutMs()), false);
            return;
        }
        String protocol = group.selectProtocol();
        group.nextGeneration(protocol, subscribedTopics(group, protocol));
        group.transitionTo(COMPLETING_REBALANCE, scheduler.nowMs());
        log.info("Group {} starts generation {} with {} members (protocol {}, leader {})", group,
                group.generationId(), group.members().size(), protocol, group.leaderId());
        List<JoinResult.MemberMetadata> all = currentMembers(group);
        for (Member member : group.memberList()) {
            if (member.isAwaitingJoin()) {
                boolean leader = group.isLeader(member.memberId());
                member.completeJoin(new JoinResult(Errors.NONE, member.memberId(), group.generationId(),
                        group.protocolType(), protocol, group.leaderId(), false, leader ? all : List.of()));
                scheduleSession(group, member);
            }
        }
    }

    /** Keeps the leader if it rejoined, else makes the first member that did the leader; false if none did. */
    private static boolean electJoinedLeader(Group group) {
        Member leader = group.leaderId() == null ? null : group.member(group.leaderId());
        if (leader != null && leader.isAwaitingJoin()) {
            return true;
        }
        for (Member member : group.members()) {
            if (member.isAwaitingJoin()) {
                group.leaderId(member.memberId());
                return true;
            }
        }
        return false;
    }

    /** Every member with its metadata for the current protocol, as the leader receives them. */
    static List<JoinResult.MemberMetadata> currentMembers(Group group) {
        List<JoinResult.MemberMetadata> members = new ArrayList<>();
        for (Member member : group.members()) {
            members.add(new JoinResult.MemberMetadata(member.memberId(), member.groupInstanceId(),
                    member.metadata(group.protocolName())));
        }
        return members;
    }

    private static Set<String> subscribedTopics(Group group, String protocol) {
        if (!ConsumerProtocol.PROTOCOL_TYPE.equals(group.protocolType())) {
            return Set.of();
        }
        Set<String> topics = new HashSet<>();
        for (Member member : group.members()) {
            List<String> memberTopics = subscribedTopics(member.metadata(protocol));
            if (memberTopics == null) {
                return null;
            }
            topics.addAll(memberTopics);
        }
        return Set.copyOf(topics);
    }

    /** The topics in a consumer's subscription, or {@code null} if it cannot be read. */
    private static List<String> subscribedTopics(byte[] metadata) {
        try {
            return metadata == null ? null : ConsumerProtocol.readSubscription(metadata).topics();
        } catch (ProtocolException e) {
            return null;
        }
    }

    /** Ends the sync phase: stores the leader's assignment (empty for members it left out) and answers every sync. */
    void completeSync(Group group, Map<String, byte[]> assignments) {
        for (Member member : group.members()) {
            member.assignment(assignments.get(member.memberId()));
        }
        group.transitionTo(STABLE, scheduler.nowMs());
        log.info("Group {} is stable at generation {}", group, group.generationId());
        for (Member member : group.members()) {
            member.completeSync(new SyncResult(Errors.NONE, group.protocolType(), group.protocolName(),
                    member.assignment()));
        }
    }

    /** Removes a member, answering its parked join or sync with UNKNOWN_MEMBER_ID, and rebalances the rest. */
    void removeMemberAndRebalance(Group group, Member member, String reason) {
        removeMember(group, member);
        maybePrepareRebalance(group, reason);
    }

    private static void removeMember(Group group, Member member) {
        member.cancelSessionTimer();
        member.completeJoin(JoinResult.failed(Errors.UNKNOWN_MEMBER_ID, member.memberId()));
        member.completeSync(SyncResult.failed(Errors.UNKNOWN_MEMBER_ID));
        group.remove(member);
    }

    /** (Re)starts the member's session: it is removed unless it heartbeats (or joins, syncs, commits) in time. */
    void scheduleSession(Group group, Member member) {
        member.sessionTimer(scheduler.schedule(() -> onSessionExpired(group, member), member.sessionTimeoutMs()));
    }

    private void onSessionExpired(Group group, Member member) {
        if (group.member(member.memberId()) != member) {
            return;
        }
        if (member.isAwaitingJoin() || member.isAwaitingSync()) {
            scheduleSession(group, member);
            return;
        }
        log.info("Member {} of group {} expired: no heartbeat within its session timeout of {} ms", member, group,
                member.sessionTimeoutMs());
        removeMemberAndRebalance(group, member, "member " + member + " expired");
    }

    /** Remembers an id handed out with MEMBER_ID_REQUIRED until the member joins with it or its session expires. */
    void addPendingMember(Group group, String memberId, int sessionTimeoutMs) {
        group.addPending(memberId, scheduler.schedule(() -> {
            if (group.removePending(memberId)) {
                log.debug("Pending member {} of group {} did not join in time", memberId, group);
                tryCompleteJoin(group);
            }
        }, sessionTimeoutMs));
    }
}
