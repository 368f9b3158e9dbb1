package io.mq.benchmarks.worker;

import java.util.Map;

/**
 * A worker JVM: {@code WorkerMain kind=PRODUCE engine=kafka-clients bootstrap=... ...} (see
 * {@link WorkloadSpec#toArgs()}) runs one workload and prints its {@link WorkerResult} line; exit status 1 on failure.
 */
public final class WorkerMain {

    private static final Map<WorkloadSpec.Kind, Workload> WORKLOADS = Map.of(
            WorkloadSpec.Kind.PRODUCE, new ProduceWorkload(),
            WorkloadSpec.Kind.FIXED_RATE, new FixedRateWorkload(),
            WorkloadSpec.Kind.SYNC_SENDS, new SyncSendWorkload(),
            WorkloadSpec.Kind.CONSUME, new ConsumeWorkload(),
            WorkloadSpec.Kind.END_TO_END, new EndToEndWorkload(),
            WorkloadSpec.Kind.SCALE, new ScaleWorkload());

    private WorkerMain() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            WorkloadSpec spec = WorkloadSpec.parse(args);
            WorkerResult result = WORKLOADS.get(spec.kind()).run(spec);
            System.out.println(result.toLine());
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        // producers and consumers are closed; exit without waiting for stray non-daemon threads
        System.exit(status);
    }
}
