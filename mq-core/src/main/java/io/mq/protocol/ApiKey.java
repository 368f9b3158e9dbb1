package io.mq.protocol;

import java.util.Arrays;

/**
 * The single registry of Kafka APIs that mq speaks, with the version range it supports and the first
 * flexible (KIP-482) version of each. The broker advertises these ranges in ApiVersions and the client
 * negotiates within them; nothing else in the code base should hold API numbers.
 */
public enum ApiKey {
    PRODUCE(0, "Produce", 3, 11, 9),
    FETCH(1, "Fetch", 4, 12, 12),
    LIST_OFFSETS(2, "ListOffsets", 1, 9, 6),
    METADATA(3, "Metadata", 1, 12, 9),
    OFFSET_COMMIT(8, "OffsetCommit", 2, 9, 8),
    OFFSET_FETCH(9, "OffsetFetch", 1, 9, 6),
    FIND_COORDINATOR(10, "FindCoordinator", 0, 4, 3),
    JOIN_GROUP(11, "JoinGroup", 2, 9, 6),
    HEARTBEAT(12, "Heartbeat", 0, 4, 4),
    LEAVE_GROUP(13, "LeaveGroup", 0, 5, 4),
    SYNC_GROUP(14, "SyncGroup", 0, 5, 4),
    DESCRIBE_GROUPS(15, "DescribeGroups", 0, 5, 5),
    LIST_GROUPS(16, "ListGroups", 0, 5, 3),
    SASL_HANDSHAKE(17, "SaslHandshake", 0, 1, Short.MAX_VALUE),
    API_VERSIONS(18, "ApiVersions", 0, 4, 3),
    CREATE_TOPICS(19, "CreateTopics", 2, 7, 5),
    DELETE_TOPICS(20, "DeleteTopics", 1, 6, 4),
    INIT_PRODUCER_ID(22, "InitProducerId", 0, 5, 2),
    DESCRIBE_CONFIGS(32, "DescribeConfigs", 1, 4, 4),
    SASL_AUTHENTICATE(36, "SaslAuthenticate", 0, 2, 2),
    CREATE_PARTITIONS(37, "CreatePartitions", 0, 3, 2),
    DELETE_GROUPS(42, "DeleteGroups", 0, 2, 2),
    INCREMENTAL_ALTER_CONFIGS(44, "IncrementalAlterConfigs", 0, 1, 1),
    OFFSET_DELETE(47, "OffsetDelete", 0, 0, Short.MAX_VALUE),
    DESCRIBE_CLUSTER(60, "DescribeCluster", 0, 1, 0);

    private static final ApiKey[] BY_ID = indexById();

    private final short id;
    private final String displayName;
    private final short minVersion;
    private final short maxVersion;
    private final short firstFlexibleVersion;

    ApiKey(int id, String displayName, int minVersion, int maxVersion, int firstFlexibleVersion) {
        this.id = (short) id;
        this.displayName = displayName;
        this.minVersion = (short) minVersion;
        this.maxVersion = (short) maxVersion;
        this.firstFlexibleVersion = (short) firstFlexibleVersion;
    }

    /** The numeric api key carried in every request header. */
    public short id() {
        return id;
    }

    /** The name Kafka's documentation uses, e.g. {@code "Produce"}. */
    public String displayName() {
        return displayName;
    }

    public short minVersion() {
        return minVersion;
    }

    public short maxVersion() {
        return maxVersion;
    }

    /** Whether mq can encode and decode {@code version} of this API. */
    public boolean isSupported(short version) {
        return version >= minVersion && version <= maxVersion;
    }

    /** Whether {@code version} uses the flexible encoding: compact types and tagged fields (KIP-482). */
    public boolean isFlexible(short version) {
        return version >= firstFlexibleVersion;
    }

    /** Request header version: 2 for flexible versions, 1 otherwise. */
    public short requestHeaderVersion(short version) {
        return (short) (isFlexible(version) ? 2 : 1);
    }

    /** Response header version: 1 for flexible versions, 0 otherwise; ApiVersions responses always use 0. */
    public short responseHeaderVersion(short version) {
        return (short) (this != API_VERSIONS && isFlexible(version) ? 1 : 0);
    }

    /** The api with this numeric key, or {@code null} if mq does not know it. */
    public static ApiKey forId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    private static ApiKey[] indexById() {
        int max = Arrays.stream(values()).mapToInt(ApiKey::id).max().orElse(0);
        ApiKey[] byId = new ApiKey[max + 1];
        for (ApiKey key : values()) {
            if (byId[key.id] != null) {
                throw new IllegalStateException("api key " + key.id + " registered twice: " + byId[key.id] + " and " + key);
            }
            byId[key.id] = key;
        }
        return byId;
    }
}
