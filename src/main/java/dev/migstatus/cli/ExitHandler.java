package dev.migstatus.cli;

import dev.migstatus.outcome.ExitCode;
import dev.migstatus.render.progress.NdjsonEvents;
import dev.migstatus.render.report.FinalReport;
import dev.migstatus.render.report.JsonReport;
import dev.migstatus.secrets.KeyLike;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one place where a run that did not get to report on a migration ends: bad options (exit 2),
 * and bugs or exhausted memory (exit 70). Each is one line on stderr, never a stack trace (unless
 * MIGSTATUS_DEBUG=1 asks for it) and never the key; a script that asked for JSON still gets its
 * one document.
 */
final class ExitHandler implements IExecutionStrategy, IParameterExceptionHandler, IExecutionExceptionHandler {

    private final Context context;
    /** Builds the whole command tree, while the run has only the watch's; null once it is built. */
    private Supplier<CommandLine> wholeTree;

    ExitHandler(Context context) {
        this.context = context;
    }

    /** The run parses with the watch's tree first; anything that needs more is run again on the whole one. */
    void wholeTree(Supplier<CommandLine> tree) {
        this.wholeTree = tree;
    }

    /**
     * A subcommand, help (which lists the subcommands) or an error (whose message may name a
     * subcommand's option) needs the whole tree: the command line is then parsed again on it.
     *
     * @return the exit code of that run, or null when the watch's tree is enough
     */
    private Integer onWholeTree(ParseResult parseResult, String[] args) {
        if (wholeTree == null) {
            return null;
        }
        boolean enough = parseResult != null && parseResult.subcommand() == null && !parseResult.isUsageHelpRequested()
                && parseResult.errors().isEmpty();
        if (enough) {
            return null;
        }
        CommandLine whole = wholeTree.get();
        wholeTree = null;
        return whole.execute(args);
    }

    /** Parsing collects its errors instead of stopping at the first, so the whole line is known when one is reported. */
    @Override
    public int execute(ParseResult parseResult) {
        Integer whole = onWholeTree(parseResult, parseResult.originalArgs().toArray(String[]::new));
        if (whole != null) {
            return whole;
        }
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (!p.errors().isEmpty()) {
                Exception first = p.errors().get(0);
                String message = first instanceof ParameterException ex ? UsageMessages.of(ex) : String.valueOf(first.getMessage());
                return usage(message, p.commandSpec().commandLine(), parseResult);
            }
        }
        try {
            OptionsBeforeSubcommand.carry(parseResult);
        } catch (UsageException e) {
            return usage(e.getMessage(), parseResult.subcommand().commandSpec().commandLine(), parseResult);
        }
        return new RunLast().execute(parseResult);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        Integer whole = onWholeTree(null, args);
        if (whole != null) {
            return whole;
        }
        return usage(UsageMessages.of(ex), ex.getCommandLine(), ex.getCommandLine().getParseResult());
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        if (ex instanceof UsageException) {
            return usage(ex.getMessage(), command, rootOf(command));
        }
        return internalError(ex, rootOf(command));
    }

    /**
     * Memory ran out somewhere: said like any other failure, not as a stack trace or exit code 1.
     * Should saying it run out of memory again, the line alone is written.
     *
     * @param parseResult the command line as parsed, or null when memory ran out before
     */
    int outOfMemory(OutOfMemoryError e, ParseResult parseResult) {
        String line = "out of memory (" + e.getMessage() + "); lower --max-response-size, or give Java"
                + " more with MIGSTATUS_JAVA_OPTS=-Xmx…";
        try {
            return fail(ExitCode.INTERNAL_ERROR, line, e, parseResult);
        } catch (OutOfMemoryError again) {
            context.err().println("migstatus: " + line);
            context.err().flush();
            return ExitCode.INTERNAL_ERROR.code();
        }
    }

    /**
     * stdout could not be written: whatever the run found, its report is lost, so it is not exit 0.
     * A reader that went away ({@code | head -1}) gets what other tools give, 141 and nothing said.
     */
    int stdoutFailed(StdoutWatch stdout) {
        if (stdout.closedByReader()) {
            return ExitCode.OUTPUT_CLOSED.code();
        }
        context.err().println("migstatus: could not write to stdout (" + stdout.reason() + "); the output is incomplete");
        context.err().flush();
        return ExitCode.WRITE_FAILED.code();
    }

    /** @param command the command whose help to point at: {@code migstatus simulate --help} for its own options */
    private int usage(String message, CommandLine command, ParseResult parseResult) {
        String line = KeyLike.redacted(message) + " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
        return fail(ExitCode.USAGE, line, null, parseResult);
    }

    private int internalError(Exception ex, ParseResult parseResult) {
        String line = "internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse(""))
                + "; this is a bug in migstatus, rerun with MIGSTATUS_DEBUG=1 for the stack trace and report it";
        return fail(ExitCode.INTERNAL_ERROR, line, ex, parseResult);
    }

    private int fail(ExitCode code, String line, Throwable trace, ParseResult parseResult) {
        context.err().println("migstatus: " + line);
        if (trace != null && "1".equals(context.env().get("MIGSTATUS_DEBUG"))) {
            StringWriter text = new StringWriter();
            trace.printStackTrace(new PrintWriter(text));
            context.err().print(text);
        }
        context.err().flush();
        documentFor(code, line, parseResult);
        return code.code();
    }

    /** A script asked for JSON: it gets its one document even when the run never started. */
    private void documentFor(ExitCode code, String line, ParseResult parseResult) {
        FinalReport report = new FinalReport(null, code, Duration.ZERO, line, null);
        switch (askedFormat(parseResult)) {
            case JSON -> JsonReport.print(context.out(), report);
            case NDJSON -> new NdjsonEvents(context.out(), null).done(context.clock().instant(), report);
            case TEXT -> {
            }
        }
    }

    /** The format the parsed command line asks for, wherever -o stood. */
    private static OutputFormat askedFormat(ParseResult parseResult) {
        OutputFormat format = OutputFormat.TEXT;
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--output")) {
                format = p.matchedOptionValue("--output", OutputFormat.TEXT);
            }
        }
        return format;
    }

    private static ParseResult rootOf(CommandLine command) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getParseResult();
    }
}
