package dev.migstatus.cli;

import dev.migstatus.secrets.RedactingWriter;
import dev.migstatus.secrets.Redactor;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Files migstatus writes for a CI job: redacted like stdout, and replaced atomically, so a job never
 * archives half a report or a log with the key in it. A link is followed, and a device or pipe
 * ({@code /dev/null}, {@code /dev/stdout}) is written into, never replaced by a file.
 */
final class ReportFile {

    /** Writes the content of a file; {@code E} lets a download's own failure pass through. */
    @FunctionalInterface
    interface Content<E extends Exception> {
        void writeTo(Writer out) throws IOException, E;
    }

    private ReportFile() {
    }

    /** @param parts where the temporary file is known while it is written */
    static <E extends Exception> void replace(Path target, Redactor redactor, PartFiles parts, Content<E> content)
            throws IOException, E {
        Path real = realPath(target);
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            try (Writer out = new RedactingWriter(Files.newBufferedWriter(real, StandardCharsets.UTF_8,
                    StandardOpenOption.WRITE), redactor)) {
                content.writeTo(out);
            }
            return;
        }
        Path temp = real.resolveSibling("." + real.getFileName() + ".part-" + Long.toHexString(System.nanoTime()));
        parts.add(temp);
        try {
            // Created like any new file, so the user's umask applies; the old file's mode is kept.
            try (Writer out = new RedactingWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), redactor)) {
                content.writeTo(out);
            }
            keepPermissions(real, temp);
            try {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
            parts.remove(temp);
        }
    }

    /**
     * The file an option names, checked before the work starts: finding out after a three-hour
     * watch that a directory is missing helps nobody.
     */
    static Path writable(String option, Path file) {
        if (file == null) {
            return null;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + " is a directory; give a file name");
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException(option + " " + file + ": the directory " + dir + " does not exist or is not writable");
        }
        return file;
    }

    /** For files others write to too, such as GitHub's step summary. */
    static void append(Path target, Redactor redactor, Content<RuntimeException> content) throws IOException {
        try (Writer out = new RedactingWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), redactor)) {
            content.writeTo(out);
        }
    }

    private static Path realPath(Path target) throws IOException {
        try {
            return target.toRealPath();
        } catch (NoSuchFileException notYet) {
            return target.toAbsolutePath();
        }
    }

    private static void keepPermissions(Path old, Path replacement) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(old, PosixFileAttributeView.class);
        if (view != null && Files.exists(old)) {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(old));
        }
    }
}
