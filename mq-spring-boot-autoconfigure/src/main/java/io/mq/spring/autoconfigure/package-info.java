/** Spring Boot auto-configuration for mq: binds {@code mq.*} from application.yml to mq's engine and embedded broker. */
package io.mq.spring.autoconfigure;
