package io.mq.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.UnsupportedVersionException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.message.ApiVersionsResponse.ApiVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegotiatedVersionsTest {

    private static final Node BROKER = new Node(1, "kafka-1", 9092);

    private static ApiVersion range(ApiKey key, int min, int max) {
        return new ApiVersion(key.id(), (short) min, (short) max);
    }

    @Test
    void choosesTheHighestVersionInBothRangesAndNeverAboveOurs() {
        NegotiatedVersions versions = NegotiatedVersions.negotiate(BROKER, List.of(
                range(ApiKey.PRODUCE, 0, 13), range(ApiKey.METADATA, 0, 8), range(ApiKey.API_VERSIONS, 0, 4)));

        assertThat(versions.version(ApiKey.PRODUCE)).isEqualTo(ApiKey.PRODUCE.maxVersion());
        assertThat(versions.version(ApiKey.METADATA)).isEqualTo((short) 8);
        assertThat(versions.version(ApiKey.API_VERSIONS)).isEqualTo((short) 4);
        assertThat(versions.asMap()).containsOnlyKeys(ApiKey.PRODUCE, ApiKey.METADATA, ApiKey.API_VERSIONS);
    }

    @Test
    void produceIsNeverBelowVersion3() {
        NegotiatedVersions old = NegotiatedVersions.negotiate(BROKER, List.of(range(ApiKey.PRODUCE, 0, 2)));

        assertThat(old.supports(ApiKey.PRODUCE)).isFalse();
        assertThatThrownBy(() -> old.version(ApiKey.PRODUCE))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("Produce")
                .hasMessageContaining("mq speaks v3-11")
                .hasMessageContaining("advertises v0-2");
        assertThat(NegotiatedVersions.negotiate(BROKER, List.of(range(ApiKey.PRODUCE, 0, 3))).version(ApiKey.PRODUCE))
                .isEqualTo((short) 3);
    }

    @Test
    void requireNamesTheFirstMissingApiAndTheBroker() {
        NegotiatedVersions versions = NegotiatedVersions.negotiate(BROKER, List.of(range(ApiKey.METADATA, 1, 12)));

        assertThatThrownBy(() -> versions.require(List.of(ApiKey.METADATA, ApiKey.INIT_PRODUCER_ID)))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("InitProducerId")
                .hasMessageContaining("does not advertise it")
                .hasMessageContaining(BROKER.toString())
                .satisfies(e -> assertThat(((UnsupportedVersionException) e).api()).contains(ApiKey.INIT_PRODUCER_ID));
    }

    @Test
    void apisMqDoesNotKnowAreIgnored() {
        NegotiatedVersions versions = NegotiatedVersions.negotiate(BROKER,
                List.of(new ApiVersion((short) 68, (short) 0, (short) 1), range(ApiKey.METADATA, 1, 12)));

        assertThat(versions.asMap()).containsOnlyKeys(ApiKey.METADATA);
    }
}
