package io.mq.admin;

/** The state of a consumer group as brokers report it (classic groups, and Kafka 4's consumer groups). */
public enum GroupState {
    /** Not reported (older brokers) or not known to this version. */
    UNKNOWN("Unknown"),
    /** No members; the group may still hold committed offsets. Only now may offsets be reset. */
    EMPTY("Empty"),
    /** Waiting for the members to (re)join. */
    PREPARING_REBALANCE("PreparingRebalance"),
    /** Members joined; waiting for the leader's assignment. */
    COMPLETING_REBALANCE("CompletingRebalance"),
    /** Every member has its assignment. */
    STABLE("Stable"),
    /** The group does not exist (any more). */
    DEAD("Dead"),
    /** Kafka 4 consumer groups: computing a new assignment. */
    ASSIGNING("Assigning"),
    /** Kafka 4 consumer groups: members moving to a new assignment. */
    RECONCILING("Reconciling"),
    /** Kafka 4 streams groups: not ready yet. */
    NOT_READY("NotReady");

    private final String displayName;

    GroupState(String displayName) {
        this.displayName = displayName;
    }

    /** The name on the wire, e.g. {@code "Stable"}. */
    public String displayName() {
        return displayName;
    }

    /** The state named {@code name} (case-insensitive); {@link #UNKNOWN} for null, empty or unknown names. */
    public static GroupState parse(String name) {
        for (GroupState state : values()) {
            if (state.displayName.equalsIgnoreCase(name)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /** Whether the group has (or is gathering) members: not {@link #EMPTY}, {@link #DEAD} or {@link #UNKNOWN}. */
    public boolean isActive() {
        return this != EMPTY && this != DEAD && this != UNKNOWN;
    }
}
