package dev.migstatus.cli;

import dev.migstatus.outcome.ExitCode;
import dev.migstatus.render.progress.NdjsonEvents;
import dev.migstatus.render.progress.PlainProgress;
import dev.migstatus.render.report.FinalReport;
import dev.migstatus.render.report.JsonReport;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

/**
 * The command line as a whole: builds the picocli tree around a {@link Context} and turns every
 * way a run can end, bad options and bugs included, into one line and an {@link ExitCode}.
 */
public final class Cli {

    private final Context context;

    public Cli(Context context) {
        this.context = context;
    }

    public int run(String... args) {
        ArgumentSecrets.find(args, context.env()).forEach(context.redactor()::add);
        ClientHeadStart headStart = ClientHeadStart.guess(args, context.env());
        CommandLine commandLine = commandLine(headStart);
        commandLine.setParameterExceptionHandler((ex, arguments) -> usageError(ex, arguments));
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> ex instanceof UsageException
                ? usageError(ex.getMessage(), cmd, args)
                : internalError(ex, args));
        try {
            return commandLine.execute(args);
        } finally {
            headStart.discardUnused();
            context.out().flush();
            context.err().flush();
        }
    }

    /** The command tree, for running and for generating help and completion. */
    public CommandLine commandLine() {
        return commandLine(ClientHeadStart.none());
    }

    private CommandLine commandLine(ClientHeadStart headStart) {
        CommandLine commandLine = new CommandLine(new MigstatusCommand(context, headStart));
        // Added before setOut and the handlers, which picocli only hands to the subcommands present then.
        commandLine.addSubcommand(new CommandLine(new LogsCommand(context, headStart)));
        commandLine.addSubcommand(new CommandLine(new CompletionCommand()));
        commandLine.addSubcommand(new CommandLine(new DemoCommand(context)));
        commandLine.addSubcommand(new CommandLine(new SimulateCommand(context)));
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        // A repeated option takes its last value, as in most tools: a wrapper's defaults can be overridden.
        commandLine.setOverwrittenOptionsAllowed(true);
        SectionedOptionList.install(commandLine);
        commandLine.getSubcommands().values().forEach(SectionedOptionList::install);
        for (CommandLine watching : new CommandLine[] {commandLine, commandLine.getSubcommands().get("demo")}) {
            watching.getCommandSpec().usageMessage()
                    .exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCode.helpList());
        }
        commandLine.getSubcommands().get("logs").getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList(ExitCode.OK, ExitCode.USAGE, ExitCode.NO_MIGRATION, ExitCode.UNAUTHORIZED,
                        ExitCode.FORBIDDEN, ExitCode.UNAVAILABLE, ExitCode.PROTOCOL_ERROR, ExitCode.INTERNAL_ERROR,
                        ExitCode.INTERRUPTED));
        return commandLine;
    }

    private int usageError(ParameterException ex, String[] args) {
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        return usageError(message, ex.getCommandLine(), args);
    }

    /** @param command the command whose help to point at: {@code migstatus simulate --help} for its own options */
    private int usageError(String message, CommandLine command, String[] args) {
        String line = message + " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
        context.err().println("migstatus: " + line);
        documentFor(ExitCode.USAGE, line, args);
        return ExitCode.USAGE.code();
    }

    private int internalError(Exception ex, String[] args) {
        String line = "internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse(""))
                + "; this is a bug in migstatus, rerun with MIGSTATUS_DEBUG=1 for the stack trace and report it";
        context.err().println("migstatus: " + line);
        if ("1".equals(context.env().get("MIGSTATUS_DEBUG"))) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            context.err().print(trace);
        }
        documentFor(ExitCode.INTERNAL_ERROR, line, args);
        return ExitCode.INTERNAL_ERROR.code();
    }

    /** A script asked for JSON: it gets its one document even when the run never started. */
    private void documentFor(ExitCode code, String line, String[] args) {
        FinalReport report = new FinalReport(null, code, Duration.ZERO, line, null);
        switch (OutputOptions.askedFor(args)) {
            case JSON -> JsonReport.print(context.out(), report);
            case NDJSON -> new NdjsonEvents(context.out(), null, PlainProgress.HEARTBEAT).done(context.clock().instant(), report);
            case TEXT -> {
            }
        }
    }
}
