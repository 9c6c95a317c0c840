package dev.migstatus;

import dev.migstatus.cli.Cli;
import dev.migstatus.cli.Context;
import dev.migstatus.cli.Defaults;
import dev.migstatus.cli.PartFiles;
import dev.migstatus.cli.Terminal;
import dev.migstatus.docspace.HttpClients;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.render.progress.FrameTimer;
import dev.migstatus.watch.Cancellation;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** The process: real streams, real time, real signals. The only place that calls {@code System.exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The simulator (demo, simulate) runs on the JDK's HTTP server, which sends headers and body as
        // two writes; without TCP_NODELAY the body waits for the client's delayed ACK, 40 ms a request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        if (Runtime.getRuntime().availableProcessors() > 1) {
            warmUpHttpClient();
        }
        Cancellation cancellation = new Cancellation();
        Terminal terminal = SystemTerminal.detect(System.getenv());
        Context context = Context.create(System.getenv(), System.in, new FileOutputStream(FileDescriptor.out),
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
                Clock.systemUTC(), null, cancellation, terminal, () -> ThreadLocalRandom.current().nextDouble(),
                FrameTimer.threaded());
        trapSignals(Thread.currentThread(), cancellation, terminal, context.partFiles());
        Cli cli = new Cli(context);
        reportOutOfMemoryElsewhere(cli);
        // Made now: when even saying it runs out of memory, these bytes are all that is written.
        byte[] lastWords = "migstatus: out of memory; give Java more with MIGSTATUS_JAVA_OPTS=-Xmx…\n".getBytes(StandardCharsets.UTF_8);
        int code;
        try {
            code = cli.run(args);
        } catch (OutOfMemoryError e) {
            try {
                new FileOutputStream(FileDescriptor.err).write(lastWords, 0, lastWords.length);
            } catch (IOException stderrGone) {
                // Nothing is left to tell; the exit code still says it.
            }
            code = ExitCode.INTERNAL_ERROR.code();
        }
        System.exit(code);
    }

    /**
     * Builds and drops an HTTP client on the second core while this one reads the arguments: the first
     * client of a process runs the JDK's HTTP code cold, about 20 ms a watch's first poll no longer
     * waits for (docs/performance.md). With one core it would only take that core from the arguments.
     * A daemon, so it never holds up an exit; one that fails changes nothing, as the watch builds its
     * own client and says what went wrong with that one.
     */
    private static void warmUpHttpClient() {
        Thread warmUp = new Thread(() -> {
            try {
                HttpClients.release(HttpClients.create(Defaults.transport(), false));
            } catch (RuntimeException ignored) {
                // Nothing was asked of it.
            }
        }, "migstatus-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Memory that runs out on another thread (the simulator's, the body-deadline timer's) ends the run
     * as it would on the main thread: one line, the JSON document when asked for, exit 70, instead of
     * the JVM's stack trace and a main thread that goes on as if nothing happened. The JDK's own
     * HTTP threads hand their errors to the request, which rethrows them on the main thread.
     */
    private static void reportOutOfMemoryElsewhere(Cli cli) {
        Thread.UncaughtExceptionHandler jvmDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            OutOfMemoryError oom = outOfMemoryIn(e);
            if (oom != null) {
                Runtime.getRuntime().halt(cli.outOfMemory(oom));
            } else if (jvmDefault != null) {
                jvmDefault.uncaughtException(thread, e);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace();
            }
        });
    }

    /** The JDK's HTTP threads may die of an error that wraps the one that ran out of memory. */
    private static OutOfMemoryError outOfMemoryIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /**
     * Ctrl-C and SIGTERM stop the watch instead of killing the JVM: the main thread then restores
     * the terminal, prints the last known state and exits 130. A second signal exits at once.
     * {@code sun.misc.Signal} is used because a shutdown hook cannot choose the exit code.
     */
    private static void trapSignals(Thread main, Cancellation cancellation, Terminal terminal, PartFiles partFiles) {
        sun.misc.SignalHandler handler = signal -> {
            if (cancellation.isCancelled()) {
                // A halt skips the code that would remove a report file half written.
                partFiles.deleteAll();
                // The live display, on stdout or on stderr, hid the cursor; a halt skips the code that shows it again.
                if (terminal.interactive()) {
                    System.out.print("\r\u001b[2K\u001b[?25h");
                    System.out.flush();
                }
                if (terminal.errInteractive()) {
                    System.err.print("\r\u001b[2K\u001b[?25h");
                    System.err.flush();
                }
                Runtime.getRuntime().halt(130);
            }
            cancellation.cancel();
            main.interrupt();
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), handler);
            } catch (IllegalArgumentException unsupported) {
                // This platform does not let Java handle it; the JVM's default applies.
            }
        }
    }
}
