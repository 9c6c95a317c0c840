package dev.migstatus.testing;

import dev.migstatus.cli.Cli;
import dev.migstatus.cli.Context;
import dev.migstatus.cli.Terminal;
import dev.migstatus.render.progress.FrameTimer;
import dev.migstatus.watch.Cancellation;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

/**
 * Runs the real command line as a user would, with captured stdout and stderr, a chosen
 * environment, and a fake clock that the sleeper advances: hours of polling take milliseconds.
 */
public final class CliRun {

    /** What a run left behind. */
    public record Result(int exitCode, String out, String err, List<Duration> sleeps) {

        public String all() {
            return out + err;
        }
    }

    /** No scenario in the suite needs more polls than this; a watch that never ends fails fast instead. */
    private static final int RUNAWAY = 20_000;

    private final Map<String, String> env = new HashMap<>();
    private final FakeClock clock = new FakeClock();
    private final FakeFrames frames = new FakeFrames(clock);
    private final Cancellation cancellation = new Cancellation();
    /** A fleet's webhook thread may sleep while the driver does. */
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<Consumer<Duration>> onSleep = new ArrayList<>();
    private byte[] stdin = new byte[0];
    private Terminal terminal = Terminal.pipe();
    private double random = 0.5;
    private UnaryOperator<OutputStream> stdoutAround = UnaryOperator.identity();

    /** Stdout as a test makes it: one that breaks after a while, one on a full disk. */
    public CliRun stdout(UnaryOperator<OutputStream> around) {
        stdoutAround = around;
        return this;
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRun stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Pretends stdout is a terminal of this width. */
    public CliRun terminal(int columns) {
        return terminal(() -> columns);
    }

    /** Pretends stdout is a terminal whose width is read from {@code columns} each time: one the test resizes. */
    public CliRun terminal(IntSupplier columns) {
        terminal = new Terminal(true, true, false, columns);
        return this;
    }

    /** Pretends stdout goes to a file or pipe while stderr stays on the terminal, as with {@code -o json > result.json}. */
    public CliRun errTerminal(int columns) {
        terminal = new Terminal(false, true, false, () -> columns);
        return this;
    }

    /** Pretends stdin is a terminal: nothing arrives on it unless someone types. */
    public CliRun stdinTerminal() {
        terminal = new Terminal(terminal.interactive(), terminal.errInteractive(), true, terminal.columns());
        return this;
    }

    /** Pretends stdout is a pipe, but tables get this width. */
    public CliRun columns(int columns) {
        terminal = new Terminal(false, false, false, () -> columns);
        return this;
    }

    /** The jitter every backoff draws, in [0, 1). */
    public CliRun random(double value) {
        random = value;
        return this;
    }

    /** Called after each sleep, with the clock already advanced: a way to act "later" in a watch. */
    public CliRun onSleep(Consumer<Duration> action) {
        onSleep.add(action);
        return this;
    }

    public FakeClock clock() {
        return clock;
    }

    /** The live display's frames: they fire as the fake sleeper moves the clock. */
    public FakeFrames frames() {
        return frames;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** A context with no environment and no terminal, for looking at the command tree. */
    public static Context context() {
        return Context.create(Map.of(), new ByteArrayInputStream(new byte[0]), new StringWriter(), new StringWriter(),
                new FakeClock(), d -> { }, new Cancellation(), Terminal.pipe(), () -> 0.5, FrameTimer.NONE);
    }

    /** The values picocli reads as {@code --key} in these arguments, before or after a subcommand. */
    private static List<String> keysGiven(String[] args) {
        CommandLine commandLine = new Cli(context()).commandLine();
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException unparsable) {
            parsed = commandLine.getParseResult();
        }
        List<String> keys = new ArrayList<>();
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--key")) {
                keys.add(p.matchedOptionValue("--key", ""));
            }
        }
        return keys;
    }

    /** Watches {@code portal} with {@code key}, as {@code migstatus --host … --key … extra…}. */
    public Result watch(Portal portal, String key, String... extra) {
        List<String> args = new ArrayList<>(List.of("--host", portal.url(), "--key", key));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    /** Fetches {@code portal}'s log with {@code key}, as {@code migstatus logs --host … --key … extra…}. */
    public Result logs(Portal portal, String key, String... extra) {
        List<String> args = new ArrayList<>(List.of("logs", "--host", portal.url(), "--key", key));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    public Result run(String... args) {
        // stdout as bytes, as Main has it: a big -o json document is written to it directly.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Context context = Context.create(env, new ByteArrayInputStream(stdin), stdoutAround.apply(out), err, clock,
                duration -> {
                    if (sleeps.size() >= RUNAWAY) {
                        throw new AssertionError("more than " + RUNAWAY + " sleeps: a watch that never ends");
                    }
                    sleeps.add(duration);
                    frames.advance(duration);
                    onSleep.forEach(action -> action.accept(duration));
                },
                cancellation, terminal, () -> random, frames);
        int code = new Cli(context).run(args);
        Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(), List.copyOf(sleeps));
        assertNoSecretShown(args, result);
        return result;
    }

    /**
     * Every run of the whole suite checks this: no key given on the command line, in the
     * environment or on stdin ever appears in what migstatus printed.
     */
    private void assertNoSecretShown(String[] args, Result result) {
        List<String> secrets = new ArrayList<>(keysGiven(args));
        for (String name : List.of("MIGSTATUS_KEY", "DOCSPACE_API_KEY", "DOCSPACE_AUTH_TOKEN")) {
            if (env.containsKey(name)) {
                secrets.add(env.get(name));
            }
        }
        secrets.add(new String(stdin, StandardCharsets.UTF_8).strip());
        for (String secret : secrets) {
            String s = secret.strip();
            if (s.length() >= 8 && result.all().contains(s)) {
                throw new AssertionError("the key '" + s + "' was printed:\n" + result.all());
            }
        }
    }
}
