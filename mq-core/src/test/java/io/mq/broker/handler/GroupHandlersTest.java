package io.mq.broker.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.BrokerConfig;
import io.mq.broker.EmbeddedBroker;
import io.mq.broker.cluster.ClusterView;
import io.mq.broker.cluster.SingleBrokerView;
import io.mq.broker.coordinator.DefaultCoordinatorScheduler;
import io.mq.broker.coordinator.GroupConfig;
import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.OffsetCommitParams;
import io.mq.broker.coordinator.OffsetStore;
import io.mq.broker.coordinator.TopicPartition;
import io.mq.broker.metadata.Topic;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.metadata.TopicRegistry;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.PartitionId;
import io.mq.broker.storage.Retention;
import io.mq.broker.storage.StorageOptions;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.FindCoordinatorRequest;
import io.mq.protocol.message.FindCoordinatorResponse;
import io.mq.protocol.message.JoinGroupRequest;
import io.mq.protocol.message.JoinGroupResponse;
import io.mq.protocol.message.LeaveGroupRequest;
import io.mq.protocol.message.LeaveGroupResponse;
import io.mq.protocol.message.ListGroupsRequest;
import io.mq.protocol.message.ListGroupsResponse;
import io.mq.protocol.message.OffsetCommitRequest;
import io.mq.protocol.message.OffsetCommitResponse;
import io.mq.protocol.message.OffsetDeleteRequest;
import io.mq.protocol.message.OffsetDeleteResponse;
import io.mq.protocol.message.OffsetFetchRequest;
import io.mq.protocol.message.OffsetFetchResponse;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceResponse;
import io.mq.protocol.message.SyncGroupRequest;
import io.mq.protocol.message.SyncGroupResponse;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group handlers' version-specific mapping between wire messages and the coordinator. */
class GroupHandlersTest {

