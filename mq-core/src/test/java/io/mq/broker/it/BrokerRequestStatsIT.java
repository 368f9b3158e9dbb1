package io.mq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.junit.EmbeddedBrokerExtension;
import io.mq.broker.network.RequestStats;
import io.mq.protocol.ApiKey;
import io.mq.protocol.message.ApiVersionsRequest;
import io.mq.protocol.message.ApiVersionsResponse;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker counts the requests it answers, per api, with their handling time. */
class BrokerRequestStatsIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @Test
    void answeredRequestsAreCountedPerApi() throws IOException {
        RequestStats stats = BROKER.broker().requestStats();
        long before = stats.of(ApiKey.API_VERSIONS).count();

        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            for (int i = 0; i < 3; i++) {
                connection.call(ApiKey.API_VERSIONS, (short) 3, new ApiVersionsRequest("stats-test", "1.0"),
                        ApiVersionsResponse::read);
            }
        }

        RequestStats.ApiStats apiVersions = stats.of(ApiKey.API_VERSIONS);
        assertThat(apiVersions.count()).isEqualTo(before + 3);
        assertThat(apiVersions.totalNanos()).isPositive();
        assertThat(apiVersions.maxNanos()).isPositive().isLessThanOrEqualTo(apiVersions.totalNanos());
    }

    @Test
    void listenersAreToldOfEachRequestAndOneThatThrowsDoesNotDisturbTheAnswer() throws IOException {
        RequestStats stats = BROKER.broker().requestStats();
        List<Long> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        RequestStats.RequestListener recording = (api, nanos) -> {
            if (api == ApiKey.API_VERSIONS) {
                told.add(nanos);
            }
        };
        RequestStats.RequestListener throwing = (api, nanos) -> {
            throw new IllegalStateException("a broken listener");
        };
        stats.addListener(throwing);
        stats.addListener(recording);
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            for (int i = 0; i < 2; i++) {
                ApiVersionsResponse answer = connection.call(ApiKey.API_VERSIONS, (short) 3,
                        new ApiVersionsRequest("stats-test", "1.0"), ApiVersionsResponse::read);
                assertThat(answer.errorCode()).isZero();
            }
            stats.removeListener(recording);
            stats.removeListener(throwing);
            connection.call(ApiKey.API_VERSIONS, (short) 3, new ApiVersionsRequest("stats-test", "1.0"),
                    ApiVersionsResponse::read);
        }

        assertThat(told).hasSize(2).allSatisfy(nanos -> assertThat(nanos).isPositive());
    }

    @Test
    void trackedApisAreExactlyTheAdvertisedOnes() throws IOException {
        ApiVersionsResponse advertised;
        try (RawConnection connection = new RawConnection(BROKER.bootstrapServers())) {
            advertised = connection.call(ApiKey.API_VERSIONS, (short) 3, new ApiVersionsRequest("stats-test", "1.0"),
                    ApiVersionsResponse::read);
        }

        assertThat(BROKER.broker().requestStats().apis())
                .containsExactlyInAnyOrderElementsOf(advertised.apiKeys().stream()
                        .map(version -> ApiKey.forId(version.apiKey())).toList());
    }

    @Test
    void askingForAnApiNotServedFails() {
        RequestStats stats = new RequestStats(List.of(ApiKey.PRODUCE));

        assertThatThrownBy(() -> stats.of(ApiKey.FETCH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Fetch");
    }
}
