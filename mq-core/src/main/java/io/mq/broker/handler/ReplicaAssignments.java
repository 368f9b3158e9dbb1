package io.mq.broker.handler;

import io.mq.broker.metadata.TopicManager.Outcome;
import io.mq.protocol.Errors;
import java.util.List;

/** Checks manual replica assignments: on a single broker each partition's replica list must be exactly this broker. */
final class ReplicaAssignments {

    private ReplicaAssignments() {
    }

    /** Returns {@code null} when every assignment is {@code [brokerId]}, otherwise an INVALID_REPLICA_ASSIGNMENT outcome. */
    static Outcome check(List<List<Integer>> assignments, int brokerId) {
        for (List<Integer> replicas : assignments) {
            if (!replicas.equals(List.of(brokerId))) {
                return new Outcome(Errors.INVALID_REPLICA_ASSIGNMENT, "replica assignment " + replicas
                        + " is invalid: the only broker is " + brokerId);
            }
        }
        return null;
    }
}
