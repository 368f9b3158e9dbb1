package io.mq.broker.handler;

import io.mq.broker.BrokerConfig;
import io.mq.broker.cluster.ClusterView;
import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.fetch.FetchWaiters;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.storage.CommitLogStore;
import io.mq.protocol.ApiKey;
import io.mq.protocol.message.ApiVersionsRequest;
import io.mq.protocol.message.CreatePartitionsRequest;
import io.mq.protocol.message.CreateTopicsRequest;
import io.mq.protocol.message.DeleteGroupsRequest;
import io.mq.protocol.message.DeleteTopicsRequest;
import io.mq.protocol.message.DescribeClusterRequest;
import io.mq.protocol.message.DescribeConfigsRequest;
import io.mq.protocol.message.DescribeGroupsRequest;
import io.mq.protocol.message.FetchRequest;
import io.mq.protocol.message.FindCoordinatorRequest;
import io.mq.protocol.message.HeartbeatRequest;
import io.mq.protocol.message.IncrementalAlterConfigsRequest;
import io.mq.protocol.message.InitProducerIdRequest;
import io.mq.protocol.message.JoinGroupRequest;
import io.mq.protocol.message.LeaveGroupRequest;
import io.mq.protocol.message.ListGroupsRequest;
import io.mq.protocol.message.ListOffsetsRequest;
import io.mq.protocol.message.MetadataRequest;
import io.mq.protocol.message.OffsetCommitRequest;
import io.mq.protocol.message.OffsetDeleteRequest;
import io.mq.protocol.message.OffsetFetchRequest;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.SyncGroupRequest;

/** Builds the broker's {@link HandlerRegistry}: the one place that lists which apis the broker serves. */
public final class BrokerHandlers {

    private BrokerHandlers() {
    }

    /**
     * @param config  broker settings
     * @param topics  topic metadata and changes
     * @param store   the commit log
     * @param groups  the group coordinator
     * @param cluster the brokers, partition leaders and group coordinators, as advertised to clients
     */
    public static HandlerRegistry create(BrokerConfig config, TopicManager topics, CommitLogStore store,
            GroupCoordinator groups, ClusterView cluster) {
        HandlerRegistry registry = new HandlerRegistry();
        FetchWaiters waiters = new FetchWaiters(topics, store, cluster);
        store.addAppendListener(waiters);
        return registry
                .register(ApiKey.API_VERSIONS, ApiVersionsRequest::read, new ApiVersionsHandler(registry))
                .register(ApiKey.METADATA, MetadataRequest::read, new MetadataHandler(config, topics, cluster))
                .register(ApiKey.PRODUCE, ProduceRequest::read, new ProduceHandler(topics, store, cluster))
                .register(ApiKey.FETCH, FetchRequest::read, new FetchHandler(waiters))
                .register(ApiKey.LIST_OFFSETS, ListOffsetsRequest::read, new ListOffsetsHandler(topics, store, cluster))
                .register(ApiKey.INIT_PRODUCER_ID, InitProducerIdRequest::read, new InitProducerIdHandler(topics))
                .register(ApiKey.CREATE_TOPICS, CreateTopicsRequest::read, new CreateTopicsHandler(topics, cluster))
                .register(ApiKey.DELETE_TOPICS, DeleteTopicsRequest::read, new DeleteTopicsHandler(topics))
                .register(ApiKey.CREATE_PARTITIONS, CreatePartitionsRequest::read, new CreatePartitionsHandler(topics, cluster))
                .register(ApiKey.DESCRIBE_CONFIGS, DescribeConfigsRequest::read,
                        new DescribeConfigsHandler(config, topics))
                .register(ApiKey.INCREMENTAL_ALTER_CONFIGS, IncrementalAlterConfigsRequest::read,
                        new IncrementalAlterConfigsHandler(topics))
                .register(ApiKey.DESCRIBE_CLUSTER, DescribeClusterRequest::read,
                        new DescribeClusterHandler(config, cluster))
                .register(ApiKey.FIND_COORDINATOR, FindCoordinatorRequest::read,
                        new FindCoordinatorHandler(topics, cluster))
                .register(ApiKey.JOIN_GROUP, JoinGroupRequest::read, new JoinGroupHandler(groups))
                .register(ApiKey.SYNC_GROUP, SyncGroupRequest::read, new SyncGroupHandler(groups))
                .register(ApiKey.HEARTBEAT, HeartbeatRequest::read, new HeartbeatHandler(groups))
                .register(ApiKey.LEAVE_GROUP, LeaveGroupRequest::read, new LeaveGroupHandler(groups))
                .register(ApiKey.OFFSET_COMMIT, OffsetCommitRequest::read, new OffsetCommitHandler(groups, topics))
                .register(ApiKey.OFFSET_FETCH, OffsetFetchRequest::read, new OffsetFetchHandler(groups))
                .register(ApiKey.LIST_GROUPS, ListGroupsRequest::read, new ListGroupsHandler(groups))
                .register(ApiKey.DESCRIBE_GROUPS, DescribeGroupsRequest::read, new DescribeGroupsHandler(groups))
                .register(ApiKey.DELETE_GROUPS, DeleteGroupsRequest::read, new DeleteGroupsHandler(groups))
                .register(ApiKey.OFFSET_DELETE, OffsetDeleteRequest::read, new OffsetDeleteHandler(groups, topics));
    }
}
