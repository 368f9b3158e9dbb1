package io.mq.spring.web;

import io.mq.spring.testing.SilentBroker;

import static io.mq.spring.web.AdminCalls.expectProblem;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.mq.admin.MqAdmin;
import io.mq.client.ConnectionOptions;
import io.mq.spring.autoconfigure.MqClientAutoConfiguration;
import io.mq.spring.autoconfigure.web.MqAdminWebAutoConfiguration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The admin API pointed at clusters it cannot use, with short admin timeouts: a closed port is answered 503, a
 * broker that accepts connections but never answers 504.
 */
class MqAdminWebUnavailableIT {

    private static WebApplicationContextRunner runner(int port, Duration connectTimeout) {
        String servers = "127.0.0.1:" + port;
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqClientAutoConfiguration.class,
                        MqAdminWebAutoConfiguration.class, WebMvcAutoConfiguration.class,
                        JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                        ValidationAutoConfiguration.class))
                .withPropertyValues("mq.admin.web.enabled=true", "mq.bootstrap-servers=" + servers)
                .withBean(MqAdmin.class, () -> MqAdmin.builder().bootstrapServers(servers)
                        .connection(ConnectionOptions.builder().connectTimeout(connectTimeout)
                                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20)).build())
                        .requestTimeout(Duration.ofMillis(300))
                        .operationTimeout(Duration.ofSeconds(1))
                        .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
                        .maxAttempts(2)
                        .build());
    }

    private static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void closedPortIs503() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        runner(port, Duration.ofMillis(300)).run(context -> expectProblem(AdminCalls.call(mvc(context), get("/admin/cluster")), 503,
                "Cluster unavailable")
                .andExpect(jsonPath("$.detail").value(containsString("127.0.0.1:" + port))));
    }

    @Test
    void silentBrokerIs504() throws Exception {
        try (SilentBroker silent = SilentBroker.start()) {
            // connections never complete their handshake; the operation timeout passes first
            runner(silent.port(), Duration.ofSeconds(5)).run(context -> expectProblem(
                    AdminCalls.call(mvc(context), get("/admin/topics")), 504, "Cluster timeout"));
        }
    }
}
