package io.mq.benchmarks.process;

import io.mq.benchmarks.measure.ProbeMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a child JVM is launched: its options (heap, GC, system properties) and an optional wrapper main class that
 * runs before the real one ({@link ProbeMain}, which records the JVM's CPU, heap and threads into a file).
 *
 * @param options    JVM options, e.g. {@code -Xmx1g}
 * @param mainPrefix arguments placed before the real main class: a wrapper main class and its own arguments
 */
public record JvmSpec(List<String> options, List<String> mainPrefix) {

    /**
     * The options Apache Kafka's {@code kafka-server-start.sh} uses by default (heap and
     * {@code KAFKA_JVM_PERFORMANCE_OPTS}); both brokers under test run with them.
     */
    public static final List<String> KAFKA_START_SCRIPT_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent",
            "-Djava.awt.headless=true");

    public JvmSpec {
        options = List.copyOf(options);
        mainPrefix = List.copyOf(mainPrefix);
    }

    /** A JVM with maximum heap {@code heap} (e.g. {@code "512m"}) and nothing else. */
    public static JvmSpec heap(String heap) {
        return new JvmSpec(List.of("-Xmx" + heap), List.of());
    }

    /** The JVM both brokers under test run in: {@link #KAFKA_START_SCRIPT_OPTIONS}. */
    public static JvmSpec broker() {
        return new JvmSpec(KAFKA_START_SCRIPT_OPTIONS, List.of());
    }

    /** This spec with {@code more} options appended. */
    public JvmSpec withOptions(String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new JvmSpec(all, mainPrefix);
    }

    /** This spec run through {@link ProbeMain}, which appends a sample line to {@code probeFile} every 50 ms. */
    public JvmSpec probedInto(Path probeFile) {
        List<String> all = new ArrayList<>(options);
        all.add("-D" + ProbeMain.FILE_PROPERTY + "=" + probeFile.toAbsolutePath());
        return new JvmSpec(all, List.of(ProbeMain.class.getName()));
    }

    /**
     * The full command: this JVM's {@code java} binary, the options, the class path argument file (keeps the
     * command short and readable in {@code ps}), the prefix, the main class and its arguments.
     */
    public List<String> command(Path classPathFile, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("@" + classPathFile.toAbsolutePath());
        command.addAll(mainPrefix);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
