package io.mq.broker.coordinator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One classic group: its state and generation, its members (in join order), members that were handed an id with
 * MEMBER_ID_REQUIRED and have not joined with it yet, and static members by instance id. Confined to the
 * coordinator thread; the rebalance logic lives in {@link Rebalancer} and {@link MembershipOperations}.
 */
final class Group {

    private final String groupId;
    private GroupState state = GroupState.EMPTY;
    private int generationId;
    private String protocolType;
    private String protocolName;
    private String leaderId;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, CoordinatorScheduler.Cancellable> pendingMembers = new HashMap<>();
    private final Map<String, String> staticMembers = new HashMap<>();
    private Set<String> subscribedTopics = Set.of();
    private long emptySinceMs;
    /** Counts rebalances, so that a timer of an earlier rebalance recognises it is stale. */
    private long rebalanceId;
    private CoordinatorScheduler.Cancellable joinTimer;
    private boolean initialDelayActive;
    private boolean newMemberAdded;

    /**
     * @param emptySinceMs when the group became empty, or -1 if unknown (a group restored from committed offsets)
     */
    Group(String groupId, long emptySinceMs) {
        this.groupId = groupId;
        this.emptySinceMs = emptySinceMs;
    }

    String groupId() {
        return groupId;
    }

    GroupState state() {
        return state;
    }

    boolean is(GroupState candidate) {
        return state == candidate;
    }

    /** Moves to {@code target}, failing on a transition the state machine does not allow. */
    void transitionTo(GroupState target, long nowMs) {
        if (!target.validPrevious().contains(state)) {
            throw new IllegalStateException("group " + groupId + " cannot move from " + state.displayName() + " to "
                    + target.displayName());
        }
        state = target;
        if (target == GroupState.EMPTY) {
            emptySinceMs = nowMs;
        }
    }

    int generationId() {
        return generationId;
    }

    /** Starts the next generation: with the chosen protocol, or none if the group has no members. */
    void nextGeneration(String chosenProtocol, Set<String> topics) {
        generationId++;
        protocolName = chosenProtocol;
        subscribedTopics = topics;
    }

    /** The protocol type, {@code null} until a member joined. */
    String protocolType() {
        return protocolType;
    }

    /** The protocol of the current generation, {@code null} if none. */
    String protocolName() {
        return protocolName;
    }

    /** The topics the members subscribe to (consumer groups), {@code null} if they could not be read. */
    Set<String> subscribedTopics() {
        return subscribedTopics;
    }

    long emptySinceMs() {
        return emptySinceMs;
    }

    String leaderId() {
        return leaderId;
    }

    boolean isLeader(String memberId) {
        return memberId.equals(leaderId);
    }

    void leaderId(String leaderId) {
        this.leaderId = leaderId;
    }

    // ---- members

    Member member(String memberId) {
        return members.get(memberId);
    }

    Collection<Member> members() {
        return members.values();
    }

    /** A copy of the members, for loops that remove some. */
    List<Member> memberList() {
        return new ArrayList<>(members.values());
    }

    boolean hasMembers() {
        return !members.isEmpty();
    }

    /** Adds a member; the first member sets the protocol type and becomes leader. */
    void add(Member member, String memberProtocolType) {
        if (members.isEmpty()) {
            protocolType = memberProtocolType;
        }
        members.put(member.memberId(), member);
        if (member.isStatic()) {
            staticMembers.put(member.groupInstanceId(), member.memberId());
        }
        if (leaderId == null) {
            leaderId = member.memberId();
        }
    }

    /** Removes a member; a new leader is picked if it led. */
    void remove(Member member) {
        members.remove(member.memberId());
        if (member.isStatic() && member.memberId().equals(staticMembers.get(member.groupInstanceId()))) {
            staticMembers.remove(member.groupInstanceId());
        }
        if (member.memberId().equals(leaderId)) {
            leaderId = members.isEmpty() ? null : members.keySet().iterator().next();
        }
    }

    /** Puts a static member's replacement in the old member's place (and role). */
    void replace(Member old, Member replacement) {
        Map<String, Member> reordered = new LinkedHashMap<>();
        members.forEach((id, member) -> reordered.put(member == old ? replacement.memberId() : id,
                member == old ? replacement : member));
        members.clear();
        members.putAll(reordered);
        staticMembers.put(replacement.groupInstanceId(), replacement.memberId());
        if (old.memberId().equals(leaderId)) {
            leaderId = replacement.memberId();
        }
    }

