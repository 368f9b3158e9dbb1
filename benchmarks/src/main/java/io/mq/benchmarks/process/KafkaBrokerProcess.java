package io.mq.benchmarks.process;

import io.mq.benchmarks.kafka.ApacheKafkaServer;
import io.mq.benchmarks.measure.ProbeLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Apache Kafka ({@link ApacheKafkaServer}: KRaft combined mode, one node, loopback, the fixture's settings) in a JVM
 * with its start script's options ({@link JvmSpec#broker()}) under the probe.
 */
public final class KafkaBrokerProcess implements BrokerUnderTest {

    /** {@code Apache Kafka <version> (KRaft)}; the server jars are the same release as kafka-clients. */
    public static final String NAME = "Apache Kafka " + kafkaVersion() + " (KRaft)";

    private final ApacheKafkaServer server;
    private final Path probeDir;
    private final ProbeLog probe;

    private KafkaBrokerProcess(ApacheKafkaServer server, Path probeDir) {
        this.server = server;
        this.probeDir = probeDir;
        this.probe = new ProbeLog(probeDir.resolve("probe.log"));
    }

    /** Starts Apache Kafka. */
    public static BrokerLauncher launcher() {
        return new BrokerLauncher() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public BrokerUnderTest launch() throws IOException, InterruptedException {
                return withProbe(probe -> ApacheKafkaServer.launch(Map.of(), probe, START_TIMEOUT));
            }

            @Override
            public BrokerUnderTest start() throws IOException, InterruptedException {
                return withProbe(probe -> ApacheKafkaServer.start(Map.of(), probe, START_TIMEOUT));
            }
        };
    }

    /** The release of the Kafka jars on the class path, from the version file kafka-clients carries. */
    private static String kafkaVersion() {
        try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "4.x");
        } catch (IOException e) {
            return "4.x";
        }
    }

    /** Runs {@code starter} with the broker JVM spec probing into a fresh directory, removed again on failure. */
    private static KafkaBrokerProcess withProbe(Starter starter) throws IOException, InterruptedException {
        Path probeDir = Files.createTempDirectory("mq-bench-kafka-probe-");
        ChildProcesses.deleteOnExit(probeDir);
        try {
            return new KafkaBrokerProcess(starter.start(JvmSpec.broker().probedInto(probeDir.resolve("probe.log"))),
                    probeDir);
        } catch (IOException | InterruptedException | RuntimeException e) {
            LogFiles.deleteRecursively(probeDir);
            throw e;
        }
    }

    /** Launches or starts {@link ApacheKafkaServer} in a given JVM. */
    @FunctionalInterface
    private interface Starter {
        ApacheKafkaServer start(JvmSpec jvm) throws IOException, InterruptedException;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String bootstrapServers() {
        return server.bootstrapServers();
    }

    @Override
    public long pid() {
        return server.pid();
    }

    @Override
    public long processStartNanos() {
        return server.processStartNanos();
    }

    @Override
    public ProbeLog probe() {
        return probe;
    }

    @Override
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        server.awaitReady(timeout);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            LogFiles.deleteRecursively(probeDir);
        }
    }
}
