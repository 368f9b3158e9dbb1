package io.mq.benchmarks.worker;

import io.mq.benchmarks.producer.ProducerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one worker run does, passed to the worker JVM as {@code key=value} arguments.
 *
 * @param kind          the workload
 * @param engine        the producer engine's name (see {@code ProducerEngines})
 * @param bootstrap     the broker's {@code host:port}
 * @param topic         the topic (created beforehand by the harness)
 * @param records       records in the measured phase (for {@link Kind#SYNC_SENDS} an upper bound; for
 *                      {@link Kind#SCALE} records per producer)
 * @param recordSize    value size in bytes (records have no key)
 * @param producer      producer settings
 * @param producers     concurrent producers, one sending thread each ({@link Kind#PRODUCE}, {@link Kind#SCALE})
 * @param ratePerSecond the fixed send rate ({@link Kind#FIXED_RATE}, {@link Kind#END_TO_END})
 * @param maxDuration   bound of the measured phase ({@link Kind#SYNC_SENDS}: its length)
 * @param warmupRecords records sent (or read) before the measured phase
 */
public record WorkloadSpec(Kind kind, String engine, String bootstrap, String topic, long records, int recordSize,
        ProducerSettings producer, int producers, int ratePerSecond, Duration maxDuration, long warmupRecords) {

    /** The workloads a worker can run. */
    public enum Kind {
        /** Unthrottled asynchronous sends from {@code producers} producers, then flush. */
        PRODUCE,
        /** Sends at a fixed rate; latency from each send's scheduled time to its acknowledgement. */
        FIXED_RATE,
        /** One synchronous send at a time for {@code maxDuration}; latency of each. */
        SYNC_SENDS,
        /** Reads the topic from its start to its end with a kafka-clients consumer. */
        CONSUME,
        /** Sends at a fixed rate while a kafka-clients consumer polls; latency from scheduled send to poll. */
        END_TO_END,
        /** Opens {@code producers} producers, each sends {@code records}, then heap after GC and threads. */
        SCALE
    }

    public WorkloadSpec {
        if (records < 0 || recordSize < 16 || producers < 1 || warmupRecords < 0) {
            throw new IllegalArgumentException("records ≥ 0, recordSize ≥ 16, producers ≥ 1, warmupRecords ≥ 0");
        }
        if ((kind == Kind.FIXED_RATE || kind == Kind.END_TO_END) && ratePerSecond <= 0) {
            throw new IllegalArgumentException(kind + " needs a positive rate");
        }
    }

    /** The worker's command-line arguments. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("kind=" + kind);
        args.add("engine=" + engine);
        args.add("bootstrap=" + bootstrap);
        args.add("topic=" + topic);
        args.add("records=" + records);
        args.add("recordSize=" + recordSize);
        args.add("acks=" + producer.acks());
        args.add("idempotent=" + producer.idempotent());
        args.add("lingerMs=" + producer.linger().toMillis());
        args.add("batchSize=" + producer.batchSize());
        args.add("producers=" + producers);
        args.add("rate=" + ratePerSecond);
        args.add("maxDurationMs=" + maxDuration.toMillis());
        args.add("warmupRecords=" + warmupRecords);
        return args;
    }

    /** Parses {@link #toArgs()}. */
    public static WorkloadSpec parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        ProducerSettings settings = new ProducerSettings(required(values, "acks"),
                Boolean.parseBoolean(required(values, "idempotent")),
                Duration.ofMillis(Long.parseLong(required(values, "lingerMs"))),
                Integer.parseInt(required(values, "batchSize")));
        return new WorkloadSpec(Kind.valueOf(required(values, "kind").toUpperCase(Locale.ROOT)),
                required(values, "engine"), required(values, "bootstrap"), required(values, "topic"),
                Long.parseLong(required(values, "records")), Integer.parseInt(required(values, "recordSize")),
                settings, Integer.parseInt(required(values, "producers")), Integer.parseInt(required(values, "rate")),
                Duration.ofMillis(Long.parseLong(required(values, "maxDurationMs"))),
                Long.parseLong(required(values, "warmupRecords")));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return value;
    }
}
