package io.mq.benchmarks.process;

import io.mq.benchmarks.measure.ProbeLog;
import io.mq.broker.BrokerMain;
import io.mq.broker.storage.FlushMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Our broker ({@link BrokerMain}) in its own JVM with the same JVM options as Apache Kafka's start script
 * ({@link JvmSpec#broker()}), on a free loopback port, data in a fresh temp directory, logging at INFO to
 * {@code broker.log} there. Its class path is what a user runs it with: mq-core, its runtime dependencies and
 * logback ({@link ClassPathFile#MQ_BROKER_ARTIFACTS}), not the harness's (which holds Apache Kafka's server and
 * its ~45 jars); Apache Kafka gets the harness's, which is about its distribution's {@code libs/}.
 */
public final class MqBrokerProcess implements BrokerUnderTest {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String READY_LINE = "mq-broker listening on ";
    private static final int PORT_ATTEMPTS = 3;

    private final Path dir;
    private final Process process;
    private final long processStartNanos;
    private final String bootstrapServers;
    private final FlushMode flush;
    private final ProbeLog probe;

    private MqBrokerProcess(Path dir, Process process, long processStartNanos, int port, FlushMode flush) {
        this.dir = dir;
        this.process = process;
        this.processStartNanos = processStartNanos;
        this.bootstrapServers = "127.0.0.1:" + port;
        this.flush = flush;
        this.probe = new ProbeLog(dir.resolve("probe.log"));
    }

    /** Starts our broker with commit-log flush mode {@code flush}. */
    public static BrokerLauncher launcher(FlushMode flush) {
        return new BrokerLauncher() {
            @Override
            public String name() {
                return describe(flush);
            }

            @Override
            public BrokerUnderTest launch() throws IOException {
                return MqBrokerProcess.launch(flush);
            }

            @Override
            public BrokerUnderTest start() throws Exception {
                for (int attempt = 1; ; attempt++) {
                    BrokerUnderTest broker = launch();
                    try {
                        broker.awaitReady(START_TIMEOUT);
                        return broker;
                    } catch (IllegalStateException e) {
                        broker.close();
                        if (attempt == PORT_ATTEMPTS || !e.getMessage().contains("Address already in use")) {
                            throw e;
                        }
                    }
                }
            }
        };
    }

    private static MqBrokerProcess launch(FlushMode flush) throws IOException {
        Path dir = Files.createTempDirectory("mq-bench-broker-");
        ChildProcesses.deleteOnExit(dir);
        try {
            int port = LoopbackPorts.free(1)[0];
            Path logback = dir.resolve("logback.xml");
            Files.writeString(logback, LOGBACK);
            Path classPath = ClassPathFile.writeOnly(dir.resolve("classpath.args"), ClassPathFile.MQ_BROKER_ARTIFACTS,
                    dir.resolve("probe-classes"));
            List<String> command = JvmSpec.broker()
                    .withOptions("-Dlogback.configurationFile=" + logback)
                    .probedInto(dir.resolve("probe.log"))
                    .command(classPath, BrokerMain.class.getName(), List.of("--host", "127.0.0.1",
                            "--port", Integer.toString(port), "--data-dir", dir.resolve("data").toString(),
                            "--flush", flush.name().toLowerCase(Locale.ROOT)));
            long processStart = System.nanoTime();
            Process process = ChildProcesses.start(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("broker.log").toFile()));
            return new MqBrokerProcess(dir, process, processStart, port, flush);
        } catch (IOException | RuntimeException e) {
            LogFiles.deleteRecursively(dir);
            throw e;
        }
    }

    private static String describe(FlushMode flush) {
        return "mq broker (flush " + flush.name().toLowerCase(Locale.ROOT) + ")";
    }

    @Override
    public String name() {
        return describe(flush);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public long processStartNanos() {
        return processStartNanos;
    }

    @Override
    public ProbeLog probe() {
        return probe;
    }

    /** Waits for the line {@link BrokerMain} prints once it accepts connections. */
    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        Path log = dir.resolve("broker.log");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (LogFiles.lines(log).stream().noneMatch(line -> line.startsWith(READY_LINE))) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited with " + process.exitValue() + " during startup"
                        + LogFiles.tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " did not start in " + timeout + LogFiles.tail(log));
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        try {
            ChildProcesses.stop(process, STOP_TIMEOUT);
        } finally {
            LogFiles.deleteRecursively(dir);
        }
    }

    /** The broker's loggers at INFO to the console (its log file), as the Apache Kafka fixture does for Kafka. */
    private static final String LOGBACK = """
            <configuration>
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <encoder>
                  <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
                </encoder>
              </appender>
              <root level="INFO">
                <appender-ref ref="CONSOLE"/>
              </root>
            </configuration>
            """;
}
