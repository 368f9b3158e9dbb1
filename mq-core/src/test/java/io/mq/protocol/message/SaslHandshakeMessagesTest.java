package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SaslHandshakeMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.SASL_HANDSHAKE);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        SaslHandshakeRequest ours = roundTrip(kafkaRequest(), version, SaslHandshakeRequest::read);

        assertThat(ours.mechanism()).isEqualTo("SCRAM-SHA-512");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        SaslHandshakeResponse ours = roundTrip(kafkaResponse(), version, SaslHandshakeResponse::read);

        assertThat(ours.errorCode()).isEqualTo((short) 33);
        assertThat(ours.mechanisms()).containsExactly("PLAIN", "SCRAM-SHA-256");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(), version, SaslHandshakeRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(), version, SaslHandshakeResponse::read);
    }

    private static SaslHandshakeRequestData kafkaRequest() {
        return new SaslHandshakeRequestData().setMechanism("SCRAM-SHA-512");
    }

    private static SaslHandshakeResponseData kafkaResponse() {
        return new SaslHandshakeResponseData().setErrorCode((short) 33)
                .setMechanisms(List.of("PLAIN", "SCRAM-SHA-256"));
    }
}
