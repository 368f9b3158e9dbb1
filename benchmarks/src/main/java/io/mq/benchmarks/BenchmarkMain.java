package io.mq.benchmarks;

import io.mq.benchmarks.cases.BenchmarkCase;
import io.mq.benchmarks.cases.CaseContext;
import io.mq.benchmarks.cases.Suite;
import io.mq.benchmarks.process.ChildProcesses;
import io.mq.benchmarks.process.LogFiles;
import io.mq.benchmarks.process.WorkerProcess;
import io.mq.benchmarks.report.CaseResult;
import io.mq.benchmarks.report.MachineInfo;
import io.mq.benchmarks.report.ResultTable;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmark suite: {@code java -jar benchmarks/target/mq-benchmarks.jar [--quick] [--case REGEX]}.
 * Prints the machine, each case's runs as they finish, then one Markdown table of medians, spreads and ours/theirs
 * ratios against the goals. Every broker and worker runs in a child JVM on 127.0.0.1 and is stopped by PID
 * when its case ends (or by a shutdown hook on failure or Ctrl-C). Exit status 1 if a case failed.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        List<BenchmarkCase> cases = Suite.matching(options.cases());
        if (options.listOnly()) {
            cases.forEach(c -> System.out.println(c.id() + "  —  " + c.title()));
            return;
        }
        System.exit(run(options, cases, System.out) ? 0 : 1);
    }

    /** Runs {@code cases}, prints the report (and writes it to {@code --out}); true when no case failed. */
    static boolean run(BenchmarkOptions options, List<BenchmarkCase> cases, PrintStream out) throws Exception {
        Instant started = Instant.now();
        String machine = MachineInfo.describe();
        out.println("# mq benchmarks, " + started);
        out.print(machine);
        out.printf(Locale.ROOT, "- settings: scale %s, %d run(s) and %d warm-up(s) per side, %d case(s)%n%n",
                options.settings().scale(), options.settings().runs(), options.settings().warmups(), cases.size());
        Path workDir = Files.createTempDirectory("mq-bench-");
        ChildProcesses.deleteOnExit(workDir);
        List<CaseResult> results = new ArrayList<>();
        try {
            WorkerProcess workers = new WorkerProcess(workDir);
            for (BenchmarkCase benchmarkCase : cases) {
                out.println("== " + benchmarkCase.id() + ": " + benchmarkCase.title());
                long begin = System.nanoTime();
                results.add(runCase(benchmarkCase, new CaseContext(options.settings(), workers, out), out));
                out.printf(Locale.ROOT, "   (%d s; %s)%n", (System.nanoTime() - begin) / 1_000_000_000L,
                        MachineInfo.loadAverage());
                List<Long> leftovers = ChildProcesses.runningPids();
                if (!leftovers.isEmpty()) {
                    out.println("   WARNING: child processes still running after the case: " + leftovers);
                }
            }
        } finally {
            LogFiles.deleteRecursively(workDir);
        }
        String report = "# mq benchmarks, " + started + "\n\n" + machine
                + String.format(Locale.ROOT, "- settings: scale %s, %d run(s) and %d warm-up(s) per side%n",
                options.settings().scale(), options.settings().runs(), options.settings().warmups())
                + "- finished: " + MachineInfo.loadAverage() + ", after "
                + Duration.between(started, Instant.now()).toMinutes() + " min\n\n"
                + ResultTable.render(results);
        out.println();
        out.println(report);
        if (options.out().isPresent()) {
            Files.writeString(options.out().get(), report);
            out.println("report written to " + options.out().get().toAbsolutePath());
        }
        return results.stream().noneMatch(r -> r.failure().isPresent());
    }

    private static CaseResult runCase(BenchmarkCase benchmarkCase, CaseContext context, PrintStream out) {
        try {
            return benchmarkCase.run(context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CaseResult.failed(benchmarkCase.id(), benchmarkCase.title(), "interrupted");
        } catch (Exception | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            out.println("   FAILED: " + trace);
            return CaseResult.failed(benchmarkCase.id(), benchmarkCase.title(), String.valueOf(e));
        }
    }
}
