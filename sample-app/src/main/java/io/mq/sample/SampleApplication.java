package io.mq.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The mq sample service: with no {@code mq.bootstrap-servers} it runs mq's embedded broker on 127.0.0.1:9092. */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
