package dev.migstatus.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files migstatus writes for a CI job: masked like stdout, and replaced atomically, so a job never
 * archives half a report or a log with the key in it.
 */
final class ReportFile {

    /** Writes the content of a file; {@code E} lets a download's own failure pass through. */
    @FunctionalInterface
    interface Content<E extends Exception> {
        void writeTo(Writer out) throws IOException, E;
    }

    private ReportFile() {
    }

    static <E extends Exception> void replace(Path target, Redactor redactor, Content<E> content) throws IOException, E {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (Writer out = new RedactingWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), redactor)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** For files others write to too, such as GitHub's step summary. */
    static void append(Path target, Redactor redactor, Content<RuntimeException> content) throws IOException {
        try (Writer out = new RedactingWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), redactor)) {
            content.writeTo(out);
        }
    }
}
