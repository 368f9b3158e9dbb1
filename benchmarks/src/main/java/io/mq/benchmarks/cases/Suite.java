package io.mq.benchmarks.cases;

import io.mq.benchmarks.process.KafkaBrokerProcess;
import io.mq.benchmarks.process.MqBrokerProcess;
import io.mq.benchmarks.producer.ProducerSettings;
import io.mq.benchmarks.report.Goal;
import io.mq.broker.storage.FlushMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Every case, in the order: producer engines, brokers, startup, durability cost, scale. */
public final class Suite {

    private Suite() {
    }

    /** All cases. */
    public static List<BenchmarkCase> all() {
        List<BenchmarkCase> cases = new ArrayList<>();
        for (ProducerEngineCase.Workload workload : ProducerEngineCase.Workload.values()) {
            cases.add(new ProducerEngineCase(MqBrokerProcess.launcher(FlushMode.ASYNC), "mq-broker", workload));
            cases.add(new ProducerEngineCase(KafkaBrokerProcess.launcher(), "kafka-broker", workload));
        }
        cases.add(new BrokerProduceCase("broker.produce-100b-acks1", Sizes.SMALL_RECORDS, Sizes.SMALL_SIZE,
                ProducerSettings.acksOne(), Goal.ratioAtLeast(1.2)));
        cases.add(new BrokerProduceCase("broker.produce-100b-acksall-idempotent", Sizes.SMALL_RECORDS,
                Sizes.SMALL_SIZE, ProducerSettings.acksAllIdempotent(), Goal.ratioAtLeast(1.2)));
        cases.add(new BrokerProduceCase("broker.produce-1k-acks1", Sizes.LARGE_RECORDS, Sizes.LARGE_SIZE,
                ProducerSettings.acksOne(), Goal.ratioAtLeast(1.2)));
        cases.add(new BrokerConsumeCase());
        cases.add(new EndToEndLatencyCase());
        cases.add(new StartupCase());
        cases.add(new DurabilityCase(1, Goal.none()));
        cases.add(new DurabilityCase(4, Goal.none()));
        cases.add(new DurabilityCase(16, Goal.ratioAtLeast(0.5)));
        cases.add(new ScaleCase(1, Goal.none()));
        cases.add(new ScaleCase(10, Goal.none()));
        cases.add(new ScaleCase(100, Goal.ratioAtMost(0.5)));
        return cases;
    }

    /** The cases whose id any of {@code patterns} finds (all of them when there are no patterns). */
    public static List<BenchmarkCase> matching(List<Pattern> patterns) {
        return all().stream()
                .filter(c -> patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(c.id()).find()))
                .toList();
    }
}
