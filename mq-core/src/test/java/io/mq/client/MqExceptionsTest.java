package io.mq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class MqExceptionsTest {

    private static final Node BROKER = new Node(1, "127.0.0.1", 9092);

    @Test
    void everyErrorCodeMapsToAnExceptionAsRetriableAsTheCode() {
        for (Errors error : Errors.values()) {
            if (error == Errors.NONE) {
                continue;
            }
            MqException e = MqExceptions.fromError(error, "produce to orders-0", BROKER, ApiKey.PRODUCE);

            assertThat(e.isRetriable()).as(error.name()).isEqualTo(error.retriable());
            assertThat(e.error()).contains(error);
            assertThat(e.broker()).contains(BROKER);
            assertThat(e.api()).contains(ApiKey.PRODUCE);
            assertThat(e).hasMessageContaining("produce to orders-0").hasMessageContaining(error.name())
                    .hasMessageContaining(BROKER.toString());
        }
    }

    @Test
    void timeoutsDisconnectsAndVersionsGetTheirOwnTypes() {
        assertThat(MqExceptions.fromError(Errors.REQUEST_TIMED_OUT, "x", null, null))
                .isInstanceOf(MqTimeoutException.class);
        assertThat(MqExceptions.fromError(Errors.NETWORK_EXCEPTION, "x", BROKER, null))
                .isInstanceOf(ConnectionLostException.class);
        assertThat(MqExceptions.fromError(Errors.UNSUPPORTED_VERSION, "x", null, null))
                .isInstanceOf(UnsupportedVersionException.class);
        assertThat(MqExceptions.fromError(Errors.NOT_LEADER_OR_FOLLOWER, "x", null, null))
                .isExactlyInstanceOf(RetriableMqException.class);
        assertThat(MqExceptions.fromError(Errors.INVALID_TOPIC_EXCEPTION, "x", null, null))
                .isExactlyInstanceOf(FatalMqException.class);
    }

    @Test
    void noneIsNotAnError() {
        assertThatThrownBy(() -> MqExceptions.fromError(Errors.NONE, "x", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classificationLooksThroughFutureWrappers() {
        MqException lost = new ConnectionLostException("gone", null, BROKER, null);

        assertThat(MqExceptions.isRetriable(new CompletionException(new ExecutionException(lost)))).isTrue();
        assertThat(MqExceptions.unwrap(new CompletionException(lost))).isSameAs(lost);
        assertThat(MqExceptions.isRetriable(new FatalMqException("no"))).isFalse();
        assertThat(MqExceptions.isRetriable(new IllegalStateException())).isFalse();
    }

    @Test
    void theLoggedErrorCodeIsTheBrokerErrorOrTheKindOfNetworkFailure() {
        MqTimeoutException timeout = new MqTimeoutException("no response", null, BROKER, ApiKey.PRODUCE, null);

        assertThat(MqExceptions.errorCode(MqExceptions.fromError(Errors.NOT_LEADER_OR_FOLLOWER, "x", BROKER, null)))
                .isEqualTo("NOT_LEADER_OR_FOLLOWER");
        assertThat(MqExceptions.errorCode(new CompletionException(timeout))).isEqualTo("REQUEST_TIMED_OUT");
        assertThat(MqExceptions.errorCode(new ConnectionLostException("lost", new java.io.IOException("reset"), BROKER,
                null))).isEqualTo("NETWORK_EXCEPTION");
        assertThat(MqExceptions.errorCode(new RetriableMqException("no broker answered", timeout, null,
                ApiKey.METADATA, null))).as("a wrapper reports what it wraps").isEqualTo("REQUEST_TIMED_OUT");
        assertThat(MqExceptions.errorCode(new IllegalStateException("bug"))).isEqualTo("IllegalStateException");
    }
}
