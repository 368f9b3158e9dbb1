package io.mq.broker.coordinator;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of a classic group, with the names Kafka reports in ListGroups and DescribeGroups.
 *
 * <pre>
 * Empty ──join──▶ PreparingRebalance ──all joined / timeout──▶ CompletingRebalance ──leader's sync──▶ Stable
 *   ▲                 │      ▲                                         │                          │
 *   └──no members─────┘      └────────member joins, leaves or expires──┴──────────────────────────┘
 * any state except Dead ──delete group / group expired──▶ Dead
 * </pre>
 */
public enum GroupState {
    /** No members; may still hold committed offsets. */
    EMPTY("Empty"),
    /** Waiting for the members to (re)join. */
    PREPARING_REBALANCE("PreparingRebalance"),
    /** Members joined; waiting for the leader's assignment. */
    COMPLETING_REBALANCE("CompletingRebalance"),
    /** Every member has its assignment. */
    STABLE("Stable"),
    /** Removed; the group object is no longer used. */
    DEAD("Dead");

    private final String displayName;

    GroupState(String displayName) {
        this.displayName = displayName;
    }

    /** The name on the wire, e.g. {@code "PreparingRebalance"}. */
    public String displayName() {
        return displayName;
    }

    /** The state named {@code name} (case-insensitive, as Kafka's state filter), or {@code null}. */
    public static GroupState fromDisplayName(String name) {
        for (GroupState state : values()) {
            if (state.displayName.equalsIgnoreCase(name)) {
                return state;
            }
        }
        return null;
    }

    /** The states a group may move to this one from. */
    Set<GroupState> validPrevious() {
        return switch (this) {
            case EMPTY -> EnumSet.of(PREPARING_REBALANCE);
            case PREPARING_REBALANCE -> EnumSet.of(EMPTY, COMPLETING_REBALANCE, STABLE);
            case COMPLETING_REBALANCE -> EnumSet.of(PREPARING_REBALANCE);
            case STABLE -> EnumSet.of(COMPLETING_REBALANCE);
            case DEAD -> EnumSet.of(EMPTY, PREPARING_REBALANCE, COMPLETING_REBALANCE, STABLE, DEAD);
        };
    }
}
