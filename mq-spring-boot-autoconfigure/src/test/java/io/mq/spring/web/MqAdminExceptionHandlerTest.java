package io.mq.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.admin.GroupNotEmptyException;
import io.mq.admin.GroupNotFoundException;
import io.mq.admin.InvalidConfigException;
import io.mq.admin.InvalidRequestException;
import io.mq.admin.TopicExistsException;
import io.mq.client.ConnectionLostException;
import io.mq.client.FatalMqException;
import io.mq.client.MqException;
import io.mq.client.MqTimeoutException;
import io.mq.client.UnknownTopicException;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

class MqAdminExceptionHandlerTest {

    private final MqAdminExceptionHandler handler = new MqAdminExceptionHandler();

    static Stream<Arguments> adminFailures() {
        return Stream.of(
                Arguments.of(new TopicExistsException("t", "exists", null, ApiKey.CREATE_TOPICS), 409, "Topic exists"),
                Arguments.of(new GroupNotEmptyException("g", "active", null, ApiKey.DELETE_GROUPS,
                        Errors.NON_EMPTY_GROUP), 409, "Group not empty"),
                Arguments.of(new GroupNotFoundException("g", "dead", null, ApiKey.DESCRIBE_GROUPS, null), 404,
                        "Group not found"),
                Arguments.of(new UnknownTopicException("t", "missing", Errors.UNKNOWN_TOPIC_OR_PARTITION, null), 404,
                        "Topic not found"),
                Arguments.of(new InvalidConfigException("t", "bad config", null, ApiKey.INCREMENTAL_ALTER_CONFIGS),
                        400, "Invalid request"),
                Arguments.of(new InvalidRequestException("t", "bad partitions", null, ApiKey.CREATE_PARTITIONS,
                        Errors.INVALID_PARTITIONS), 400, "Invalid request"),
                Arguments.of(new MqTimeoutException("slow", null, null, null, null), 504, "Cluster timeout"),
                Arguments.of(new ConnectionLostException("gone", null, null, null), 503, "Cluster unavailable"),
                Arguments.of(new FatalMqException("unsupported"), 502, "Cluster error"));
    }

    @ParameterizedTest
    @MethodSource("adminFailures")
    void adminFailuresMapToTheirStatus(MqException failure, int status, String title) {
        ResponseEntity<ProblemDetail> response = handler.handleMqException(failure);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getBody().getTitle()).isEqualTo(title);
        assertThat(response.getBody().getDetail()).isEqualTo(failure.getMessage());
    }

    @Test
    void brokerErrorCodeIsAProblemMember() {
        ProblemDetail problem = handler.handleMqException(new GroupNotEmptyException("g", "active", null,
                ApiKey.DELETE_GROUPS, Errors.NON_EMPTY_GROUP)).getBody();

        assertThat(problem.getProperties()).containsEntry("errorCode", "NON_EMPTY_GROUP").containsEntry("group", "g");
    }

    @Test
    void asyncRequestTimeoutIs504() throws Exception {
        ResponseEntity<Object> response = handler.handleException(new AsyncRequestTimeoutException(),
                new ServletWebRequest(new MockHttpServletRequest("GET", "/admin/cluster")));

        assertThat(response.getStatusCode().value()).isEqualTo(504);
        assertThat(((ProblemDetail) response.getBody()).getTitle()).isEqualTo("Cluster timeout");
    }
}
