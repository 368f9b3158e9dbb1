package io.mq.broker.handler;

import io.mq.broker.cluster.BrokerNode;
import io.mq.broker.cluster.ClusterView;
import io.mq.broker.metadata.TopicManager.Outcome;
import io.mq.protocol.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks manual replica assignments: partitions are not replicated, so each partition's replica list must be exactly
 * one live broker (on a single broker: this broker), which becomes its leader.
 */
final class ReplicaAssignments {

    private ReplicaAssignments() {
    }

    /** Returns {@code null} when every assignment is one live broker, otherwise an INVALID_REPLICA_ASSIGNMENT outcome. */
    static Outcome check(List<List<Integer>> assignments, ClusterView cluster) {
        for (List<Integer> replicas : assignments) {
            if (replicas.size() != 1 || cluster.liveBroker(replicas.get(0)) == null) {
                List<Integer> live = new ArrayList<>();
                for (BrokerNode node : cluster.liveBrokers()) {
                    live.add(node.id());
                }
                return new Outcome(Errors.INVALID_REPLICA_ASSIGNMENT, "replica assignment " + replicas
                        + " is invalid: " + (live.size() == 1 ? "the only broker is " + live.get(0)
                                : "each partition needs exactly one of the live brokers " + live));
            }
        }
        return null;
    }

    /** The leader of each partition of checked assignments. */
    static List<Integer> leaders(List<List<Integer>> assignments) {
        List<Integer> leaders = new ArrayList<>(assignments.size());
        assignments.forEach(replicas -> leaders.add(replicas.get(0)));
        return leaders;
    }
}
