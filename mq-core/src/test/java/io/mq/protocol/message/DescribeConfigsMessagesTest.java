package io.mq.protocol.message;

import static io.mq.protocol.KafkaOracle.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import java.util.List;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsRequestData.DescribeConfigsResource;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResourceResult;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResult;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsSynonym;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DescribeConfigsMessagesTest {

    static short[] versions() {
        return Versions.of(ApiKey.DESCRIBE_CONFIGS);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void requestMatchesKafkaBytes(short version) {
        DescribeConfigsRequest ours = roundTrip(kafkaRequest(version), version, DescribeConfigsRequest::read);

        assertThat(ours.includeSynonyms()).isTrue();
        assertThat(ours.includeDocumentation()).isEqualTo(version >= 3);
        assertThat(ours.resources()).containsExactly(
                new DescribeConfigsRequest.DescribeConfigsResource((byte) 2, "orders",
                        List.of("cleanup.policy", "retention.ms")),
                new DescribeConfigsRequest.DescribeConfigsResource((byte) 4, "1", null));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void responseMatchesKafkaBytes(short version) {
        DescribeConfigsResponse ours = roundTrip(kafkaResponse(version), version, DescribeConfigsResponse::read);

        assertThat(ours.throttleTimeMs()).isEqualTo(4);
        DescribeConfigsResponse.DescribeConfigsResult topic = ours.results().get(0);
        assertThat(topic.resourceName()).isEqualTo("orders");
        DescribeConfigsResponse.DescribeConfigsResourceResult cleanup = topic.configs().get(0);
        assertThat(cleanup.configSource()).isEqualTo((byte) 1);
        assertThat(cleanup.synonyms()).containsExactly(
                new DescribeConfigsResponse.DescribeConfigsSynonym("cleanup.policy", "compact", (byte) 1),
                new DescribeConfigsResponse.DescribeConfigsSynonym("log.cleanup.policy", null, (byte) 5));
        assertThat(cleanup.configType()).isEqualTo(version >= 3 ? (byte) 7 : 0);
        assertThat(cleanup.documentation()).isEqualTo(version >= 3 ? "How old segments are discarded." : null);
        assertThat(topic.configs().get(1).value()).isNull();
        assertThat(ours.results().get(1).errorMessage()).isEqualTo("no such broker");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedRequestIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaRequest(version), version, DescribeConfigsRequest::read);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void truncatedResponseIsRejected(short version) {
        TruncatedFrames.assertTruncatedFrameFails(kafkaResponse(version), version, DescribeConfigsResponse::read);
    }

    private static DescribeConfigsRequestData kafkaRequest(short version) {
        var kafka = new DescribeConfigsRequestData().setIncludeSynonyms(true).setResources(List.of(
                new DescribeConfigsResource().setResourceType((byte) 2).setResourceName("orders")
                        .setConfigurationKeys(List.of("cleanup.policy", "retention.ms")),
                new DescribeConfigsResource().setResourceType((byte) 4).setResourceName("1")
                        .setConfigurationKeys(null)));
        if (version >= 3) {
            kafka.setIncludeDocumentation(true);
        }
        return kafka;
    }

    private static DescribeConfigsResponseData kafkaResponse(short version) {
        var cleanup = new DescribeConfigsResourceResult().setName("cleanup.policy").setValue("compact")
                .setReadOnly(true).setConfigSource((byte) 1).setIsSensitive(false).setSynonyms(List.of(
                        new DescribeConfigsSynonym().setName("cleanup.policy").setValue("compact").setSource((byte) 1),
                        new DescribeConfigsSynonym().setName("log.cleanup.policy").setValue(null)
                                .setSource((byte) 5)));
        var secret = new DescribeConfigsResourceResult().setName("sasl.jaas.config").setValue(null)
                .setReadOnly(false).setConfigSource((byte) 4).setIsSensitive(true);
        if (version >= 3) {
            cleanup.setConfigType((byte) 7).setDocumentation("How old segments are discarded.");
            secret.setConfigType((byte) 9).setDocumentation(null);
        }
        return new DescribeConfigsResponseData().setThrottleTimeMs(4).setResults(List.of(
                new DescribeConfigsResult().setErrorCode((short) 0).setErrorMessage(null).setResourceType((byte) 2)
                        .setResourceName("orders").setConfigs(List.of(cleanup, secret)),
                new DescribeConfigsResult().setErrorCode((short) 42).setErrorMessage("no such broker")
                        .setResourceType((byte) 4).setResourceName("9")));
    }
}
