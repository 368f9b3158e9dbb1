package io.mq.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.EmbeddedBroker;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerRecord;
import io.mq.spring.autoconfigure.MqConnectionDetails;
import io.mq.producer.SendFailedException;
import io.mq.protocol.ApiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A web application with Actuator and the Prometheus registry: after sends, {@code /actuator/prometheus} shows the
 * producer and embedded-broker meters (every one the sample app's Grafana dashboard charts) and
 * {@code /actuator/health} shows mq UP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"mq.embedded.port=0",
        "management.endpoints.web.exposure.include=health,prometheus",
        "management.endpoint.health.show-details=always"})
@AutoConfigureObservability(tracing = false)
class MqActuatorEndpointsIT {

    private static final int SENDS = 12;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MqProducer producer;

    @Autowired
    EmbeddedBroker broker;

    @Test
    void prometheusScrapeAfterSendsContainsTheMeters() {
        long sentBefore = producer.metrics().recordsSent();
        long producesBefore = broker.requestStats().of(ApiKey.PRODUCE).count();
        long appendedBefore = broker.storageStats().appendedRecords();
        for (int i = 0; i < SENDS; i++) {
            producer.sendSync(ProducerRecord.of("scraped", ("order-" + i).getBytes(StandardCharsets.UTF_8)));
        }

        ResponseEntity<String> scrape = http.getForEntity("/actuator/prometheus", String.class);

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        String clientId = "client_id=\"" + producer.clientId() + "\"";
        assertThat(scrape.getBody())
                .contains("mq_producer_records_sent_total{" + clientId + "} " + (sentBefore + SENDS) + ".0")
                .contains("mq_producer_bytes_sent_total{" + clientId + "}")
                .contains("mq_producer_retries_total{" + clientId + "} 0.0")
                .contains("mq_producer_records_dead_lettered_total{" + clientId + "} 0.0")
                .contains("mq_producer_batch_size_bytes_count{" + clientId + "}")
                .contains("mq_producer_records_per_batch_sum{" + clientId + "} " + (sentBefore + SENDS) + ".0")
                .contains("mq_producer_record_queue_time_seconds_count{" + clientId + "}")
                .contains("mq_producer_request_latency_seconds_bucket{" + clientId + ",le=\"+Inf\"} ")
                .contains("mq_producer_buffer_available_bytes{" + clientId + "}")
                .contains("mq_producer_buffer_total_bytes{" + clientId + "}")
                .contains("mq_producer_requests_in_flight{" + clientId + "}")
                .contains("mq_producer_connections{" + clientId + "}")
                .contains("mq_producer_metadata_age_seconds{" + clientId + "}")
                .contains("mq_broker_requests_seconds_count{api=\"Produce\",broker_id=\"0\"} "
                        + (producesBefore + SENDS) + "\n")
                .contains("mq_broker_requests_seconds_sum{api=\"Metadata\",broker_id=\"0\"}")
                .contains("mq_broker_requests_seconds_bucket{api=\"Produce\",broker_id=\"0\",le=\"+Inf\"} ")
                .contains("mq_broker_appended_records_total{broker_id=\"0\"} " + (appendedBefore + SENDS) + ".0")
                .contains("mq_broker_appended_bytes_total{broker_id=\"0\"}")
                .contains("mq_broker_storage_size_bytes{broker_id=\"0\"}")
                .contains("mq_broker_segments{broker_id=\"0\"}")
                .contains("mq_broker_partitions{broker_id=\"0\"}")
                .contains("mq_broker_flushes_total{broker_id=\"0\"}")
                .contains("mq_broker_flush_latency_seconds{broker_id=\"0\"}");
    }

    @Test
    void everyMeterChartedByTheSampleDashboardIsScraped() throws IOException {
        assertThatThrownBy(() -> producer.sendSync(ProducerRecord.of("scraped", new byte[2 * 1024 * 1024])))
                .isInstanceOf(SendFailedException.class);
        producer.sendSync(ProducerRecord.of("scraped", new byte[] {1}));
        String dashboard = Files.readString(Path.of("../sample-app/grafana/mq-dashboard.json"));
        Set<String> charted = new TreeSet<>();
        Matcher names = Pattern.compile("mq_[a-z_]+").matcher(dashboard);
        while (names.find()) {
            charted.add(names.group());
        }

        String scrape = http.getForObject("/actuator/prometheus", String.class);

        assertThat(charted).hasSizeGreaterThan(20)
                .allSatisfy(name -> assertThat(scrape).as("scrape of " + name).contains("\n" + name + "{"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthShowsMqUpWithItsDetails() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> mq = (Map<String, Object>) ((Map<String, Object>) health.getBody().get("components"))
                .get("mq");
        assertThat(mq).containsEntry("status", "UP");
        assertThat((Map<String, Object>) mq.get("details")).containsEntry("brokers", 1)
                .containsEntry("embeddedBroker", "RUNNING")
                .containsEntry("producers", Map.of(producer.clientId(), "RUNNING"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class})
    static class ActuatorTestApplication {

        @Bean(destroyMethod = "close")
        MqProducer scrapedProducer(MqConnectionDetails connection) {
            return MqProducer.builder().bootstrapServers(connection.bootstrapServers()).build();
        }
    }
}
