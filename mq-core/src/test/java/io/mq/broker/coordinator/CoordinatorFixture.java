package io.mq.broker.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.PartitionId;
import io.mq.broker.storage.Retention;
import io.mq.broker.storage.StorageOptions;
import io.mq.protocol.Errors;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;

/**
 * A {@link GroupCoordinator} on a {@link ManualScheduler} over a real commit log in a temporary directory (async
 * flush, so durability futures are complete at once), with helpers that play group members.
 */
final class CoordinatorFixture implements AutoCloseable {

    static final long INITIAL_DELAY_MS = 100;
    static final int SESSION_TIMEOUT_MS = 10_000;
    static final int REBALANCE_TIMEOUT_MS = 5_000;
    static final long RETENTION_MS = Duration.ofDays(1).toMillis();
    static final long RETENTION_CHECK_MS = Duration.ofMinutes(1).toMillis();
    static final GroupConfig CONFIG = new GroupConfig(INITIAL_DELAY_MS, 1_000, 60_000, RETENTION_MS,
            RETENTION_CHECK_MS);
    static final int OFFSETS_PARTITIONS = 3;
    private static final UUID OFFSETS_TOPIC_ID = new UUID(42, 42);

    private final Path dir;
    private final int compactionSlack;
    ManualScheduler scheduler;
    CommitLogStore store;
    OffsetStore offsets;
    GroupCoordinator coordinator;

    CoordinatorFixture(Path dir) {
        this(dir, OffsetStore.DEFAULT_COMPACTION_SLACK);
    }

    CoordinatorFixture(Path dir, int compactionSlack) {
        this.dir = dir;
        this.compactionSlack = compactionSlack;
        open();
    }

    private void open() {
        store = CommitLogStore.open(StorageOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .retentionCheckInterval(Duration.ofHours(1)).build(), id -> Retention.UNLIMITED);
        for (PartitionId id : partitions()) {
            store.createPartition(id);
        }
        scheduler = new ManualScheduler();
        offsets = OffsetStore.load(store, partitions(), scheduler::execute, ByteBufAllocator.DEFAULT,
                compactionSlack);
        coordinator = new GroupCoordinator(CONFIG, offsets, scheduler);
    }

    static List<PartitionId> partitions() {
        List<PartitionId> ids = new ArrayList<>();
        for (int p = 0; p < OFFSETS_PARTITIONS; p++) {
            ids.add(new PartitionId(OFFSETS_TOPIC_ID, p));
        }
        return ids;
    }

    /** Closes the commit log and opens it again with a fresh coordinator, as a broker restart does. */
    void restart() {
        store.close();
        open();
    }

    @Override
    public void close() {
        store.close();
    }

    // ---- members

