package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiVersionsMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.API_VERSIONS);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        var kafka = new ApiVersionsRequestData();
        if (version >= 3) {
            kafka.setClientSoftwareName("mq-test").setClientSoftwareVersion("1.2.3");
        }

        ApiVersionsRequest ours = roundTrip(kafka, version, ApiVersionsRequest::read);

        assertThat(ours.clientSoftwareName()).isEqualTo(version >= 3 ? "mq-test" : "");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        var kafka = new ApiVersionsResponseData().setErrorCode((short) 35);
        kafka.apiKeys().add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 0).setMinVersion((short) 3)
                .setMaxVersion((short) 11));
        kafka.apiKeys().add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 18).setMinVersion((short) 0)
                .setMaxVersion((short) 4));
        if (version >= 1) {
            kafka.setThrottleTimeMs(7);
        }

        ApiVersionsResponse ours = roundTrip(kafka, version, ApiVersionsResponse::read);

        assertThat(ours.errorCode()).isEqualTo((short) 35);
        assertThat(ours.apiKeys()).containsExactly(new ApiVersionsResponse.ApiVersion((short) 0, (short) 3, (short) 11),
                new ApiVersionsResponse.ApiVersion((short) 18, (short) 0, (short) 4));
    }
}
