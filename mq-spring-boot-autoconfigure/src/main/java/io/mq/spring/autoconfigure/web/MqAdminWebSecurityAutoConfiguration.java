package io.mq.spring.autoconfigure.web;

import io.mq.spring.autoconfigure.MqProperties;
import io.mq.spring.web.MqAdminController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Secures the admin API when Spring Security is present: a {@link SecurityFilterChain} for
 * {@code mq.admin.web.base-path} only, requiring the role {@code mq.admin.web.role} (any authenticated user when the
 * role is blank) with HTTP Basic and no session. It is ordered before Spring Boot's default chain and runs after
 * {@code SecurityAutoConfiguration}, so the application's own security (or Boot's default) still covers every other
 * path. Replace it with a bean named {@code mqAdminSecurityFilterChain}.
 *
 * <p>CSRF protection is off for these paths: the API is stateless (no session, no cookie to ride on), its mutating
 * calls are {@code DELETE}/{@code PATCH} (which browsers send cross-site only after a CORS preflight) or
 * {@code POST}s whose body is read only as JSON (a cross-site form post is answered 415 without doing anything).
 */
@AutoConfiguration(after = MqAdminWebAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class, PathPatternRequestMatcher.class})
@ConditionalOnBean({MqAdminController.class, HttpSecurity.class})
public final class MqAdminWebSecurityAutoConfiguration {

    /** Ahead of Spring Boot's default chain ({@link SecurityProperties#BASIC_AUTH_ORDER}). */
    static final int ORDER = SecurityProperties.BASIC_AUTH_ORDER - 10;

    private static final String ROLE_PREFIX = "ROLE_";

    @Bean
    @Order(ORDER)
    @ConditionalOnMissingBean(name = "mqAdminSecurityFilterChain")
    SecurityFilterChain mqAdminSecurityFilterChain(HttpSecurity http, MqProperties properties) throws Exception {
        String role = properties.getAdmin().getWeb().getRole();
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(AdminPaths.pattern(properties)))
                .authorizeHttpRequests(requests -> {
                    if (role == null || role.isBlank()) {
                        requests.anyRequest().authenticated();
                    } else {
                        requests.anyRequest().hasRole(role.startsWith(ROLE_PREFIX)
                                ? role.substring(ROLE_PREFIX.length()) : role);
                    }
                })
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