    /** Consumer-protocol metadata subscribing to {@code topics}, serialized by kafka-clients. */
    static byte[] subscription(String... topics) {
        ByteBuffer buffer = ConsumerProtocol.serializeSubscription(
                new ConsumerPartitionAssignor.Subscription(List.of(topics)));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    static List<Protocol> protocols(String... topics) {
        return List.of(new Protocol("range", subscription(topics)));
    }

    static JoinParams params(String group, String memberId, String instanceId, List<Protocol> protocols) {
        return new JoinParams(group, memberId, instanceId, "client", "/127.0.0.1", SESSION_TIMEOUT_MS,
                REBALANCE_TIMEOUT_MS, "consumer", protocols, true, null);
    }

    CompletableFuture<JoinResult> join(String group, String memberId, String instanceId, List<Protocol> protocols) {
        return coordinator.joinGroup(params(group, memberId, instanceId, protocols));
    }

    CompletableFuture<JoinResult> join(String group, String memberId) {
        return join(group, memberId, null, protocols("t"));
    }

    /** A first join without a member id, which must answer MEMBER_ID_REQUIRED; returns the assigned id. */
    String memberId(String group) {
        JoinResult required = done(join(group, ""));
        assertThat(required.error()).isEqualTo(Errors.MEMBER_ID_REQUIRED);
        return required.memberId();
    }

    /** A new dynamic member's join (after the MEMBER_ID_REQUIRED round); parked until the rebalance completes. */
    CompletableFuture<JoinResult> joinNew(String group) {
        return join(group, memberId(group));
    }

    /**
     * Lets the initial delay of a first rebalance pass for members that all joined at the same instant: the delay is
     * extended once because members were added during it.
     */
    void passInitialDelay() {
        scheduler.advance(2 * INITIAL_DELAY_MS);
    }

    CompletableFuture<SyncResult> sync(String group, JoinResult joined, Map<String, byte[]> assignments) {
        return coordinator.syncGroup(new SyncParams(group, joined.generationId(), joined.memberId(), null, null,
                null, assignments));
    }

    Errors heartbeat(String group, JoinResult joined) {
        return done(coordinator.heartbeat(group, joined.memberId(), null, joined.generationId()));
    }

    /** The assignment the fixture's leaders hand out: the member id's bytes. */
    static byte[] assignmentOf(String memberId) {
        return ("assigned-to-" + memberId).getBytes();
    }

    /**
     * Forms a stable group of {@code size} new dynamic members: they join during the initial delay, the leader
     * assigns, everyone syncs. Returns their join results in join order.
     */
    List<JoinResult> stableGroup(String group, int size) {
        List<CompletableFuture<JoinResult>> joins = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            joins.add(joinNew(group));
        }
        passInitialDelay();
        List<JoinResult> joined = new ArrayList<>();
        joins.forEach(join -> joined.add(done(join)));
        completeSync(group, joined);
        return joined;
    }

    /** Every member syncs (the leader with an assignment for each); asserts each got its assignment. */
    void completeSync(String group, List<JoinResult> joined) {
        Map<String, byte[]> assignments = new HashMap<>();
        joined.forEach(j -> assignments.put(j.memberId(), assignmentOf(j.memberId())));
        List<CompletableFuture<SyncResult>> syncs = new ArrayList<>();
        for (JoinResult j : joined) {
            boolean leader = j.memberId().equals(j.leaderId());
            syncs.add(sync(group, j, leader ? assignments : Map.of()));
        }
        for (int i = 0; i < joined.size(); i++) {
            SyncResult synced = done(syncs.get(i));
            assertThat(synced.error()).isEqualTo(Errors.NONE);
            assertThat(synced.assignment()).isEqualTo(assignmentOf(joined.get(i).memberId()));
        }
    }

    // ---- offsets and groups

    Map<TopicPartition, Errors> commit(String group, int generation, String memberId, String instanceId,
            Map<TopicPartition, Long> committed) {
        Map<TopicPartition, OffsetCommitParams.Offset> offsets = new LinkedHashMap<>();
        committed.forEach((partition, offset) -> offsets.put(partition,
                new OffsetCommitParams.Offset(offset, -1, "meta-" + offset)));
        return done(coordinator.commitOffsets(new OffsetCommitParams(group, generation, memberId, instanceId,
                offsets)));
    }

    /** An admin-style commit: generation -1, no member id. */
    Map<TopicPartition, Errors> adminCommit(String group, Map<TopicPartition, Long> committed) {
        return commit(group, -1, "", null, committed);
    }

    Map<TopicPartition, CommittedOffset> fetchAll(String group) {
        OffsetFetchResult result = done(coordinator.fetchOffsets(group, null));
        assertThat(result.error()).isEqualTo(Errors.NONE);
        return result.offsets();
    }

    GroupDescription describe(String group) {
        return done(coordinator.describeGroups(List.of(group))).get(0);
    }

    GroupState state(String group) {
        return describe(group).state();
    }

    /** The value of a future that must already be complete. */
    static <T> T done(CompletableFuture<T> future) {
        assertThat(future).as("completed without waiting").isDone();
        return future.join();
    }
}
