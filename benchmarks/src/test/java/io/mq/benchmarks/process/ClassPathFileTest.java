package io.mq.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathFileTest {

    @TempDir
    Path dir;

    @Test
    void artifactNameIsTheJarNameOrTheModuleOfTargetClasses() {
        assertThat(ClassPathFile.artifactName(Path.of("/x/lib/netty-common-4.1.135.Final.jar")))
                .isEqualTo("netty-common-4.1.135.Final.jar");
        assertThat(ClassPathFile.artifactName(Path.of("/work/repo/mq-core/target/classes"))).isEqualTo("mq-core");
    }

    @Test
    void brokerClassPathKeepsMqCoreNettyAndLogbackButNotKafka() throws IOException {
        Path file = ClassPathFile.writeOnly(dir.resolve("cp.args"), ClassPathFile.MQ_BROKER_ARTIFACTS,
                dir.resolve("probe"));

        String args = Files.readString(file);
        assertThat(args).contains("netty-common", "slf4j-api", "logback-classic")
                .doesNotContain("kafka-clients", "kafka_2.13", "scala-library");
        assertThat(args).containsAnyOf("mq-core-", "mq-core/target/classes");
    }
}
