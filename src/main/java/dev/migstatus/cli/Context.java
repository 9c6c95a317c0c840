package dev.migstatus.cli;

import dev.migstatus.render.progress.FrameTimer;
import dev.migstatus.secrets.RedactingWriter;
import dev.migstatus.secrets.Redactor;
import dev.migstatus.watch.Cancellation;
import dev.migstatus.watch.Sleeper;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Everything a command takes from the world outside: environment, streams, time, terminal.
 * {@code Main} builds the real one; tests build one with captured streams and a fake clock.
 * The output streams redact the run's secrets (see {@link Redactor}).
 *
 * @param outBytes  stdout as bytes, under {@code out}, for a document too large to go through a
 *                  writer (flush {@code out} first, and redact); null when stdout is only a writer
 * @param partFiles the temporary files being written, for a second Ctrl-C to remove
 * @param stdout    whether a write to stdout failed (a full disk, a closed pipe); one stops the run
 */
public record Context(
        Map<String, String> env,
        InputStream stdin,
        PrintWriter out,
        PrintWriter err,
        Redactor redactor,
        Clock clock,
        Sleeper sleeper,
        Cancellation cancellation,
        Terminal terminal,
        DoubleSupplier random,
        OutputStream outBytes,
        PartFiles partFiles,
        StdoutWatch stdout,
        FrameTimer frames) {

    /**
     * @param sleeper null for a real-time sleeper that wakes when the run is cancelled
     * @param frames  what moves a live display between polls: a thread of its own, or a test's fake clock
     */
    public static Context create(Map<String, String> env, InputStream stdin, Writer out, Writer err,
                                 Clock clock, Sleeper sleeper, Cancellation cancellation, Terminal terminal,
                                 DoubleSupplier random, FrameTimer frames) {
        return create(env, stdin, out, null, err, clock, sleeper, cancellation, terminal, random,
                new StdoutWatch(cancellation::cancel), frames);
    }

    /** With stdout as bytes, which a big {@code -o json} document is written to directly. */
    public static Context create(Map<String, String> env, InputStream stdin, OutputStream out, Writer err,
                                 Clock clock, Sleeper sleeper, Cancellation cancellation, Terminal terminal,
                                 DoubleSupplier random, FrameTimer frames) {
        StdoutWatch stdout = new StdoutWatch(cancellation::cancel);
        OutputStream watched = stdout.watch(out);
        return create(env, stdin, new OutputStreamWriter(watched, StandardCharsets.UTF_8), watched, err, clock, sleeper,
                cancellation, terminal, random, stdout, frames);
    }

    private static Context create(Map<String, String> env, InputStream stdin, Writer out, OutputStream outBytes, Writer err,
                                  Clock clock, Sleeper sleeper, Cancellation cancellation, Terminal terminal,
                                  DoubleSupplier random, StdoutWatch stdout, FrameTimer frames) {
        Redactor redactor = new Redactor();
        return new Context(Map.copyOf(env), stdin,
                new PrintWriter(new RedactingWriter(out, redactor), false),
                new PrintWriter(new RedactingWriter(err, redactor), false),
                redactor, clock, sleeper == null ? cancellation.sleeper() : sleeper, cancellation, terminal, random, outBytes,
                new PartFiles(), stdout, frames);
    }

    /** Running as a GitHub Actions step: workflow commands, annotations and a step summary are understood. */
    public boolean onGithub() {
        return "true".equals(env.get("GITHUB_ACTIONS"));
    }

    /**
     * Until Ctrl-C or SIGTERM, for a command that serves until stopped: the sleeper wakes as soon as
     * the run is cancelled. The interrupt Main may add after cancelling is cleared, so that stopping
     * a server afterwards does not inherit it.
     */
    public void awaitCancellation() {
        while (!cancellation.isCancelled()) {
            try {
                sleeper.sleep(Duration.ofHours(1));
            } catch (InterruptedException e) {
                break;
            }
        }
        Thread.interrupted();
    }

    /** The first of {@code names} set to a non-blank value in the environment, or null. */
    public String firstEnv(List<String> names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
