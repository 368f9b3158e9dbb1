package io.mq.spring.autoconfigure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mq.admin.MqAdmin;
import io.mq.spring.autoconfigure.MqClientAutoConfiguration;
import io.mq.spring.autoconfigure.MqProperties;
import io.mq.spring.web.MqAdminController;
import io.mq.spring.web.MqAdminExceptionHandler;
import io.mq.spring.web.ReadOnlyAdminInterceptor;
import io.mq.spring.web.UnmatchedAdminRequestResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * The HTTP admin API: a {@link MqAdminController} under {@code mq.admin.web.base-path} over the {@link MqAdmin} bean,
 * with its problem+json error handling (also for paths and methods under the base path that no endpoint takes). Off unless {@code mq.admin.web.enabled=true}; needs a servlet web
 * application with Spring MVC and Jackson. With {@code mq.admin.web.read-only=true} every mutating call is answered
 * 403. Spring Security, when present, is set up by {@link MqAdminWebSecurityAutoConfiguration}.
 */
@AutoConfiguration(after = MqClientAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, ObjectMapper.class, MqAdmin.class})
@ConditionalOnProperty(prefix = "mq.admin.web", name = "enabled", havingValue = "true")
@ConditionalOnBean(MqAdmin.class)
@EnableConfigurationProperties(MqProperties.class)
public final class MqAdminWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MqAdminController mqAdminController(MqAdmin admin) {
        return new MqAdminController(admin);
    }

    @Bean
    @ConditionalOnMissingBean
    MqAdminExceptionHandler mqAdminExceptionHandler() {
        return new MqAdminExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    UnmatchedAdminRequestResolver mqUnmatchedAdminRequestResolver(MqProperties properties,
            ObjectProvider<ObjectMapper> objectMapper) {
        return new UnmatchedAdminRequestResolver(AdminPaths.pattern(properties),
                objectMapper.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    @ConditionalOnProperty(prefix = "mq.admin.web", name = "read-only", havingValue = "true")
    @ConditionalOnMissingBean(name = "mqAdminReadOnlyInterceptor")
    MappedInterceptor mqAdminReadOnlyInterceptor(MqProperties properties) {
        return new MappedInterceptor(new String[] {AdminPaths.pattern(properties)}, new ReadOnlyAdminInterceptor());
    }
}
