package dev.migstatus.cli;

import dev.migstatus.secrets.RedactingWriter;
import dev.migstatus.secrets.Redactor;
import dev.migstatus.text.Durations;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * @param parts   where the temporary file is known while it is written
     * @param maxWait how long a pipe may take to be read, or null to wait as long as it takes
     */
    static <E extends Exception> void replace(Path target, Redactor redactor, PartFiles parts, Duration maxWait,
                                              Content<E> content) throws IOException, E {
        Path real = realPath(target);
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            intoDevice(real, redactor, maxWait, content);
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
     * Writes into a device or a pipe. Opening a named pipe waits for a reader, in the kernel, where
     * nothing can cut it short: with a bound, the writing is done on a thread of its own, and a pipe
     * nobody reads is given up at the bound (the thread, a daemon, is left waiting).
     */
    private static <E extends Exception> void intoDevice(Path device, Redactor redactor, Duration maxWait, Content<E> content)
            throws IOException, E {
        Callable<Void> write = () -> {
            try (Writer out = new RedactingWriter(Files.newBufferedWriter(device, StandardCharsets.UTF_8,
                    StandardOpenOption.WRITE), redactor)) {
                content.writeTo(out);
            }
            return null;
        };
        if (maxWait == null) {
            call(write);
            return;
        }
        FutureTask<Void> task = new FutureTask<>(write);
        Thread writer = new Thread(task, "migstatus-report-pipe");
        writer.setDaemon(true);
        writer.start();
        try {
            task.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IOException("nothing read it within " + Durations.format(maxWait) + " (a pipe no program reads?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while writing it");
        } catch (ExecutionException e) {
            rethrow(e.getCause());
        }
    }

    private static <E extends Exception> void call(Callable<Void> write) throws IOException, E {
        try {
            write.call();
        } catch (Exception e) {
            rethrow(e);
        }
    }

    /** What the content threw, as it threw it: an I/O failure, its own failure {@code E}, or unchecked. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> void rethrow(Throwable e) throws IOException, E {
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw (E) e;
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
