package dev.migstatus.cli;

import dev.migstatus.api.ClientSettings;
import dev.migstatus.api.DocSpaceClient;
import dev.migstatus.api.HttpTrace;
import dev.migstatus.render.FinalReport;
import dev.migstatus.render.JsonReport;
import dev.migstatus.render.LiveProgress;
import dev.migstatus.render.Messages;
import dev.migstatus.render.PlainProgress;
import dev.migstatus.render.ProgressView;
import dev.migstatus.render.RetryNotices;
import dev.migstatus.render.TextReport;
import dev.migstatus.render.VerboseTrace;
import dev.migstatus.watch.Backoff;
import dev.migstatus.watch.FailurePolicy;
import dev.migstatus.watch.Until;
import dev.migstatus.watch.WatchListeners;
import dev.migstatus.watch.WatchResult;
import dev.migstatus.watch.WatchSettings;
import dev.migstatus.watch.Watcher;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/** One watch, wired: client, poll loop, progress display, and the report at the end. */
final class WatchRun {

    private final Context context;
    private final Connection connection;
    private final OutputSettings output;
    private final WatchSettings settings;
    private final FailurePolicy policy;
    private final boolean verbose;
    private final Messages messages;

    WatchRun(Context context, Connection connection, OutputSettings output, WatchSettings settings, FailurePolicy policy,
             boolean verbose) {
        this.context = context;
        this.connection = connection;
        this.output = output;
        this.settings = settings;
        this.policy = policy;
        this.verbose = verbose;
        this.messages = new Messages(context.err(), output.style());
    }

    ExitCode execute(Supplier<HttpClient> http, ClientSettings clientSettings, boolean insecure) {
        warnings(insecure);
        ProgressView view = progressView();
        messages.showOver(view);
        VerboseTrace trace = new VerboseTrace(messages);
        WatchResult result;
        try (DocSpaceClient client = new DocSpaceClient(connection.portal(), connection.credential(), http, clientSettings,
                verbose ? trace : HttpTrace.NONE)) {
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
        Outcome outcome = Outcome.of(result, policy, connection);
        report(outcome, result);
        return outcome.code();
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
        if (output.json()) {
            return new PlainProgress(context.err(), waitsForMigration, PlainProgress.HEARTBEAT);
        }
        if (output.quiet()) {
            return ProgressView.NONE;
        }
        if (output.interactive()) {
            return new LiveProgress(context.out(), output.style(), context.terminal().columns(), waitsForMigration);
        }
        return new PlainProgress(context.out(), waitsForMigration, PlainProgress.HEARTBEAT);
    }

    private void report(Outcome outcome, WatchResult result) {
        if (output.json()) {
            if (outcome.isError()) {
                messages.error(outcome.message());
            }
            JsonReport.print(context.out(), new FinalReport(connection.portal().toString(), outcome.code().outcome(),
                    outcome.code().code(), result.elapsed(), outcome.message(), result.lastStatus()));
            return;
        }
        if (outcome.isError()) {
            messages.error(outcome.message());
            return;
        }
        if (output.quiet()) {
            if (outcome.code() != ExitCode.OK) {
                messages.info(outcome.message());
            }
            return;
        }
        TextReport report = new TextReport(context.out(), output.style(), context.terminal().columns().getAsInt());
        report.sentence(outcome.message(), tone(outcome.code()));
        if (result.lastStatus() != null && outcome.code() != ExitCode.NO_MIGRATION) {
            report.details(result.lastStatus());
        }
    }

    private static TextReport.Tone tone(ExitCode code) {
        return switch (code) {
            case OK -> TextReport.Tone.GOOD;
            case COMPLETED_WITH_FAILURES -> TextReport.Tone.WARNING;
            case FAILED -> TextReport.Tone.BAD;
            default -> TextReport.Tone.NEUTRAL;
        };
    }
}
