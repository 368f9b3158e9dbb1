package io.mq.benchmarks.process;

import io.mq.benchmarks.measure.ProbeMain;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * Writes a class path, as absolute paths, into a {@code java} argument file ({@code -cp "..."}) for a child JVM:
 * either this JVM's whole class path ({@link #write}), or only the jars a broker needs ({@link #writeOnly}). Run as
 * {@code java -jar mq-benchmarks.jar}, the class path is that jar, whose manifest names every dependency in
 * {@code lib/}; under Maven it is the full test class path.
 */
public final class ClassPathFile {

    /**
     * What our broker needs at run time, as a user runs it: mq-core and its runtime dependencies (mq-core's pom:
     * Netty, SLF4J, the optional compression codecs), plus logback as the SLF4J binding. Matched against jar file
     * names ({@code netty-buffer-4.1.135.Final.jar}) or, for a reactor module's {@code target/classes}, the module
     * directory name.
     */
    public static final List<String> MQ_BROKER_ARTIFACTS = List.of("mq-core", "netty-", "slf4j-api", "snappy-java",
            "lz4-java", "zstd-jni", "logback-classic", "logback-core");

    private static final String PROBE_PACKAGE = ProbeMain.class.getPackageName().replace('.', '/') + "/";

    private ClassPathFile() {
    }

    /** Writes this JVM's whole class path to the argument file {@code file} and returns it. */
    public static Path write(Path file) throws IOException {
        return writeEntries(file, classPath().stream().map(Path::toString).toList());
    }

    /**
     * Writes a class path of the entries of this JVM's class path (manifest {@code Class-Path}s expanded) whose
     * names start with one of {@code artifacts}, after the classes of {@link ProbeMain}'s package (copied into
     * {@code probeDir} when they sit in a jar, whose manifest would drag every dependency back in).
     */
    public static Path writeOnly(Path file, List<String> artifacts, Path probeDir) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(probeClasses(probeDir).toString());
        for (Path entry : expandedClassPath()) {
            if (artifacts.stream().anyMatch(prefix -> artifactName(entry).startsWith(prefix))) {
                entries.add(entry.toString());
            }
        }
        return writeEntries(file, entries);
    }

    /** Escapes backslashes (Windows paths) for a quoted argument-file token or a properties value. */
    public static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static Path writeEntries(Path file, List<String> entries) throws IOException {
        Files.writeString(file, "-cp \"" + escape(String.join(File.pathSeparator, entries)) + "\"\n");
        return file;
    }

    /** This JVM's class path with each jar's manifest {@code Class-Path} entries after it, as absolute paths. */
    static List<Path> expandedClassPath() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (Path path : classPath()) {
            entries.add(path);
            if (Files.isRegularFile(path)) {
                entries.addAll(manifestClassPath(path));
            }
        }
        return entries;
    }

    /** This JVM's class path entries, as absolute paths. */
    private static List<Path> classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath())
                .toList();
    }

    private static List<Path> manifestClassPath(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return List.of();
            }
            return Arrays.stream(classPath.trim().split("\\s+"))
                    .map(relative -> jar.resolveSibling(relative).normalize())
                    .collect(Collectors.toList());
        }
    }

    /** A jar's file name, or for a {@code <module>/target/classes} directory the module's directory name. */
    static String artifactName(Path entry) {
        Path name = entry.getFileName();
        if (name == null) {
            return "";
        }
        if (name.toString().equals("classes") && entry.getParent() != null && entry.getParent().getParent() != null
                && entry.getParent().getFileName().toString().equals("target")) {
            return entry.getParent().getParent().getFileName().toString();
        }
        return name.toString();
    }

    /** Where {@link ProbeMain}'s package can be loaded from without anything else of this module's jar. */
    private static Path probeClasses(Path probeDir) throws IOException {
        Path source;
        try {
            source = Path.of(ProbeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the probe's classes", e);
        }
        if (Files.isDirectory(source)) {
            return source;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PROBE_PACKAGE) && entry.getName().endsWith(".class")) {
                    Path target = probeDir.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return probeDir;
    }
}
