package dev.migstatus.cli;

import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.HttpTrace;
import dev.migstatus.docspace.HttpTransport;
import dev.migstatus.fleet.FleetDriver;
import dev.migstatus.fleet.Waiter;
import dev.migstatus.fleet.WatchedPortal;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.outcome.FleetExitCode;
import dev.migstatus.outcome.Outcome;
import dev.migstatus.render.progress.FleetBoard;
import dev.migstatus.render.progress.Messages;
import dev.migstatus.render.progress.NdjsonEvents;
import dev.migstatus.render.progress.PlainProgress;
import dev.migstatus.render.progress.PrefixedLines;
import dev.migstatus.render.progress.ProgressView;
import dev.migstatus.render.progress.RetryNotices;
import dev.migstatus.render.progress.StallNotices;
import dev.migstatus.render.progress.VerboseTrace;
import dev.migstatus.render.report.FinalReport;
import dev.migstatus.render.report.FleetReport;
import dev.migstatus.render.report.FleetResult;
import dev.migstatus.render.report.GithubActions;
import dev.migstatus.text.Formats;
import dev.migstatus.text.ShortNames;
import dev.migstatus.watch.Backoff;
import dev.migstatus.watch.Ending;
import dev.migstatus.watch.StatusSource;
import dev.migstatus.watch.Until;
import dev.migstatus.watch.WatchListener;
import dev.migstatus.watch.WatchListeners;
import dev.migstatus.watch.WatchResult;
import dev.migstatus.watch.WatchSession;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Many portals' watches at once, wired from a {@link FleetPlan}: one transport, each portal's
 * {@link WatchSession} driven by a {@link FleetDriver} whose pool has at most {@code maxInFlight}
 * threads, a board or name-prefixed lines while it runs, then one report of every portal.
 */
final class FleetRun {

    private final Context context;
    private final FleetPlan plan;
    private final Messages messages;
    private final List<String> names;
    private final FinalReport[] reports;

    FleetRun(Context context, FleetPlan plan) {
        this.context = context;
        this.plan = plan;
        this.messages = new Messages(context.err(), plan.output().errStyle());
        this.names = ShortNames.of(plan.portals().stream().map(c -> c.portal().toString()).toList());
        this.reports = new FinalReport[plan.portals().size()];
    }

    ExitCode execute(HttpTransport transport) {
        OutputSettings output = plan.output();
        plan.portals().stream().map(plan.network()::insecureWarning).filter(w -> w != null).forEach(messages::warning);
        boolean waitsForMigration = plan.settings().until() == Until.MIGRATED;
        FleetBoard board = output.interactive() && !output.json() && !output.ndjson() && !output.quiet()
                ? new FleetBoard(context.out(), output.style(), context.terminal().columns(), context.terminal().rows(),
                        waitsForMigration, names)
                : null;
        if (board != null) {
            messages.showOver(board.display());
        }
        VerboseTrace trace = new VerboseTrace(messages);
        boolean verbose = plan.network().verbose();
        Instant start = context.clock().instant();
        // --timeout always wins: what follows the watch gets what is left of it, posts sent while it runs too.
        Instant deadline = plan.settings().timeout() == null ? null : start.plus(plan.settings().timeout());
        Notifications notifications = new Notifications(context, plan.notifications(), messages, verbose, deadline);
        List<DocSpaceClient> clients = new ArrayList<>();
        List<WatchedPortal> members = new ArrayList<>();
        for (int i = 0; i < plan.portals().size(); i++) {
            Connection connection = plan.portals().get(i);
            DocSpaceClient client = new DocSpaceClient(connection, transport, plan.network().client(), verbose ? trace : HttpTrace.NONE);
            clients.add(client);
            ProgressView view = view(i, board, waitsForMigration);
            Messages about = messages.about(names.get(i));
            WatchListener listener = WatchListeners.of(view, new RetryNotices(about, connection.portal().authority(),
                    plan.settings().retryFor(), plan.settings().timeout()),
                    new StallNotices(about, annotations(), plan.settings().failOnStall()),
                    verbose ? trace : WatchListeners.of(), ended(i, board, view, notifications));
            WatchSession session = WatchSession.start(plan.settings(), new Backoff(plan.settings().interval(), context.random()),
                    listener, start);
            members.add(new WatchedPortal(session, StatusSource.of(client), context.clock()));
        }
        ExecutorService pool = FleetDriver.pool(plan.maxInFlight(), "migstatus-fleet");
        List<WatchResult> results;
        try {
            // The first polls are spread over one interval, so a thousand portals are not asked in step for ever.
            Duration spread = plan.settings().once() ? Duration.ZERO : plan.settings().interval();
            results = new FleetDriver<WatchedPortal.Answer, WatchResult>(context.clock(),
                    Waiter.of(context.clock(), context.sleeper()), pool, plan.maxInFlight(), spread,
                    context.cancellation()::isCancelled).run(members);
        } finally {
            pool.shutdownNow();
            if (board != null) {
                board.close();
            }
            // A Ctrl-C interrupts the main thread to cut a wait short; what runs after must not inherit it.
            Thread.interrupted();
        }
        boolean stopped = results.stream().anyMatch(r -> r.ending() == Ending.INTERRUPTED);
        saveLogs(clients, results, stopped, deadline);
        FleetResult fleet = fleet(start);
        new ReportFiles(context, plan.reports(), messages, deadline).write(fleet);
        print(fleet);
        try (notifications) {
            notifications.fleetEnded(fleet);
        }
        return fleet.code();
    }

