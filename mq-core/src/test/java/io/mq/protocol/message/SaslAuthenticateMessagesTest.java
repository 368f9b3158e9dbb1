package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SaslAuthenticateMessagesTest {

    private static final byte[] CLIENT_TOKEN = "\0alice\0secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SERVER_TOKEN = {1, 2, 3, 4, 5};

    static short[] versions() {
        return Versions.of(ApiKey.SASL_AUTHENTICATE);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        SaslAuthenticateRequest ours = roundTrip(kafkaRequest(), version, SaslAuthenticateRequest::read);

        assertThat(ours.authBytes()).isEqualTo(CLIENT_TOKEN);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        SaslAuthenticateResponse ours = roundTrip(kafkaResponse(version), version, SaslAuthenticateResponse::read);

        assertThat(ours.errorCode()).isEqualTo((short) 58);
        assertThat(ours.errorMessage()).isEqualTo("bad credentials");
        assertThat(ours.authBytes()).isEqualTo(SERVER_TOKEN);
        assertThat(ours.sessionLifetimeMs()).isEqualTo(version >= 1 ? 3_600_000L : 0L);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(), version, SaslAuthenticateRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(version), version, SaslAuthenticateResponse::read);
    }

    private static SaslAuthenticateRequestData kafkaRequest() {
        return new SaslAuthenticateRequestData().setAuthBytes(CLIENT_TOKEN);
    }

    private static SaslAuthenticateResponseData kafkaResponse(short version) {
        var kafka = new SaslAuthenticateResponseData().setErrorCode((short) 58).setErrorMessage("bad credentials")
                .setAuthBytes(SERVER_TOKEN);
        if (version >= 1) {
            kafka.setSessionLifetimeMs(3_600_000L);
        }
        return kafka;
    }
}
