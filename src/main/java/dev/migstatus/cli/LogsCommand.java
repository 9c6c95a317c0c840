package dev.migstatus.cli;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.HttpTrace;
import dev.migstatus.docspace.HttpTransport;
import dev.migstatus.docspace.NotFoundException;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.outcome.Outcome;
import dev.migstatus.outcome.Summary;
import dev.migstatus.render.Style;
import dev.migstatus.render.progress.Messages;
import dev.migstatus.render.progress.RetryNotices;
import dev.migstatus.render.progress.VerboseTrace;
import dev.migstatus.render.report.GithubActions;
import dev.migstatus.text.Durations;
import dev.migstatus.watch.Backoff;
import dev.migstatus.watch.Retrier;
import dev.migstatus.watch.WatchListeners;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code migstatus logs}: the migration log, as the server keeps it. */
@Command(name = "logs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        synopsisHeading = "Usage: ",
        descriptionHeading = "%n",
        description = "Prints the migration log (GET /api/2.0/migration/logs), or saves it with --output-file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  migstatus logs --host portal.example.com --key-file ~/.docspace-key",
            "  migstatus logs --host portal.example.com --key-file ~/.docspace-key \\",
            "      --output-file migration.log",
        })
final class LogsCommand implements Callable<Integer> {

    /** How it ends; shown by its --help. */
    static final Map<ExitCode, String> EXIT_CODES = Map.ofEntries(
            Map.entry(ExitCode.OK, "the log was printed, or saved with --output-file"),
            Map.entry(ExitCode.USAGE, "bad options or values, or --output-file's directory is missing or not writable"),
            Map.entry(ExitCode.NO_MIGRATION, "no migration has run on the portal, so there is no log"),
            Map.entry(ExitCode.RUNNING, "an operation runs: DocSpace writes its log when it ends"),
            Map.entry(ExitCode.UNAUTHORIZED, ExitCode.UNAUTHORIZED.meaning()),
            Map.entry(ExitCode.FORBIDDEN, ExitCode.FORBIDDEN.meaning()),
            Map.entry(ExitCode.UNAVAILABLE, ExitCode.UNAVAILABLE.meaning()),
            Map.entry(ExitCode.PROTOCOL_ERROR, ExitCode.PROTOCOL_ERROR.meaning()),
            Map.entry(ExitCode.INTERNAL_ERROR, ExitCode.INTERNAL_ERROR.meaning()),
            Map.entry(ExitCode.WRITE_FAILED, "--output-file or stdout could not be written (a full disk, an I/O error)"),
            Map.entry(ExitCode.INTERRUPTED, "Ctrl-C or SIGTERM before the log was downloaded"),
            Map.entry(ExitCode.OUTPUT_CLOSED, ExitCode.OUTPUT_CLOSED.meaning()));

    @Mixin
    private ConnectionOptions connectionOptions;

    @Option(names = "--output-file", paramLabel = "FILE",
            description = "Write the log to this file (replaced whole, or not at all) instead of stdout.")
    private Path file;

    /** The name this option had first; kept so that scripts written then still run. */
    @Option(names = "-O", paramLabel = "FILE", hidden = true)
    private Path oldFileOption;

    @Mixin
    private NetworkOptions networkOptions;

    private final Context context;

    LogsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Connection connection = connectionOptions.resolve(context);
        context.redactor().add(connection.credential().secret());
        Path target = ReportFile.writable("--output-file", file != null ? file : oldFileOption);
        NetworkOptions.Network network = networkOptions.resolve(connection, context.env());
        Messages messages = new Messages(context.err(), Style.PLAIN);
        VerboseTrace trace = new VerboseTrace(messages);
        String insecure = network.insecureWarning(connection);
        if (insecure != null) {
            messages.warning(insecure);
        }
        if (network.proxyNote() != null && network.verbose()) {
            messages.info(network.proxyNote());
        }
        try (HttpTransport transport = network.open(connection, context.cancellation())) {
            DocSpaceClient client = new DocSpaceClient(connection, transport, network.client(), network.verbose() ? trace : HttpTrace.NONE);
            Retrier retrier = new Retrier(network.retryFor(), null, context.clock(), context.sleeper(),
                    new Backoff(Durations.parse(Defaults.INTERVAL), context.random()), context.cancellation(),
                    WatchListeners.of(new RetryNotices(messages, connection.portal().authority(), network.retryFor(), null),
                            network.verbose() ? trace : WatchListeners.of()));
            Path download = target != null ? target : Files.createTempFile("migstatus-log", ".txt");
            if (target == null) {
                context.partFiles().add(download);
            }
            try {
                Retrier.Attempt<LogDownload.Result> attempt = retrier.call(limit -> {
                    try {
                        return LogDownload.toFile(client, download, context.redactor(), context.partFiles(), limit);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return finish(attempt, download, connection, messages, target == null);
            } catch (UncheckedIOException e) {
                // A full disk is no mistake on the command line: the directory was checked before.
                messages.error("cannot write " + (target != null ? target : "the log to a temporary file " + download)
                        + ": " + IoErrors.describe(e));
                return ExitCode.WRITE_FAILED.code();
            } finally {
                if (target == null) {
                    Files.deleteIfExists(download);
                    context.partFiles().remove(download);
                }
            }
        }
    }

    private void print(Path log) {
        try (Reader text = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            text.transferTo(context.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.out().flush();
    }

    private int finish(Retrier.Attempt<LogDownload.Result> attempt, Path download, Connection connection, Messages messages,
                       boolean toStdout) {
        String host = connection.portal().authority();
        if (attempt instanceof Retrier.Success<LogDownload.Result> success) {
            LogDownload.Result result = success.value();
            return switch (result.found()) {
                case NOTHING_RUNS -> {
                    messages.error("No migration is running on " + host + ", so there is no log");
                    yield ExitCode.NO_MIGRATION.code();
                }
                case NOT_WRITTEN_YET -> {
                    messages.error(Summary.logNotWrittenYet(host, result.status()));
                    yield ExitCode.RUNNING.code();
                }
                case SAVED -> {
                    if (toStdout && context.onGithub()) {
                        // A log line may start with "::error::"; between these markers the runner obeys no workflow command.
                        GithubActions.fenced(context.out(), context.random(), () -> print(download));
                    } else if (toStdout) {
                        print(download);
                    }
                    yield ExitCode.OK.code();
                }
            };
        }
        if (attempt instanceof Retrier.Stopped<LogDownload.Result>) {
            messages.error("Stopped before the log was downloaded");
            return ExitCode.INTERRUPTED.code();
        }
        ApiException error = ((Retrier.Failure<LogDownload.Result>) attempt).error();
        if (error instanceof NotFoundException notFound && notFound.saidByDocSpace()) {
            // The status shows an operation that has ended, yet DocSpace has no file for its log.
            messages.error(error.getMessage() + "; " + host + " keeps no log of its last operation");
            return ExitCode.PROTOCOL_ERROR.code();
        }
        Outcome outcome = Outcome.ofError(error, connection);
        messages.error(outcome.message());
        return outcome.code().code();
    }
}
