package io.mq.broker.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * Crash-safe replacement of small files: write a temp file, fsync it, rename over the target, fsync the directory,
 * so a crash leaves either the old or the new content. Checksummed files end with a CRC-32C of their body.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content} so that a crash leaves either the old or the new file. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, ByteBuffer.wrap(content));
    }

    /** Replaces {@code target} with the remaining bytes of {@code content}, atomically and durably. */
    static void write(Path target, ByteBuffer content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (content.hasRemaining()) {
                channel.write(content);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(dir);
    }

    /** Replaces {@code target} with {@code body} followed by its CRC-32C, atomically and durably. */
    static void writeChecksummed(Path target, byte[] body) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(body.length + Integer.BYTES);
        content.put(body).putInt(crc(body, body.length)).flip();
        write(target, content);
    }

    /** The body of a checksummed file; a {@link StorageException} naming the file if the checksum is wrong. */
    static byte[] readChecksummed(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int bodyLength = content.length - Integer.BYTES;
        if (bodyLength < 0 || ByteBuffer.wrap(content, bodyLength, Integer.BYTES).getInt() != crc(content, bodyLength)) {
            throw new StorageException("corrupt file " + file + ": checksum mismatch");
        }
        byte[] body = new byte[bodyLength];
        System.arraycopy(content, 0, body, 0, bodyLength);
        return body;
    }

    /** Deletes {@code file} if present and makes the removal durable. */
    static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            fsyncDirectory(file.toAbsolutePath().getParent());
        }
    }

    /** Forces a directory's entries (new, renamed or deleted files) to disk. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open directories; the rename is still atomic there
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
                throw e;
            }
        }
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
