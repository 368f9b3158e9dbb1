package io.mq.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mq.broker.EmbeddedBroker;
import io.mq.broker.it.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The sample service over HTTP: orders are published and readable, the admin API and health answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mq.embedded.port=0")
class OrdersApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    ObjectMapper json;

    @Test
    void placingAnOrderPublishesOrderPlacedKeyedByCustomer() throws Exception {
        Map<String, Object> order = Map.of("customerId", "customer-42", "currency", "EUR", "lines",
                List.of(Map.of("sku", "book-1", "quantity", 2, "unitPrice", "12.50")));

        ResponseEntity<OrderAccepted> response = http.postForEntity("/orders", order, OrderAccepted.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        OrderAccepted accepted = response.getBody();
        assertThat(accepted.topic()).isEqualTo("orders");
        assertThat(accepted.partition()).isBetween(0, 2);
        assertThat(accepted.offset()).isNotNegative();
        List<ConsumerRecord<byte[], byte[]>> records = KafkaClients.readFromBeginning(broker.bootstrapServers(),
                List.of(new TopicPartition("orders", accepted.partition())), 1, Duration.ofSeconds(20));
        ConsumerRecord<byte[], byte[]> record = records.stream().filter(r -> r.offset() == accepted.offset())
                .findFirst().orElseThrow();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("customer-42");
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("orderId").asText()).isEqualTo(accepted.orderId());
        assertThat(event.get("total").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/json");
    }

    @Test
    void anInvalidOrderIsRejectedWithoutPublishing() {
        Map<String, Object> order = Map.of("customerId", "", "currency", "EUR", "lines", List.of());

        ResponseEntity<String> response = http.postForEntity("/orders", order, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void adminApiListsTheDeclaredOrdersTopicWithThreePartitions() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/admin/topics?name=orders", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode items = json.readTree(response.getBody()).get("items");
        assertThat(items).anySatisfy(topic -> {
            assertThat(topic.get("name").asText()).isEqualTo("orders");
            assertThat(topic.get("partitions").asInt()).isEqualTo(3);
        });
    }

    @Test
    void healthIsUp() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(response.getBody()).get("status").asText()).isEqualTo("UP");
    }
}
