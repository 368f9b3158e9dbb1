package io.mq.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.admin.GroupNotEmptyException;
import io.mq.admin.GroupNotFoundException;
import io.mq.admin.InvalidConfigException;
import io.mq.admin.InvalidRequestException;
import io.mq.admin.TopicExistsException;
import io.mq.client.FatalMqException;
import io.mq.client.MqException;
import io.mq.client.MqTimeoutException;
import io.mq.client.RetriableMqException;
import io.mq.client.UnknownTopicException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdminErrorsTest {

    private static final Node BROKER = new Node(1, "127.0.0.1", 9092);

    @Test
    void topicErrorsBecomeTypedExceptionsNamingTheTopic() {
        MqException exists = AdminErrors.forTopic(Errors.TOPIC_ALREADY_EXISTS, "Topic 'orders' already exists.",
                "orders", "create topic 'orders'", BROKER, ApiKey.CREATE_TOPICS);
        assertThat(exists).isInstanceOfSatisfying(TopicExistsException.class,
                e -> assertThat(e.topic()).isEqualTo("orders"))
                .hasMessage("create topic 'orders' failed with TOPIC_ALREADY_EXISTS: Topic 'orders' already exists. "
                        + "(broker node 1 127.0.0.1:9092)");
        assertThat(exists.broker()).contains(BROKER);
        assertThat(exists.api()).contains(ApiKey.CREATE_TOPICS);

        assertThat(AdminErrors.forTopic(Errors.UNKNOWN_TOPIC_OR_PARTITION, null, "orders", "delete topic 'orders'",
                null, ApiKey.DELETE_TOPICS)).isInstanceOfSatisfying(UnknownTopicException.class,
                        e -> assertThat(e.topic()).isEqualTo("orders"))
                .hasMessageContaining(Errors.UNKNOWN_TOPIC_OR_PARTITION.message());
        assertThat(AdminErrors.forTopic(Errors.INVALID_CONFIG, "bad retention.ms", "orders", "alter", null,
                ApiKey.INCREMENTAL_ALTER_CONFIGS)).isInstanceOfSatisfying(InvalidConfigException.class,
                        e -> assertThat(e.resource()).isEqualTo("orders"))
                .hasMessageContaining("bad retention.ms");
    }

    @ParameterizedTest
    @EnumSource(value = Errors.class, names = {"INVALID_PARTITIONS", "INVALID_REPLICATION_FACTOR",
        "INVALID_REPLICA_ASSIGNMENT", "INVALID_TOPIC_EXCEPTION", "INVALID_REQUEST", "POLICY_VIOLATION",
        "INVALID_GROUP_ID", "TOPIC_DELETION_DISABLED"})
    void invalidRequestsBecomeInvalidRequestExceptions(Errors error) {
        assertThat(AdminErrors.forTopic(error, null, "orders", "create topic 'orders'", null, ApiKey.CREATE_TOPICS))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.resource()).isEqualTo("orders");
                    assertThat(e.error()).contains(error);
                });
    }

    @Test
    void groupErrorsBecomeTypedExceptionsNamingTheGroup() {
        assertThat(AdminErrors.forGroup(Errors.GROUP_ID_NOT_FOUND, null, "billing", "delete group 'billing'", BROKER,
                ApiKey.DELETE_GROUPS)).isInstanceOfSatisfying(GroupNotFoundException.class,
                        e -> assertThat(e.group()).isEqualTo("billing"));
        assertThat(AdminErrors.forGroup(Errors.NON_EMPTY_GROUP, null, "billing", "delete group 'billing'", BROKER,
                ApiKey.DELETE_GROUPS)).isInstanceOfSatisfying(GroupNotEmptyException.class,
                        e -> assertThat(e.group()).isEqualTo("billing"));
        assertThat(AdminErrors.forGroup(Errors.GROUP_SUBSCRIBED_TO_TOPIC, null, "billing", "delete offsets", BROKER,
                ApiKey.OFFSET_DELETE)).isInstanceOf(GroupNotEmptyException.class);
    }

    @Test
    void otherErrorsKeepTheirRetriableOrFatalNature() {
        MqException notCoordinator = AdminErrors.forGroup(Errors.NOT_COORDINATOR, null, "billing",
                "describe group 'billing'", BROKER, ApiKey.DESCRIBE_GROUPS);
        assertThat(notCoordinator).isInstanceOf(RetriableMqException.class).hasMessageContaining("'billing'");
        assertThat(notCoordinator.error()).contains(Errors.NOT_COORDINATOR);
        assertThat(AdminErrors.forGroup(Errors.REQUEST_TIMED_OUT, null, "billing", "x", null, ApiKey.DELETE_GROUPS))
                .isInstanceOf(MqTimeoutException.class);
        assertThat(AdminErrors.forTopic(Errors.CLUSTER_AUTHORIZATION_FAILED, "denied", "orders",
                "create topic 'orders'", null, ApiKey.CREATE_TOPICS)).isInstanceOf(FatalMqException.class)
                .isNotInstanceOf(InvalidRequestException.class).hasMessageContaining("denied");
    }
}