    /** What portal {@code i}'s watch shows while it runs. */
    private ProgressView view(int i, FleetBoard board, boolean waitsForMigration) {
        OutputSettings output = plan.output();
        if (output.ndjson()) {
            return NdjsonEvents.forFleet(context.out(), plan.portals().get(i).portal().toString());
        }
        if (output.quiet()) {
            return ProgressView.NONE;
        }
        if (board != null) {
            return board.row(i);
        }
        PrintWriter stream = output.json() ? context.err() : context.out();
        return new PlainProgress(PrefixedLines.of(stream, names.get(i) + ": "), waitsForMigration);
    }

    /**
     * When portal {@code i}'s watch ends: its report, kept for the end, shown on the board or in the
     * event stream, and posted to the webhook while the others are still watched.
     */
    private WatchListener ended(int i, FleetBoard board, ProgressView view, Notifications notifications) {
        Connection connection = plan.portals().get(i);
        return new WatchListener() {
            @Override
            public void finished(WatchResult result) {
                Outcome outcome = Outcome.of(result, plan.policy(), connection, plan.settings());
                FinalReport report = new FinalReport(connection.portal().toString(), outcome.code(), result.elapsed(),
                        outcome.message(), result.lastStatus());
                reports[i] = report;
                if (board != null) {
                    board.ended(i, outcome.code(), outcome.message(), result.elapsed(), result.endedAt());
                }
                if (view instanceof NdjsonEvents events) {
                    events.done(result.endedAt(), report);
                }
                notifications.portalEnded(report, names.get(i));
            }
        };
    }

    /** --save-log DIR: one log per portal, named after it, whatever its outcome. */
    private void saveLogs(List<DocSpaceClient> clients, List<WatchResult> results, boolean stopped, Instant deadline) {
        Path dir = plan.reports().saveLog();
        if (dir == null) {
            return;
        }
        ReportFiles files = new ReportFiles(context, plan.reports(), messages, deadline);
        for (int i = 0; i < clients.size(); i++) {
            String file = names.get(i).replaceAll("[^A-Za-z0-9._-]+", "_") + ".log";
            files.saveLog(clients.get(i), dir.resolve(file), plan.network().client().requestTimeout(), stopped,
                    results.get(i).lastStatus());
        }
    }

    /** A portal still running when the user stopped the fleet ended with 130, and so does the fleet. */
    private FleetResult fleet(Instant start) {
        List<FleetResult.Portal> portals = new ArrayList<>();
        for (int i = 0; i < reports.length; i++) {
            portals.add(new FleetResult.Portal(names.get(i), reports[i]));
        }
        ExitCode code = FleetExitCode.ofCodes(portals.stream().map(p -> p.report().code()).toList());
        return new FleetResult(code, Duration.between(start, context.clock().instant()), FleetResult.sentence(portals), portals);
    }

    private void print(FleetResult fleet) {
        OutputSettings output = plan.output();
        boolean machines = output.json() || output.ndjson() || output.quiet();
        if (machines) {
            // On stdout only the document; what went wrong also goes where a person reads it.
            for (FleetResult.Portal p : fleet.portals()) {
                if (!p.report().ok() && p.report().code() != ExitCode.NO_MIGRATION) {
                    messages.error(p.name() + ": " + p.report().message());
                }
            }
        }
        if (output.ndjson()) {
            FleetReport.json(context.out(), fleet, json -> {
                json.name("event").value("fleet");
                json.name("time").value(Formats.timestamp(context.clock().instant()));
            });
        } else if (output.json()) {
            FleetReport.json(context.out(), fleet, null);
        } else if (output.quiet()) {
            if (fleet.code() != ExitCode.OK) {
                messages.info(fleet.message());
            }
        } else if (context.onGithub()) {
            GithubActions.fenced(context.out(), context.random(), () -> textReport(fleet));
        } else {
            textReport(fleet);
        }
        PrintWriter annotations = annotations();
        if (annotations != null) {
            for (FleetResult.Portal p : fleet.portals()) {
                GithubActions.annotations(annotations, p.report(), p.name() + ": ");
            }
        }
    }

    /** Where GitHub's annotations go without disturbing a JSON stdout; null off GitHub. */
    private PrintWriter annotations() {
        if (!context.onGithub()) {
            return null;
        }
        OutputSettings output = plan.output();
        return output.json() || output.ndjson() || output.quiet() ? context.err() : context.out();
    }

    private void textReport(FleetResult fleet) {
        FleetReport.text(context.out(), plan.output().style(), context.terminal().columns().getAsInt(), fleet);
    }
}