    /** The member id registered for a static instance id, or {@code null}. */
    String staticMemberId(String groupInstanceId) {
        return groupInstanceId == null ? null : staticMembers.get(groupInstanceId);
    }

    /** Whether a request naming {@code groupInstanceId} and {@code memberId} comes from a replaced static member. */
    boolean isFenced(String groupInstanceId, String memberId) {
        String current = staticMemberId(groupInstanceId);
        return current != null && !current.equals(memberId);
    }

    // ---- members that were given an id (MEMBER_ID_REQUIRED) and have not joined with it yet

    boolean isPending(String memberId) {
        return pendingMembers.containsKey(memberId);
    }

    void addPending(String memberId, CoordinatorScheduler.Cancellable expiry) {
        pendingMembers.put(memberId, expiry);
    }

    /** Forgets a pending member (cancelling its expiry); true if it was pending. */
    boolean removePending(String memberId) {
        CoordinatorScheduler.Cancellable expiry = pendingMembers.remove(memberId);
        if (expiry != null) {
            expiry.cancel();
        }
        return expiry != null;
    }

    boolean hasPendingMembers() {
        return !pendingMembers.isEmpty();
    }

    /** Forgets every pending member (the group is being deleted). */
    void clearPending() {
        pendingMembers.values().forEach(CoordinatorScheduler.Cancellable::cancel);
        pendingMembers.clear();
    }

    /** Whether every member has rejoined and no pending member is still expected. */
    boolean allMembersJoined() {
        if (!pendingMembers.isEmpty()) {
            return false;
        }
        for (Member member : members.values()) {
            if (!member.isAwaitingJoin()) {
                return false;
            }
        }
        return true;
    }

    // ---- protocols

    /**
     * Whether a member with these protocols may join: an empty group takes any non-empty type and list; otherwise
     * the type must match and one of the protocols must be supported by every current member.
     */
    boolean supportsProtocols(String memberProtocolType, List<Protocol> protocols) {
        if (memberProtocolType == null || memberProtocolType.isEmpty() || protocols.isEmpty()) {
            return false;
        }
        if (members.isEmpty()) {
            return true;
        }
        if (!memberProtocolType.equals(protocolType)) {
            return false;
        }
        for (Protocol protocol : protocols) {
            if (members.values().stream().allMatch(m -> m.supports(protocol.name()))) {
                return true;
            }
        }
        return false;
    }

    /** The protocol every member supports that most members prefer (ties go to the first member's preference). */
    String selectProtocol() {
        Set<String> candidates = new LinkedHashSet<>();
        Member first = members.values().iterator().next();
        for (Protocol protocol : first.protocols()) {
            if (members.values().stream().allMatch(m -> m.supports(protocol.name()))) {
                candidates.add(protocol.name());
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("members of group " + groupId + " share no protocol");
        }
        Map<String, Integer> votes = new HashMap<>();
        for (Member member : members.values()) {
            votes.merge(member.vote(candidates), 1, Integer::sum);
        }
        String best = null;
        for (String candidate : candidates) {
            if (best == null || votes.getOrDefault(candidate, 0) > votes.getOrDefault(best, 0)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The longest rebalance timeout of the members. */
    int rebalanceTimeoutMs() {
        int max = 0;
        for (Member member : members.values()) {
            max = Math.max(max, member.rebalanceTimeoutMs());
        }
        return max;
    }

    // ---- the running rebalance (see Rebalancer)

    long rebalanceId() {
        return rebalanceId;
    }

    /** Starts tracking a new rebalance, cancelling the join timer of the previous one. */
    long newRebalance() {
        cancelJoinTimer();
        newMemberAdded = false;
        return ++rebalanceId;
    }

    void joinTimer(CoordinatorScheduler.Cancellable timer, boolean initialDelay) {
        cancelJoinTimer();
        joinTimer = timer;
        initialDelayActive = initialDelay;
    }

    void cancelJoinTimer() {
        if (joinTimer != null) {
            joinTimer.cancel();
            joinTimer = null;
        }
        initialDelayActive = false;
    }

    boolean initialDelayActive() {
        return initialDelayActive;
    }

    boolean newMemberAdded() {
        return newMemberAdded;
    }

    void newMemberAdded(boolean added) {
        newMemberAdded = added;
    }

    @Override
    public String toString() {
        return groupId;
    }
}
