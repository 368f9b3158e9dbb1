package io.mq.benchmarks.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

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

    /**
     * Deletes {@code dir} and everything in it; a missing directory is fine, and so are files that vanish meanwhile
     * (the shutdown hook and a closing case may delete the same directory at once).
     */
    public static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // already deleted
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
        // only now: were the JVM to exit meanwhile, its shutdown hook must still finish the job
        ChildProcesses.deleted(dir);
    }
}
