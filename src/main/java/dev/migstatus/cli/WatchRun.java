package dev.migstatus.cli;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.ClientSettings;
import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.HttpTrace;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.outcome.FailurePolicy;
import dev.migstatus.outcome.Outcome;
import dev.migstatus.render.progress.GroupedProgress;
import dev.migstatus.render.progress.LiveProgress;
import dev.migstatus.render.progress.Messages;
import dev.migstatus.render.progress.NdjsonEvents;
import dev.migstatus.render.progress.PlainProgress;
import dev.migstatus.render.progress.ProgressView;
import dev.migstatus.render.progress.RetryNotices;
import dev.migstatus.render.progress.VerboseTrace;
import dev.migstatus.render.report.FinalReport;
import dev.migstatus.render.report.GithubActions;
import dev.migstatus.render.report.JsonReport;
import dev.migstatus.render.report.JunitReport;
import dev.migstatus.render.report.TextReport;
import dev.migstatus.text.Durations;
import dev.migstatus.watch.Backoff;
import dev.migstatus.watch.Ending;
import dev.migstatus.watch.Until;
import dev.migstatus.watch.WatchListeners;
import dev.migstatus.watch.WatchResult;
import dev.migstatus.watch.WatchSettings;
import dev.migstatus.watch.Watcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One watch, wired: client, poll loop, progress display, and what is left at the end: the report
 * on stdout, the log and JUnit files, GitHub's annotations and step summary.
 */
final class WatchRun {

    /** After Ctrl-C the log is fetched only if it comes quickly: a CI runner follows up with a kill. */
    private static final Duration SAVE_LOG_WHEN_STOPPING = Duration.ofSeconds(3);

    private final Context context;
    private final Connection connection;
    private final OutputSettings output;
    private final WatchSettings settings;
    private final FailurePolicy policy;
    private final Reports reports;
    private final boolean verbose;
    private final Messages messages;
    private final boolean github;

    WatchRun(Context context, Connection connection, OutputSettings output, WatchSettings settings, FailurePolicy policy,
             Reports reports, boolean verbose) {
        this.context = context;
        this.connection = connection;
        this.output = output;
        this.settings = settings;
        this.policy = policy;
        this.reports = reports;
        this.verbose = verbose;
        this.messages = new Messages(context.err(), output.errStyle());
        this.github = "true".equals(context.env().get("GITHUB_ACTIONS"));
    }

    ExitCode execute(Supplier<HttpClient> http, ClientSettings clientSettings, boolean insecure) {
        warnings(insecure);
        // With -o ndjson the event stream is the progress display, and its last line is the report.
        NdjsonEvents events = output.ndjson()
                ? new NdjsonEvents(context.out(), connection.portal().toString(), PlainProgress.HEARTBEAT) : null;
        ProgressView view = events != null ? events : progressView();
        messages.showOver(view);
        VerboseTrace trace = new VerboseTrace(messages);
        try (DocSpaceClient client = new DocSpaceClient(connection.portal(), connection.credential(), http, clientSettings,
                verbose ? trace : HttpTrace.NONE)) {
            WatchResult result;
            try {
                Watcher watcher = new Watcher(client::status, settings, context.clock(), context.sleeper(),
                        new Backoff(settings.interval(), context.random()), context.cancellation(),
                        WatchListeners.of(view, new RetryNotices(messages, connection.portal().authority()),
                                verbose ? trace : WatchListeners.of()));
                result = watcher.run();
            } finally {
                view.close();
                // A Ctrl-C interrupts the main thread to cut a request short; what runs after must not inherit it.
                Thread.interrupted();
            }
            Outcome outcome = Outcome.of(result, policy, connection, settings.once());
            FinalReport report = new FinalReport(connection.portal().toString(), outcome.code(), result.elapsed(), outcome.message(), result.lastStatus());
            saveLog(client, clientSettings, result.ending() == Ending.INTERRUPTED);
            writeFiles(report);
            print(outcome, report, events);
            return outcome.code();
        }
    }

    private void warnings(boolean insecure) {
        if (insecure) {
            messages.warning("--insecure: the certificate of " + connection.portal().authority()
                    + " is not verified; anyone on the way can read the key");
        }
        if (connection.keySource().equals("--key") && output.interactive()) {
            messages.info("hint: --key leaves the key in your shell history and the process list;"
                    + " --key-file or MIGSTATUS_KEY keep it out");
        }
    }

