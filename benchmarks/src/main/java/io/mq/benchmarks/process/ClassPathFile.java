package io.mq.benchmarks.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes this JVM's class path, as absolute paths, into a {@code java} argument file ({@code -cp "..."}), so child
 * JVMs load the same classes. Run as {@code java -jar mq-benchmarks.jar}, the class path is that jar, whose
 * manifest names every dependency in {@code lib/}; under Maven it is the full test class path.
 */
public final class ClassPathFile {

    private ClassPathFile() {
    }

    /** Writes the argument file to {@code file} and returns it. */
    public static Path write(Path file) throws IOException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        Files.writeString(file, "-cp \"" + escape(classPath) + "\"\n");
        return file;
    }

    /** Escapes backslashes (Windows paths) for a quoted argument-file token or a properties value. */
    public static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
