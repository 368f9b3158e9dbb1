package io.mq.broker.coordinator;

import io.mq.protocol.Errors;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One member of a group: what it joined with, its assignment, the join or sync response it waits for, and its
 * session timer. Confined to the coordinator thread.
 */
final class Member {

    private static final byte[] NO_BYTES = new byte[0];

    private final String memberId;
    private final String groupInstanceId;
    private String clientId;
    private String clientHost;
    private int sessionTimeoutMs;
    private int rebalanceTimeoutMs;
    private List<Protocol> protocols;
    private byte[] assignment = NO_BYTES;
    private CompletableFuture<JoinResult> awaitingJoin;
    private CompletableFuture<SyncResult> awaitingSync;
    private CoordinatorScheduler.Cancellable sessionTimer;

    Member(String memberId, JoinParams join) {
        this.memberId = memberId;
        this.groupInstanceId = join.groupInstanceId();
        update(join);
    }

    /** A static member's replacement under a new member id: same assignment, the new join's settings. */
    Member replacedBy(String newMemberId, JoinParams join) {
        Member replacement = new Member(newMemberId, join);
        replacement.assignment = assignment;
        return replacement;
    }

    /** Takes the settings of a (re)join. */
    void update(JoinParams join) {
        clientId = join.clientId();
        clientHost = join.clientHost();
        sessionTimeoutMs = join.sessionTimeoutMs();
        rebalanceTimeoutMs = join.rebalanceTimeoutMs();
        protocols = join.protocols();
    }

    String memberId() {
        return memberId;
    }

    String groupInstanceId() {
        return groupInstanceId;
    }

    boolean isStatic() {
        return groupInstanceId != null;
    }

    String clientId() {
        return clientId;
    }

    String clientHost() {
        return clientHost;
    }

    int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    int rebalanceTimeoutMs() {
        return rebalanceTimeoutMs;
    }

    List<Protocol> protocols() {
        return protocols;
    }

    /** Whether {@code other} lists the same protocols with the same metadata in the same order. */
    boolean sameProtocols(List<Protocol> other) {
        if (other.size() != protocols.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            if (!protocols.get(i).sameAs(other.get(i))) {
                return false;
            }
        }
        return true;
    }

    boolean supports(String protocolName) {
        return metadata(protocolName) != null;
    }

    /** The metadata for {@code protocolName}, or {@code null} if the member does not support it. */
    byte[] metadata(String protocolName) {
        for (Protocol protocol : protocols) {
            if (protocol.name().equals(protocolName)) {
                return protocol.metadata();
            }
        }
        return null;
    }

    /** The member's most preferred protocol among {@code candidates}. */
    String vote(Set<String> candidates) {
        for (Protocol protocol : protocols) {
            if (candidates.contains(protocol.name())) {
                return protocol.name();
            }
        }
        throw new IllegalStateException("member " + memberId + " supports none of " + candidates);
    }

    byte[] assignment() {
        return assignment;
    }

    void assignment(byte[] assignment) {
        this.assignment = assignment == null ? NO_BYTES : assignment;
    }

    boolean isAwaitingJoin() {
        return awaitingJoin != null;
    }

    boolean isAwaitingSync() {
        return awaitingSync != null;
    }

    /** Parks a join response; a join already parked (a duplicate request) is answered with REBALANCE_IN_PROGRESS. */
    void awaitJoin(CompletableFuture<JoinResult> future) {
        completeJoin(JoinResult.failed(Errors.REBALANCE_IN_PROGRESS, memberId));
        awaitingJoin = future;
    }

    /** Answers the parked join, if any. */
    void completeJoin(JoinResult result) {
        CompletableFuture<JoinResult> future = awaitingJoin;
        awaitingJoin = null;
        if (future != null) {
            future.complete(result);
        }
    }

    /** Parks a sync response; a sync already parked is answered with REBALANCE_IN_PROGRESS. */
    void awaitSync(CompletableFuture<SyncResult> future) {
        completeSync(SyncResult.failed(Errors.REBALANCE_IN_PROGRESS));
        awaitingSync = future;
    }

    /** Answers the parked sync, if any. */
    void completeSync(SyncResult result) {
        CompletableFuture<SyncResult> future = awaitingSync;
        awaitingSync = null;
        if (future != null) {
            future.complete(result);
        }
    }

    /** Replaces the session timer, cancelling the previous one. */
    void sessionTimer(CoordinatorScheduler.Cancellable timer) {
        cancelSessionTimer();
        sessionTimer = timer;
    }

    void cancelSessionTimer() {
        if (sessionTimer != null) {
            sessionTimer.cancel();
            sessionTimer = null;
        }
    }

    @Override
    public String toString() {
        return groupInstanceId == null ? memberId : memberId + " (instance " + groupInstanceId + ")";
    }
}