    private ProgressView progressView() {
        boolean waitsForMigration = settings.until() == Until.MIGRATED;
        if (output.quiet()) {
            return ProgressView.NONE;
        }
        if (output.interactive() && !output.json()) {
            return new LiveProgress(context.out(), output.style(), context.terminal().columns(), waitsForMigration);
        }
        PrintWriter stream = output.json() ? context.err() : context.out();
        ProgressView plain = new PlainProgress(stream, waitsForMigration, PlainProgress.HEARTBEAT);
        return github ? new GroupedProgress(plain, stream, "migstatus: watching " + connection.portal().authority()) : plain;
    }

    /**
     * The log is saved whatever the outcome: a failed migration is exactly when a CI job needs it.
     *
     * @param interrupted the user asked to stop: the log is still worth having, but not worth a long wait
     */
    private void saveLog(DocSpaceClient client, ClientSettings clientSettings, boolean interrupted) {
        Path file = reports.saveLog();
        if (file == null) {
            return;
        }
        Duration limit = clientSettings.requestTimeout();
        if (interrupted && limit.compareTo(SAVE_LOG_WHEN_STOPPING) > 0) {
            limit = SAVE_LOG_WHEN_STOPPING;
            messages.info("saving the log to " + file + " (at most " + Durations.format(limit) + ")…");
        }
        try {
            LogDownload.toFile(client, file, context.redactor(), limit);
        } catch (ApiException e) {
            messages.warning(LogDownload.nothingRuns(e, client, limit)
                    ? "--save-log: no log to save, the portal runs no migration"
                    : "--save-log: could not download the log: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            messages.warning("--save-log: could not write " + file + ": " + IoErrors.describe(e));
        }
    }

    private void writeFiles(FinalReport report) {
        if (reports.junit() != null) {
            try {
                ReportFile.replace(reports.junit(), context.redactor(), out -> JunitReport.write(out, report));
            } catch (IOException e) {
                messages.warning("--junit: could not write " + reports.junit() + ": " + IoErrors.describe(e));
            }
        }
        String summary = context.env().get("GITHUB_STEP_SUMMARY");
        if (github && summary != null && !summary.isBlank()) {
            try {
                ReportFile.append(Path.of(summary), context.redactor(), out -> {
                    PrintWriter markdown = new PrintWriter(out);
                    GithubActions.summary(markdown, report);
                    if (markdown.checkError()) {
                        throw new UncheckedIOException(new IOException("write failed"));
                    }
                });
            } catch (IOException | UncheckedIOException | InvalidPathException e) {
                messages.warning("could not append to $GITHUB_STEP_SUMMARY (" + summary + "): " + IoErrors.describe(e));
            }
        }
    }

    /** @param events the ndjson stream, or null in the other formats */
    private void print(Outcome outcome, FinalReport report, NdjsonEvents events) {
        if (outcome.isError()) {
            messages.error(outcome.message());
        }
        if (events != null) {
            events.done(context.clock().instant(), report);
        } else if (output.json()) {
            JsonReport.print(context.out(), report);
        } else if (output.quiet()) {
            if (!outcome.isError() && outcome.code() != ExitCode.OK) {
                messages.info(outcome.message());
            }
        } else if (!outcome.isError()) {
            textReport(outcome, report);
        }
        if (github) {
            // Annotations go where the runner reads them without disturbing a JSON stdout.
            boolean stdoutIsForMachinesOrSilent = output.json() || output.ndjson() || output.quiet();
            GithubActions.annotations(stdoutIsForMachinesOrSilent ? context.err() : context.out(), report);
        }
    }

    private void textReport(Outcome outcome, FinalReport report) {
        // Names from the server start table rows; on GitHub one could pose as a workflow command.
        String token = github ? Long.toHexString(Double.doubleToLongBits(context.random().getAsDouble())) + "migstatus" : null;
        if (token != null) {
            GithubActions.stopCommands(context.out(), token);
        }
        TextReport text = new TextReport(context.out(), output.style(), context.terminal().columns().getAsInt());
        text.sentence(outcome.message(), outcome.code());
        if (report.status() != null && outcome.code() != ExitCode.NO_MIGRATION) {
            text.details(report.status());
        }
        if (token != null) {
            GithubActions.resumeCommands(context.out(), token);
        }
    }

}