    private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 9092);

    private static final ClusterView CLUSTER = new SingleBrokerView(BrokerConfig.DEFAULT_BROKER_ID, () -> ADDRESS);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);

    @TempDir
    Path dir;
    private BrokerConfig config;
    private CommitLogStore store;
    private TopicManager topics;
    private DefaultCoordinatorScheduler thread;
    private GroupCoordinator coordinator;

    @BeforeEach
    void open() {
        config = EmbeddedBroker.builder().build().config();
        store = CommitLogStore.open(StorageOptions.builder(dir).retentionCheckInterval(Duration.ofHours(1)).build(),
                id -> Retention.UNLIMITED);
        topics = new TopicManager(config, TopicRegistry.load(dir), store);
        Topic offsetsTopic = topics.ensureTopic(OffsetStore.TOPIC, 2, OffsetStore.TOPIC_CONFIGS);
        topics.createTopic("orders", 2, (short) 1, Map.of(), false).join();
        List<PartitionId> partitions = new ArrayList<>();
        for (int p = 0; p < offsetsTopic.partitions(); p++) {
            partitions.add(new PartitionId(offsetsTopic.id(), p));
        }
        thread = new DefaultCoordinatorScheduler();
        coordinator = new GroupCoordinator(GroupConfig.from(config),
                OffsetStore.load(store, partitions, thread::execute), thread);
    }

    @AfterEach
    void close() {
        thread.close();
        topics.close();
        store.close();
    }

    private static RequestContext context(ApiKey api, int version) {
        return new RequestContext(new RequestHeader(api, (short) version, 1, "client-1"), CLIENT, null);
    }

    /** The response, after checking it encodes at {@code version}. */
    private static <R extends ApiMessage> R answer(CompletionStage<R> stage, int version) throws Exception {
        R response = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(response.sizeInBytes((short) version)).isPositive();
        return response;
    }

    @Test
    void findCoordinatorAnswersThisBrokerForGroupsAndTransactionsSingleOrBatched() throws Exception {
        FindCoordinatorHandler handler = new FindCoordinatorHandler(topics, CLUSTER);

        FindCoordinatorResponse single = answer(handler.handle(context(ApiKey.FIND_COORDINATOR, 3),
                new FindCoordinatorRequest("g", (byte) 0, List.of())), 3);
        FindCoordinatorResponse batched = answer(handler.handle(context(ApiKey.FIND_COORDINATOR, 4),
                new FindCoordinatorRequest("", (byte) 1, List.of("tx-1", "tx-2"))), 4);
        FindCoordinatorResponse share = answer(handler.handle(context(ApiKey.FIND_COORDINATOR, 4),
                new FindCoordinatorRequest("", (byte) 2, List.of("s"))), 4);

        assertThat(single.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(single.port()).isEqualTo(9092);
        assertThat(single.host()).isEqualTo("127.0.0.1");
        assertThat(batched.coordinators()).extracting(FindCoordinatorResponse.Coordinator::key)
                .containsExactly("tx-1", "tx-2");
        assertThat(batched.coordinators()).allSatisfy(c -> assertThat(c.nodeId()).isEqualTo(config.brokerId()));
        assertThat(share.coordinators().get(0).errorCode()).isEqualTo(Errors.INVALID_REQUEST.code());
    }

    @Test
    void joinGroupBeforeVersionSevenAnswersAnEmptyProtocolNameOnErrors() throws Exception {
        JoinGroupHandler handler = new JoinGroupHandler(coordinator);
        JoinGroupRequest request = new JoinGroupRequest("g", 10_000, 10_000, "", null, "consumer",
                List.of(new JoinGroupRequest.JoinGroupRequestProtocol("range", new byte[0])), null);

        JoinGroupResponse v6 = answer(handler.handle(context(ApiKey.JOIN_GROUP, 6), request), 6);
        JoinGroupResponse v9 = answer(handler.handle(context(ApiKey.JOIN_GROUP, 9), request), 9);

        assertThat(v6.errorCode()).isEqualTo(Errors.MEMBER_ID_REQUIRED.code());
        assertThat(v6.protocolName()).isEmpty();
        assertThat(v6.memberId()).startsWith("client-1-");
        assertThat(v9.protocolName()).isNull();
    }

    @Test
    void syncGroupOfAnUnknownGroupAnswersUnknownMemberId() throws Exception {
        SyncGroupResponse response = answer(new SyncGroupHandler(coordinator).handle(context(ApiKey.SYNC_GROUP, 5),
                new SyncGroupRequest("g", 1, "m", null, "consumer", "range", List.of())), 5);

        assertThat(response.errorCode()).isEqualTo(Errors.UNKNOWN_MEMBER_ID.code());
        assertThat(response.assignment()).isEmpty();
    }

    @Test
    void leaveGroupReportsTheSingleMembersErrorAtTheTopBeforeVersionThree() throws Exception {
        LeaveGroupHandler handler = new LeaveGroupHandler(coordinator);

        LeaveGroupResponse v2 = answer(handler.handle(context(ApiKey.LEAVE_GROUP, 2),
                new LeaveGroupRequest("g", "m", List.of())), 2);
        LeaveGroupResponse v5 = answer(handler.handle(context(ApiKey.LEAVE_GROUP, 5), new LeaveGroupRequest("g", "",
                List.of(new LeaveGroupRequest.MemberIdentity("m", null, null)))), 5);

        assertThat(v2.errorCode()).isEqualTo(Errors.UNKNOWN_MEMBER_ID.code());
        assertThat(v5.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(v5.members()).singleElement()
                .satisfies(m -> assertThat(m.errorCode()).isEqualTo(Errors.UNKNOWN_MEMBER_ID.code()));
    }

    @Test
    void committedOffsetsAreFetchedInEveryVersionShape() throws Exception {
        OffsetCommitResponse committed = answer(new OffsetCommitHandler(coordinator, topics).handle(
                context(ApiKey.OFFSET_COMMIT, 9), new OffsetCommitRequest("g", -1, "", null, -1, List.of(
                        new OffsetCommitRequest.OffsetCommitRequestTopic("orders", List.of(
                                new OffsetCommitRequest.OffsetCommitRequestPartition(0, 12, 3, "meta"),
                                new OffsetCommitRequest.OffsetCommitRequestPartition(7, 1, -1, null))),
                        new OffsetCommitRequest.OffsetCommitRequestTopic("missing", List.of(
                                new OffsetCommitRequest.OffsetCommitRequestPartition(0, 1, -1, null)))))), 9);
        OffsetFetchHandler fetch = new OffsetFetchHandler(coordinator);
        List<OffsetFetchRequest.OffsetFetchRequestTopic> orders = List.of(
                new OffsetFetchRequest.OffsetFetchRequestTopic("orders", List.of(0, 1)));

        OffsetFetchResponse v1 = answer(fetch.handle(context(ApiKey.OFFSET_FETCH, 1),
                new OffsetFetchRequest("g", orders, List.of(), false)), 1);
        OffsetFetchResponse all = answer(fetch.handle(context(ApiKey.OFFSET_FETCH, 7),
                new OffsetFetchRequest("g", null, List.of(), false)), 7);
        OffsetFetchResponse v9 = answer(fetch.handle(context(ApiKey.OFFSET_FETCH, 9), new OffsetFetchRequest("", List.of(),
                List.of(new OffsetFetchRequest.OffsetFetchRequestGroup("g", null, -1, orders),
                        new OffsetFetchRequest.OffsetFetchRequestGroup("other", null, -1, orders)), false)), 9);

        assertThat(committed.topics().get(0).partitions()).extracting(p -> Errors.forCode(p.errorCode()))
                .containsExactly(Errors.NONE, Errors.UNKNOWN_TOPIC_OR_PARTITION);
        assertThat(committed.topics().get(1).partitions().get(0).errorCode())
                .isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
        assertThat(v1.topics().get(0).partitions()).extracting(OffsetFetchResponse.OffsetFetchResponsePartition::
                committedOffset).containsExactly(12L, -1L);
        assertThat(all.topics()).singleElement().satisfies(t -> {
            assertThat(t.partitions()).singleElement().satisfies(p -> {
                assertThat(p.committedOffset()).isEqualTo(12);
                assertThat(p.committedLeaderEpoch()).isEqualTo(3);
                assertThat(p.metadata()).isEqualTo("meta");
            });
        });
        assertThat(v9.groups()).extracting(OffsetFetchResponse.OffsetFetchResponseGroup::groupId)
                .containsExactly("g", "other");
        assertThat(v9.groups().get(1).topics().get(0).partitions()).allSatisfy(p -> {
            assertThat(p.committedOffset()).isEqualTo(-1);
            assertThat(p.metadata()).isEmpty();
        });
    }

    @Test
    void listGroupsFiltersThatCannotMatchAnswerNoGroups() throws Exception {
        ListGroupsHandler handler = new ListGroupsHandler(coordinator);
        coordinator.commitOffsets(new OffsetCommitParams("idle", -1, "", null, Map.of(new TopicPartition("orders", 0),
                new OffsetCommitParams.Offset(1, -1, null)))).get(10, TimeUnit.SECONDS);

        ListGroupsResponse all = answer(handler.handle(context(ApiKey.LIST_GROUPS, 5),
                new ListGroupsRequest(List.of(), List.of())), 5);
        ListGroupsResponse empty = answer(handler.handle(context(ApiKey.LIST_GROUPS, 5),
                new ListGroupsRequest(List.of("empty"), List.of("Classic"))), 5);
        ListGroupsResponse unknownState = answer(handler.handle(context(ApiKey.LIST_GROUPS, 4),
                new ListGroupsRequest(List.of("Sleeping"), List.of())), 4);
        ListGroupsResponse consumerType = answer(handler.handle(context(ApiKey.LIST_GROUPS, 5),
                new ListGroupsRequest(List.of(), List.of("consumer"))), 5);

        assertThat(all.groups()).singleElement().satisfies(g -> {
            assertThat(g.groupId()).isEqualTo("idle");
            assertThat(g.groupState()).isEqualTo("Empty");
            assertThat(g.groupType()).isEqualTo("classic");
            assertThat(g.protocolType()).isEmpty();
        });
        assertThat(empty.groups()).hasSize(1);
        assertThat(unknownState.groups()).isEmpty();
        assertThat(consumerType.groups()).isEmpty();
    }

    @Test
    void offsetDeleteOfAnUnknownGroupAnswersGroupIdNotFoundAtTheTop() throws Exception {
        OffsetDeleteResponse response = answer(new OffsetDeleteHandler(coordinator, topics).handle(
                context(ApiKey.OFFSET_DELETE, 0), new OffsetDeleteRequest("nobody", List.of(
                        new OffsetDeleteRequest.OffsetDeleteRequestTopic("orders",
                                List.of(new OffsetDeleteRequest.OffsetDeleteRequestPartition(0)))))), 0);

        assertThat(response.errorCode()).isEqualTo(Errors.GROUP_ID_NOT_FOUND.code());
        assertThat(response.topics()).isEmpty();
    }

    @Test
    void producingToTheOffsetsTopicIsRefused() throws Exception {
        ProduceResponse response = answer(new ProduceHandler(topics, store, CLUSTER).handle(context(ApiKey.PRODUCE, 9),
                new ProduceRequest(null, (short) 1, 1000, List.of(new ProduceRequest.TopicProduceData(
                        OffsetStore.TOPIC, List.of(new ProduceRequest.PartitionProduceData(0, null)))))), 9);

        assertThat(response.responses().get(0).partitionResponses().get(0).errorCode())
                .isEqualTo(Errors.INVALID_TOPIC_EXCEPTION.code());
    }

    @Test
    void theOffsetsTopicCannotBeDeletedOrGrown() {
        assertThat(topics.deleteTopic(OffsetStore.TOPIC).join().error()).isEqualTo(Errors.INVALID_TOPIC_EXCEPTION);
        assertThat(topics.addPartitions(OffsetStore.TOPIC, 10, false).join().error())
                .isEqualTo(Errors.INVALID_TOPIC_EXCEPTION);
    }
}
