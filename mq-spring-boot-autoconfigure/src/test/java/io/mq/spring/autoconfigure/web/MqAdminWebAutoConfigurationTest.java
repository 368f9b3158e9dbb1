package io.mq.spring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.mq.admin.MqAdmin;
import io.mq.spring.autoconfigure.MqClientAutoConfiguration;
import io.mq.spring.web.MqAdminController;
import io.mq.spring.web.MqAdminExceptionHandler;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.MappedInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class MqAdminWebAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqAdminWebAutoConfiguration.class,
                    MqAdminWebSecurityAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
            .withBean(MqAdmin.class, () -> mock(MqAdmin.class));

    @Test
    void adminWebIsOffByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MqAdminController.class)
                .doesNotHaveBean(MqAdminExceptionHandler.class));
    }

    @Test
    void enabledPropertyExposesTheControllerAndItsErrorHandling() {
        runner.withPropertyValues("mq.admin.web.enabled=true").run(context -> assertThat(context)
                .hasSingleBean(MqAdminController.class)
                .hasSingleBean(MqAdminExceptionHandler.class)
                .doesNotHaveBean(MappedInterceptor.class));
    }

    @Test
    void controllerUsesTheAutoConfiguredAdmin() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqClientAutoConfiguration.class,
                        MqAdminWebAutoConfiguration.class, WebMvcAutoConfiguration.class,
                        JacksonAutoConfiguration.class))
                .withPropertyValues("mq.admin.web.enabled=true", "mq.bootstrap-servers=127.0.0.1:9092")
                .run(context -> assertThat(context).hasSingleBean(MqAdmin.class)
                        .hasSingleBean(MqAdminController.class));
    }

    @Test
    void backsOffWithoutSpringMvc() {
        runner.withPropertyValues("mq.admin.web.enabled=true")
                .withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .run(context -> assertThat(context).doesNotHaveBean(MqAdminController.class));
    }

    @Test
    void backsOffOutsideAServletWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqAdminWebAutoConfiguration.class))
                .withBean(MqAdmin.class, () -> mock(MqAdmin.class))
                .withPropertyValues("mq.admin.web.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(MqAdminController.class));
    }

    @Test
    void backsOffWithoutAnAdminClient() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqAdminWebAutoConfiguration.class,
                        WebMvcAutoConfiguration.class))
                .withPropertyValues("mq.admin.web.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(MqAdminController.class));
    }

    @Test
    void userControllerAndErrorHandlingWin() {
        MqAdminController controller = new MqAdminController(mock(MqAdmin.class));
        MqAdminExceptionHandler handler = new MqAdminExceptionHandler();
        runner.withPropertyValues("mq.admin.web.enabled=true")
                .withBean("myAdminController", MqAdminController.class, () -> controller)
                .withBean("myAdminErrors", MqAdminExceptionHandler.class, () -> handler)
                .run(context -> {
                    assertThat(context.getBean(MqAdminController.class)).isSameAs(controller);
                    assertThat(context.getBean(MqAdminExceptionHandler.class)).isSameAs(handler);
                });
    }

    @Test
    void endpointsAreMappedUnderTheDefaultBasePath() {
        runner.withPropertyValues("mq.admin.web.enabled=true")
                .run(context -> assertThat(adminPaths(context.getBean(RequestMappingHandlerMapping.class)))
                        .contains("/admin/cluster", "/admin/topics", "/admin/topics/{topic}",
                                "/admin/topics/{topic}/partitions", "/admin/topics/{topic}/configs",
                                "/admin/groups", "/admin/groups/{group}", "/admin/groups/{group}/offsets/reset",
                                "/admin/groups/{group}/offsets")
                        .hasSize(9));
    }

    @Test
    void basePathIsHonoured() {
        runner.withPropertyValues("mq.admin.web.enabled=true", "mq.admin.web.base-path=/ops/mq")
                .run(context -> assertThat(adminPaths(context.getBean(RequestMappingHandlerMapping.class)))
                        .contains("/ops/mq/cluster", "/ops/mq/groups/{group}/offsets")
                        .noneMatch(path -> path.startsWith("/admin")));
    }

    @Test
    void readOnlyInterceptsTheBasePathOnly() {
        runner.withPropertyValues("mq.admin.web.enabled=true", "mq.admin.web.read-only=true",
                "mq.admin.web.base-path=/ops/mq/").run(context -> {
                    MappedInterceptor interceptor = context.getBean(MappedInterceptor.class);
                    assertThat(interceptor.matches(request("/ops/mq"))).isTrue();
                    assertThat(interceptor.matches(request("/ops/mq/topics/orders"))).isTrue();
                    assertThat(interceptor.matches(request("/orders"))).isFalse();
                });
    }

    @Test
    void adminChainIsAddedBesideTheDefaultSecurity() {
        runner.withPropertyValues("mq.admin.web.enabled=true")
                .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasBean("mqAdminSecurityFilterChain");
                    // Spring Boot's default chain still secures everything else
                    assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
                });
    }

    @Test
    void noAdminChainWithoutSpringSecurity() {
        runner.withPropertyValues("mq.admin.web.enabled=true")
                .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(SecurityFilterChain.class, HttpSecurity.class))
                .run(context -> assertThat(context).hasSingleBean(MqAdminController.class)
                        .doesNotHaveBean(SecurityFilterChain.class));
    }

    @Test
    void noAdminChainWhenTheAdminApiIsOff() {
        runner.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean("mqAdminSecurityFilterChain"));
    }

    @Test
    void userAdminChainWins() {
        runner.withPropertyValues("mq.admin.web.enabled=true")
                .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class))
                .withBean("mqAdminSecurityFilterChain", SecurityFilterChain.class,
                        () -> new DefaultSecurityFilterChain(request -> false))
                .run(context -> assertThat(context.getBeansOfType(SecurityFilterChain.class))
                        .containsOnlyKeys("mqAdminSecurityFilterChain"));
    }

    private static Set<String> adminPaths(RequestMappingHandlerMapping mapping) {
        return mapping.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getBeanType() == MqAdminController.class)
                .map(Map.Entry::getKey)
                .map(RequestMappingInfo::getPatternValues)
                .flatMap(Set::stream)
                .collect(Collectors.toSet());
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
