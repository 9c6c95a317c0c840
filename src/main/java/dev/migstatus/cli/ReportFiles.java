package dev.migstatus.cli;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.outcome.Summary;
import dev.migstatus.render.progress.Messages;
import dev.migstatus.render.report.FinalReport;
import dev.migstatus.render.report.FleetReport;
import dev.migstatus.render.report.FleetResult;
import dev.migstatus.render.report.GithubActions;
import dev.migstatus.render.report.JunitReport;
import dev.migstatus.text.Durations;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What a watch leaves behind for a CI job besides stdout: the saved migration log, the JUnit report
 * and GitHub's step summary. A file that cannot be written is a warning: the exit code says how the
 * migration went, and the job still gets it.
 */
final class ReportFiles {

    /** After Ctrl-C the log is fetched only if it comes quickly: a CI runner follows up with a kill. */
    private static final Duration SAVE_LOG_WHEN_STOPPING = Duration.ofSeconds(3);
    private static final Duration PIPE_FOUND = Duration.ofMillis(100);

    private final Context context;
    private final Reports reports;
    private final Messages messages;
    private final Instant deadline;

    /** @param deadline when --timeout runs out, or null without one: the files get what is left of it, no more */
    ReportFiles(Context context, Reports reports, Messages messages, Instant deadline) {
        this.context = context;
        this.reports = reports;
        this.messages = messages;
        this.deadline = deadline;
    }

    /** What is left of --timeout, never less than zero; null without one. */
    private Duration timeLeft() {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(context.clock().instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How long a pipe given as a report file may take to be read: what is left of --timeout, or for ever without one. */
    private Duration pipeWait() {
        Duration left = timeLeft();
        // A reader already waiting needs a moment to be found.
        return left == null ? null : left.compareTo(PIPE_FOUND) < 0 ? PIPE_FOUND : left;
    }

    /**
     * The log is saved whatever the outcome: a failed migration is exactly when a CI job needs it.
     *
     * @param limit       how long the download may take
     * @param interrupted the user asked to stop: the log is still worth having, but not worth a long wait
     */
    void saveLog(DocSpaceClient client, Duration limit, boolean interrupted, MigrationStatus lastSeen) {
        if (reports.saveLog() != null) {
            saveLog(client, reports.saveLog(), limit, interrupted, lastSeen);
        }
    }

    /**
     * The same, to a file of the caller's choosing: a fleet saves one per portal.
     *
     * @param lastSeen the watch's last status, or null: once --timeout has run out, it says why there is no log
     */
    void saveLog(DocSpaceClient client, Path file, Duration limit, boolean interrupted, MigrationStatus lastSeen) {
        Duration left = timeLeft();
        if (left != null && left.isZero()) {
            // The operation a watch times out on is most often still running, and then it has no log yet.
            messages.warning("--save-log: " + (lastSeen != null && !lastSeen.ended()
                    ? Summary.logNotWrittenYet(client.authority(), lastSeen) + "; --timeout left no time to ask again"
                    : "not saved: --timeout left no time to download the log"));
            return;
        }
        if (left != null && left.compareTo(limit) < 0) {
            limit = left;
        }
        if (interrupted && limit.compareTo(SAVE_LOG_WHEN_STOPPING) > 0) {
            limit = SAVE_LOG_WHEN_STOPPING;
            messages.info("saving the log to " + file + " (at most " + Durations.format(limit) + ")…");
        }
        try {
            LogDownload.Result result = LogDownload.toFile(client, file, context.redactor(), context.partFiles(), limit);
            switch (result.found()) {
                case NOTHING_RUNS -> messages.warning("--save-log: no log to save, the portal runs no migration");
                case NOT_WRITTEN_YET -> messages.warning("--save-log: " + Summary.logNotWrittenYet(client.authority(), result.status()));
                case SAVED -> { }
            }
        } catch (ApiException e) {
            messages.warning("--save-log: could not download the log: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            messages.warning("--save-log: could not write " + file + ": " + IoErrors.describe(e));
        }
    }

    void write(FinalReport report) {
        junit(out -> JunitReport.write(out, report));
        stepSummary(markdown -> GithubActions.summary(markdown, report));
    }

    /** A fleet's files: one JUnit suite per portal, one step-summary table of all. */
    void write(FleetResult fleet) {
        junit(out -> JunitReport.write(out, fleet.portals().stream().map(FleetResult.Portal::report).toList()));
        stepSummary(markdown -> FleetReport.githubSummary(markdown, fleet));
    }

    private void junit(ReportFile.Content<IOException> content) {
        if (reports.junit() != null) {
            try {
                ReportFile.replace(reports.junit(), context.redactor(), context.partFiles(), pipeWait(), content);
            } catch (IOException e) {
                messages.warning("--junit: could not write " + reports.junit() + ": " + IoErrors.describe(e));
            }
        }
    }

    /** What the step summary gets, written in Markdown. */
    private interface Markdown {
        void writeTo(PrintWriter markdown) throws IOException;
    }

    private void stepSummary(Markdown content) {
        String summary = context.env().get("GITHUB_STEP_SUMMARY");
        if (context.onGithub() && summary != null && !summary.isBlank()) {
            try {
                ReportFile.append(Path.of(summary), context.redactor(), out -> {
                    PrintWriter markdown = new PrintWriter(out);
                    try {
                        content.writeTo(markdown);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (markdown.checkError()) {
                        throw new UncheckedIOException(new IOException("write failed"));
                    }
                });
            } catch (IOException | UncheckedIOException | InvalidPathException e) {
                messages.warning("could not append to $GITHUB_STEP_SUMMARY (" + summary + "): " + IoErrors.describe(e));
            }
        }
    }
}
