package io.mq.benchmarks.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Small file helpers for child-process logs and directories. */
public final class LogFiles {

    private static final int TAIL_LINES = 40;

    private LogFiles() {
    }

    /** The lines of {@code log}, or none when it does not exist (yet). */
    public static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The last lines of {@code log}, prefixed for an exception message. */
    public static String tail(Path log) {
        List<String> lines = lines(log);
        List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        return "\n--- last " + last.size() + " lines of " + log + " ---\n" + String.join("\n", last);
    }

    /** Deletes {@code dir} and everything in it; a missing directory is fine. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
