package io.mq.benchmarks;

import io.mq.benchmarks.cases.RunSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The command line of {@link BenchmarkMain}.
 *
 * @param settings  sizes, runs and warm-ups
 * @param cases     case-id patterns (regular expressions, any match selects); empty selects every case
 * @param listOnly  print the case ids and exit
 * @param help      print the usage and exit
 * @param out       where to write the Markdown report as well as printing it
 */
public record BenchmarkOptions(RunSettings settings, List<Pattern> cases, boolean listOnly, boolean help,
        Optional<Path> out) {

    /** The usage text. */
    public static final String USAGE = """
            usage: java -jar benchmarks/target/mq-benchmarks.jar [options]
              --quick            smoke test: a tenth of the records, no warm-up, 1 run per side
              --case REGEX       run only cases whose id matches (repeatable, or comma-separated)
              --runs N           measured runs per side (default 3)
              --warmups N        warm-up runs per side (default 1)
              --scale F          factor on record counts and timed phases (default 1.0)
              --out FILE         also write the Markdown report to FILE
              --list             list the case ids and exit
              --help             this text
            """;

    /** Parses {@code args}; later options override earlier ones ({@code --quick --runs 3} keeps 3 runs). */
    public static BenchmarkOptions parse(String[] args) {
        double scale = RunSettings.FULL.scale();
        int runs = RunSettings.FULL.runs();
        int warmups = RunSettings.FULL.warmups();
        List<Pattern> cases = new ArrayList<>();
        boolean list = false;
        boolean help = false;
        Optional<Path> out = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> {
                    scale = RunSettings.QUICK.scale();
                    runs = RunSettings.QUICK.runs();
                    warmups = RunSettings.QUICK.warmups();
                }
                case "--case" -> {
                    for (String pattern : value(args, ++i, arg).split(",")) {
                        cases.add(Pattern.compile(pattern.trim()));
                    }
                }
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, arg));
                case "--warmups" -> warmups = Integer.parseInt(value(args, ++i, arg));
                case "--scale" -> scale = Double.parseDouble(value(args, ++i, arg));
                case "--out" -> out = Optional.of(Path.of(value(args, ++i, arg)));
                case "--list" -> list = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new BenchmarkOptions(new RunSettings(scale, runs, warmups), List.copyOf(cases), list, help, out);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
