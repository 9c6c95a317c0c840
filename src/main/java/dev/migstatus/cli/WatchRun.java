package dev.migstatus.cli;

import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.HttpTrace;
import dev.migstatus.docspace.HttpTransport;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.outcome.Outcome;
import dev.migstatus.render.progress.Messages;
import dev.migstatus.render.progress.NdjsonEvents;
import dev.migstatus.render.progress.ProgressView;
import dev.migstatus.render.progress.RetryNotices;
import dev.migstatus.render.progress.StallNotices;
import dev.migstatus.render.progress.VerboseTrace;
import dev.migstatus.render.report.FinalReport;
import dev.migstatus.render.report.GithubActions;
import dev.migstatus.render.report.JsonReport;
import dev.migstatus.render.report.TextReport;
import dev.migstatus.watch.Backoff;
import dev.migstatus.watch.Ending;
import dev.migstatus.watch.HeapTrim;
import dev.migstatus.watch.StatusSource;
import dev.migstatus.watch.WatchListeners;
import dev.migstatus.watch.WatchResult;
import dev.migstatus.watch.Watcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * One portal's watch, wired from its {@link WatchPlan}: the client, the poll loop and its progress
 * display, then what is left at the end: the report on stdout, the files a CI job keeps, GitHub's
 * annotations.
 */
final class WatchRun {

    private final Context context;
    private final WatchPlan plan;
    private final Messages messages;

    WatchRun(Context context, WatchPlan plan) {
        this.context = context;
        this.plan = plan;
        this.messages = new Messages(context.err(), plan.output().errStyle());
    }

    /** @param transport the HTTP client and timer to use; the caller closes it */
    ExitCode execute(HttpTransport transport) {
        warnings();
        OutputSettings output = plan.output();
        // With -o ndjson the event stream is the progress display, and its last line is the report.
        NdjsonEvents events = output.ndjson() ? new NdjsonEvents(context.out(), plan.connection().portal().toString()) : null;
        ProgressView view = events != null ? events : ProgressViews.choose(context, plan);
        messages.showOver(view);
        VerboseTrace trace = new VerboseTrace(messages);
        boolean verbose = plan.network().verbose();
        DocSpaceClient client = new DocSpaceClient(plan.connection(), transport, plan.network().client(),
                verbose ? trace : HttpTrace.NONE);
        CopiedAnswer copied = CopiedAnswer.fits(context, plan) ? new CopiedAnswer(client) : null;
        if (copied != null && verbose) {
            messages.info("-o json: the answer is copied into the report as it streams in, without a model");
        }
        WatchResult result;
        try {
            result = new Watcher(copied != null ? copied : StatusSource.of(client), plan.settings(), context.clock(), context.sleeper(),
                    new Backoff(plan.settings().interval(), context.random()), context.cancellation(),
                    WatchListeners.of(view, new RetryNotices(messages, plan.connection().portal().authority(),
                            plan.settings().retryFor(), plan.settings().timeout()),
                            new StallNotices(messages, annotations(), plan.settings().failOnStall()),
                            verbose ? trace : WatchListeners.of()),
                    plan.settings().once() ? null : new HeapTrim(HeapTrim.RUNTIME)).run();
        } finally {
            view.close();
            // A Ctrl-C interrupts the main thread to cut a request short; what runs after must not inherit it.
            Thread.interrupted();
        }
        Outcome outcome = Outcome.of(result, plan.policy(), plan.connection(), plan.settings());
        FinalReport report = new FinalReport(plan.connection().portal().toString(), outcome.code(), result.elapsed(),
                outcome.message(), result.lastStatus());
        // --timeout always wins: what follows the watch gets what is left of it.
        Duration timeout = plan.settings().timeout();
        Instant deadline = timeout == null ? null : context.clock().instant().plus(timeout.minus(result.elapsed()));
        ReportFiles files = new ReportFiles(context, plan.reports(), messages, deadline);
        files.saveLog(client, plan.network().client().requestTimeout(), result.ending() == Ending.INTERRUPTED, result.lastStatus());
        files.write(report);
        print(outcome, report, events, copied);
        try (Notifications notifications = new Notifications(context, plan.notifications(), messages, verbose, deadline)) {
            notifications.watchEnded(report, plan.connection().portal().authority());
        }
        return outcome.code();
    }

    private void warnings() {
        String insecure = plan.network().insecureWarning(plan.connection());
        if (insecure != null) {
            messages.warning(insecure);
        }
        String proxies = plan.network().proxyNote();
        if (proxies != null && plan.network().verbose()) {
            messages.info(proxies);
        }
        // A hint for a person at a terminal, given once: a script that passes --key hears nothing.
        boolean person = plan.output().interactive() || plan.output().errInteractive();
        if (plan.connection().keySource().equals("--key") && person && OneTimeHints.firstTime(context, "key-option-hint")) {
            messages.info("hint: --key leaves the key in your shell history and the process list;"
                    + " --key-file or MIGSTATUS_KEY keep it out (said once)");
        }
    }

    /**
     * @param events the ndjson stream, or null in the other formats
     * @param copied the answer copied for -o json, or null
     */
    private void print(Outcome outcome, FinalReport report, NdjsonEvents events, CopiedAnswer copied) {
        OutputSettings output = plan.output();
        // A stdout that failed stopped the watch: that is said once, at the end, not as a Ctrl-C.
        boolean stoppedByStdout = outcome.code() == ExitCode.INTERRUPTED && context.stdout().failed();
        if (outcome.isError() && !stoppedByStdout) {
            messages.error(outcome.message());
        }
        if (events != null) {
            events.done(context.clock().instant(), report);
        } else if (output.json()) {
            if (copied != null && copied.json() != null && report.status() != null) {
                JsonReport.print(context.out(), context.outBytes(), context.redactor(), report, copied.json());
            } else {
                JsonReport.print(context.out(), report);
            }
        } else if (output.quiet()) {
            if (!outcome.isError() && wrongEnoughToBreakTheQuiet(outcome.code())) {
                messages.info(outcome.message());
            }
        } else if (!outcome.isError()) {
            if (context.onGithub()) {
                // Names from the server start table rows; on GitHub one could pose as a workflow command.
                GithubActions.fenced(context.out(), context.random(), () -> textReport(outcome, report));
            } else {
                textReport(outcome, report);
            }
        }
        if (context.onGithub()) {
            GithubActions.annotations(annotations(), report);
        }
    }

    /** Where GitHub's runner reads annotations without their disturbing a JSON stdout; null off GitHub. */
    private PrintWriter annotations() {
        if (!context.onGithub()) {
            return null;
        }
        OutputSettings output = plan.output();
        boolean stdoutIsForMachinesOrSilent = output.json() || output.ndjson() || output.quiet();
        return stdoutIsForMachinesOrSilent ? context.err() : context.out();
    }

    /**
     * Quiet means quiet unless something is wrong: a migration with failures or a failed one, and a
     * watch that found nothing to wait for. A script asking {@code --once} in a loop hears nothing
     * while it runs or has not started.
     */
    private boolean wrongEnoughToBreakTheQuiet(ExitCode code) {
        return switch (code) {
            case COMPLETED_WITH_FAILURES, FAILED -> true;
            case NO_MIGRATION -> !plan.settings().once();
            default -> false;
        };
    }

    private void textReport(Outcome outcome, FinalReport report) {
        TextReport text = new TextReport(context.out(), plan.output().style(), context.terminal().columns().getAsInt());
        text.sentence(outcome.message(), outcome.code());
        if (report.status() != null && outcome.code() != ExitCode.NO_MIGRATION) {
            text.details(report.status());
        }
    }
}
