package io.mq.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.Errors;
import org.junit.jupiter.api.Test;

class SendFailedExceptionTest {

    @Test
    void brokerErrorsAreTypedByWhatTheCallerCanDo() {
        assertThat(SendFailedException.forError(Errors.NOT_LEADER_OR_FOLLOWER, "t", 1, "node 1", false))
                .isInstanceOf(RetriableSendException.class).satisfies(e -> assertThat(e.isRetriable()).isTrue());
        assertThat(SendFailedException.forError(Errors.INVALID_RECORD, "t", 1, "node 1", false))
                .isInstanceOf(FatalSendException.class).satisfies(e -> assertThat(e.isRetriable()).isFalse());
        assertThat(SendFailedException.forError(Errors.MESSAGE_TOO_LARGE, "t", 1, "node 1", false))
                .isInstanceOf(SendConfigurationException.class);
        assertThat(SendFailedException.forError(Errors.TOPIC_AUTHORIZATION_FAILED, "t", 1, null, false))
                .isInstanceOf(SendConfigurationException.class);
    }

    @Test
    void theMessageNamesPartitionBrokerCodeAndPersistence() {
        SendFailedException e = SendFailedException.forError(Errors.NOT_ENOUGH_REPLICAS, "orders", 4,
                "node 2 (127.0.0.1:9092)", false);

        assertThat(e).hasMessageStartingWith("Send to orders-4 via broker node 2 (127.0.0.1:9092) failed "
                + "[NOT_ENOUGH_REPLICAS]").hasMessageEndingWith("(record NOT_PERSISTED)");
        assertThat(e.code()).isEqualTo("NOT_ENOUGH_REPLICAS");
        assertThat(e.error()).contains(Errors.NOT_ENOUGH_REPLICAS);
        assertThat(e.broker()).contains("node 2 (127.0.0.1:9092)");
        assertThat(e.topic()).isEqualTo("orders");
        assertThat(e.partition()).isEqualTo(4);
    }

    @Test
    void persistenceIsPossibleWhenTheLeaderMayHaveWrittenOrAnEarlierAttemptWentUnanswered() {
        assertThat(SendFailedException.forError(Errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND, "t", 0, null, false)
                .persistence()).isEqualTo(Persistence.POSSIBLY_PERSISTED);
        assertThat(SendFailedException.forError(Errors.NOT_LEADER_OR_FOLLOWER, "t", 0, null, true).persistence())
                .isEqualTo(Persistence.POSSIBLY_PERSISTED);
        assertThat(SendFailedException.forError(Errors.NOT_LEADER_OR_FOLLOWER, "t", 0, null, false).persistence())
                .isEqualTo(Persistence.NOT_PERSISTED);
    }

    @Test
    void clientSideFailuresCarryAClientCode() {
        RetriableSendException e = new RetriableSendException("buffer full", "t", SendFailedException.NO_PARTITION,
                SendFailedException.BUFFER_EXHAUSTED, Persistence.NOT_PERSISTED);

        assertThat(e.code()).isEqualTo("BUFFER_EXHAUSTED");
        assertThat(e.error()).isEmpty();
        assertThat(e.broker()).isEmpty();
        assertThat(e).hasMessage("Send to t failed [BUFFER_EXHAUSTED]: buffer full (record NOT_PERSISTED)");
    }
}
