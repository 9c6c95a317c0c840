package dev.migstatus.testing;

import dev.migstatus.Main;

import com.google.gson.Gson;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * migstatus as a process of its own, for what only a real process shows: signals, a small heap,
 * real standard streams. Its stdout and stderr go to files, so a large output cannot block it.
 */
public final class ChildJvm {

    /** How a process ended; {@code exitCode} is -1 when it had to be killed at the bound. */
    public record Ended(int exitCode, String out, String err) {
    }

    private final List<String> command = new ArrayList<>();
    private final Path dir;
    private ProcessBuilder.Redirect stdout;
    private Process process;

    /**
     * @param dir        where its stdout and stderr are kept
     * @param jvmOptions such as {@code -Xmx32m}
     * @param args       migstatus's arguments
     */
    public ChildJvm(Path dir, List<String> jvmOptions, String... args) {
        this.dir = dir;
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), Main.class.getName()));
        command.addAll(List.of(args));
    }

    /** Stdout somewhere else than a file: a pipe the test reads ({@link #stdoutPipe()}), {@code /dev/full}. */
    public ChildJvm stdout(ProcessBuilder.Redirect where) {
        stdout = where;
        return this;
    }

    /** The reading end of stdout, when it was redirected to a pipe; closing it is what {@code head -1} does. */
    public InputStream stdoutPipe() {
        return process.getInputStream();
    }

    public ChildJvm start() {
        try {
            File out = dir.resolve("stdout").toFile();
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(stdout != null ? stdout : ProcessBuilder.Redirect.to(out))
                    .redirectError(dir.resolve("stderr").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends a signal, as a user's Ctrl-C ({@code INT}) or a CI runner ({@code TERM}) would. */
    public void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the end, at most {@code bound}: a process still running then is killed and has exit code -1. */
    public Ended await(Duration bound) {
        try {
            boolean ended = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            Path out = dir.resolve("stdout");
            return new Ended(ended ? process.exitValue() : -1, Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "",
                    Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts it and waits for its end, at most {@code bound}. */
    public Ended run(Duration bound) {
        return start().await(bound);
    }

    /** Our classes and the two runtime libraries, wherever the build put them. */
    private static String classPath() {
        return String.join(File.pathSeparator, location(Main.class), location(CommandLine.class), location(Gson.class));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
