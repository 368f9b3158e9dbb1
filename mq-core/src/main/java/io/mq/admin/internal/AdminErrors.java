package io.mq.admin.internal;

import io.mq.admin.GroupNotEmptyException;
import io.mq.admin.GroupNotFoundException;
import io.mq.admin.InvalidConfigException;
import io.mq.admin.InvalidRequestException;
import io.mq.admin.TopicExistsException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.client.UnknownTopicException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/**
 * Turns the error codes brokers answer to admin requests into the typed exceptions of {@link io.mq.admin}, each
 * naming the topic or group involved and repeating the broker's own message when it sent one.
 */
final class AdminErrors {

    private AdminErrors() {
    }

    /**
     * The exception for {@code error} answered about topic {@code topic}.
     *
     * @param action what was attempted, naming the topic (e.g. {@code "create topic 'orders'"})
     */
    static MqException forTopic(Errors error, String brokerMessage, String topic, String action, Node broker,
            ApiKey api) {
        String message = message(error, brokerMessage, action, broker);
        return switch (error) {
            case TOPIC_ALREADY_EXISTS -> new TopicExistsException(topic, message, broker, api);
            case UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_ID -> new UnknownTopicException(topic, message, error, null);
            default -> common(error, brokerMessage, topic, action, broker, api);
        };
    }

    /**
     * The exception for {@code error} answered about group {@code group}.
     *
     * @param action what was attempted, naming the group (e.g. {@code "delete group 'billing'"})
     */
    static MqException forGroup(Errors error, String brokerMessage, String group, String action, Node broker,
            ApiKey api) {
        String message = message(error, brokerMessage, action, broker);
        return switch (error) {
            case GROUP_ID_NOT_FOUND -> new GroupNotFoundException(group, message, broker, api, error);
            case NON_EMPTY_GROUP, GROUP_SUBSCRIBED_TO_TOPIC ->
                    new GroupNotEmptyException(group, message, broker, api, error);
            default -> common(error, brokerMessage, group, action, broker, api);
        };
    }

    private static MqException common(Errors error, String brokerMessage, String resource, String action,
            Node broker, ApiKey api) {
        String message = message(error, brokerMessage, action, broker);
        return switch (error) {
            case INVALID_CONFIG -> new InvalidConfigException(resource, message, broker, api);
            case INVALID_PARTITIONS, INVALID_REPLICATION_FACTOR, INVALID_REPLICA_ASSIGNMENT, INVALID_TOPIC_EXCEPTION,
                    INVALID_REQUEST, POLICY_VIOLATION, INVALID_GROUP_ID, INVALID_COMMIT_OFFSET_SIZE,
                    OFFSET_METADATA_TOO_LARGE, TOPIC_DELETION_DISABLED ->
                    new InvalidRequestException(resource, message, broker, api, error);
            default -> MqExceptions.fromError(error, withBrokerMessage(error, brokerMessage, action), broker, api);
        };
    }

    private static String message(Errors error, String brokerMessage, String action, Node broker) {
        return action + " failed with " + error + ": "
                + (brokerMessage != null && !brokerMessage.isBlank() ? brokerMessage : error.message())
                + (broker != null ? " (broker " + broker + ")" : "");
    }

    private static String withBrokerMessage(Errors error, String brokerMessage, String action) {
        return brokerMessage != null && !brokerMessage.isBlank() && !brokerMessage.equals(error.message())
                ? action + " (" + brokerMessage + ")" : action;
    }
}
