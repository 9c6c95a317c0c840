package dev.migstatus.cli;

import dev.migstatus.outcome.ExitCode;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The command line as a whole: builds the picocli tree around a {@link Context} and runs it.
 * picocli alone reads the arguments; {@link ExitHandler} turns every way a run can end that is
 * not a migration's own result into one line and an exit code.
 */
public final class Cli {

    /** Let go of when memory runs out, so that the one line and the JSON document can still be written. */
    private static final int RESERVE_BYTES = 1 << 20;

    private final Context context;
    private final ExitHandler handler;
    private final AtomicBoolean outOfMemoryReported = new AtomicBoolean();
    private final CountDownLatch outOfMemorySaid = new CountDownLatch(1);
    private volatile byte[] reserve = new byte[RESERVE_BYTES];
    private volatile CommandLine running;

    public Cli(Context context) {
        this.context = context;
        this.handler = new ExitHandler(context);
    }

    public int run(String... args) {
        // A key from the environment is known before anything can be printed.
        for (String name : Defaults.KEY_ENV) {
            String key = context.env().get(name);
            if (key != null) {
                context.redactor().add(key.strip());
            }
        }
        try {
            // A watch, the common case, needs the root command only: the subcommands stand in by name,
            // and anything that needs them (a subcommand, help, an error to explain) runs on the whole tree.
            CommandLine commandLine = prepared(watchTree());
            handler.wholeTree(() -> prepared(commandLine()));
            int code = commandLine.execute(args);
            context.out().flush();
            return context.stdout().failed() ? handler.stdoutFailed(context.stdout()) : code;
        } catch (OutOfMemoryError e) {
            return outOfMemory(e);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /**
     * Memory ran out, on this thread or another: one line, the JSON document when one was asked
     * for, exit 70. Said once, however many threads run out at the same time.
     */
    public int outOfMemory(OutOfMemoryError e) {
        reserve = null;
        if (!outOfMemoryReported.compareAndSet(false, true)) {
            // The caller exits next: not before the thread that says it has said it.
            awaitOutOfMemorySaid();
            return ExitCode.INTERNAL_ERROR.code();
        }
        try {
            CommandLine commandLine = running;
            return handler.outOfMemory(e, commandLine == null ? null : commandLine.getParseResult());
        } finally {
            outOfMemorySaid.countDown();
        }
    }

    private void awaitOutOfMemorySaid() {
        try {
            outOfMemorySaid.await(OUT_OF_MEMORY_SAID_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long a thread that also ran out of memory waits for the one line before the exit; a stuck stderr cannot hold the run. */
    private static final int OUT_OF_MEMORY_SAID_WITHIN_SECONDS = 5;

    private CommandLine prepared(CommandLine commandLine) {
        commandLine.setExecutionStrategy(handler);
        commandLine.setParameterExceptionHandler(handler);
        commandLine.setExecutionExceptionHandler(handler);
        running = commandLine;
        return commandLine;
    }

    /**
     * The root command with stand-ins for the subcommands: their names, nothing else. Building every
     * subcommand's options and help is a third of picocli's work at start (docs/performance.md),
     * and a watch uses none of it.
     */
    CommandLine watchTree() {
        CommandLine root = new CommandLine(new MigstatusCommand(context));
        for (String name : SUBCOMMANDS) {
            CommandLine standIn = new CommandLine(CommandSpec.create().name(name));
            standIn.setUnmatchedArgumentsAllowed(true);
            root.addSubcommand(name, standIn);
        }
        return settings(root);
    }

    /** The subcommands' names, as the whole tree has them (a test holds the two equal). */
    static final List<String> SUBCOMMANDS = List.of("logs", "completion", "demo", "simulate", "exporter", "help");

    /** The command tree, for running and for generating help, completion and the man page. */
    public CommandLine commandLine() {
        CommandLine root = new CommandLine(new MigstatusCommand(context));
        root.addSubcommand(new CommandLine(new LogsCommand(context)));
        root.addSubcommand(new CommandLine(new CompletionCommand()));
        root.addSubcommand(new CommandLine(new DemoCommand(context)));
        root.addSubcommand(new CommandLine(new SimulateCommand(context)));
        root.addSubcommand(new CommandLine(new ExporterCommand(context)));
        root.addSubcommand("help", new CommandLine.HelpCommand());
        settings(root);
        exitCodes(root, ExitCode.helpList());
        exitCodes(root.getSubcommands().get("demo"), ExitCode.helpList());
        exitCodes(root.getSubcommands().get("logs"), ExitCode.helpList(LogsCommand.EXIT_CODES));
        exitCodes(root.getSubcommands().get("simulate"), ExitCode.helpList(SimulateCommand.EXIT_CODES));
        exitCodes(root.getSubcommands().get("exporter"), ExitCode.helpList(ExporterCommand.EXIT_CODES));
        for (CommandLine command : commandsOf(root)) {
            // Every error of a command line is known before one is reported: a JSON document is owed for -o json wherever it stands.
            command.getCommandSpec().parser().collectErrors(true);
            HelpLayout.install(command, environmentOf(command));
        }
        return root;
    }

    private CommandLine settings(CommandLine root) {
        // Set after the subcommands are added: picocli hands these only to the subcommands present then.
        root.setOut(context.out());
        root.setErr(context.err());
        root.setCaseInsensitiveEnumValuesAllowed(true);
        // A repeated option takes its last value, as in most tools: a wrapper's defaults can be overridden.
        root.setOverwrittenOptionsAllowed(true);
        // Every error of a command line is known before one is reported: a JSON document is owed for -o json wherever it stands.
        root.getCommandSpec().parser().collectErrors(true);
        return root;
    }

    /** What each command's --help lists under Environment. */
    private static Map<String, String> environmentOf(CommandLine command) {
        return switch (command.getCommandName()) {
            case "migstatus" -> Defaults.environment();
            case "logs", "exporter" -> Defaults.portalEnvironment();
            default -> Map.of();
        };
    }

    private static void exitCodes(CommandLine command, Map<String, String> list) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
    }

    private static Iterable<CommandLine> commandsOf(CommandLine root) {
        java.util.List<CommandLine> all = new java.util.ArrayList<>();
        all.add(root);
        all.addAll(root.getSubcommands().values());
        return all;
    }
}
