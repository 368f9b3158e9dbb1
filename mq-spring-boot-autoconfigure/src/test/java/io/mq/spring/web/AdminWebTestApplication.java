package io.mq.spring.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A bare Spring Boot application: everything on the test classpath auto-configured, mq's admin API included. */
@SpringBootConfiguration
@EnableAutoConfiguration
class AdminWebTestApplication {
}
