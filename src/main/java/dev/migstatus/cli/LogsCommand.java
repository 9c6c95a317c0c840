package dev.migstatus.cli;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.HttpTrace;
import dev.migstatus.outcome.ExitCode;
import dev.migstatus.outcome.Outcome;
import dev.migstatus.render.Style;
import dev.migstatus.render.progress.Messages;
import dev.migstatus.render.progress.RetryNotices;
import dev.migstatus.render.progress.VerboseTrace;
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
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code migstatus logs}: the migration log, as the server keeps it. */
@Command(name = "logs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Prints the migration log (GET /api/2.0/migration/logs), or saves it with -O.")
public final class LogsCommand implements Callable<Integer> {

    /** There is no --interval here; the watch's default spaces the retries. */
    private static final Duration RETRY_BASE = Duration.ofSeconds(2);

    @Mixin
    private ConnectionOptions connectionOptions;

    @Option(names = {"-O", "--output-file"}, paramLabel = "FILE",
            description = "Write the log to this file (replaced whole, or not at all) instead of stdout.")
    private Path file;

    @Mixin
    private NetworkOptions networkOptions;

    private final Context context;
    private final ClientHeadStart headStart;

    public LogsCommand(Context context) {
        this(context, ClientHeadStart.none());
    }

    LogsCommand(Context context, ClientHeadStart headStart) {
        this.context = context;
        this.headStart = headStart;
    }

    @Override
    public Integer call() throws IOException {
        Connection connection = connectionOptions.resolve(context);
        context.redactor().add(connection.credential().secret());
        Path target = ReportFile.writable("--output-file", file);
        Messages messages = new Messages(context.err(), Style.PLAIN);
        VerboseTrace trace = new VerboseTrace(messages);
        try (DocSpaceClient client = new DocSpaceClient(connection.portal(), connection.credential(),
                networkOptions.httpClient(connection, headStart), networkOptions.clientSettings(),
                networkOptions.verbose() ? trace : HttpTrace.NONE)) {
            Retrier retrier = new Retrier(networkOptions.retryFor(), null, context.clock(), context.sleeper(),
                    new Backoff(RETRY_BASE, context.random()), context.cancellation(),
                    WatchListeners.of(new RetryNotices(messages, connection.portal().authority()),
                            networkOptions.verbose() ? trace : WatchListeners.of()));
            Path download = target != null ? target : Files.createTempFile("migstatus-log", ".txt");
            try {
                Retrier.Attempt<Path> attempt = retrier.call(limit -> {
                    try {
                        LogDownload.toFile(client, download, context.redactor(), limit);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return download;
                });
                return finish(attempt, client, connection, messages, target == null);
            } catch (UncheckedIOException e) {
                throw new UsageException("cannot write " + download + ": " + IoErrors.describe(e));
            } finally {
                if (target == null) {
                    Files.deleteIfExists(download);
                }
            }
        }
    }

    private int finish(Retrier.Attempt<Path> attempt, DocSpaceClient client, Connection connection, Messages messages,
                       boolean toStdout) throws IOException {
        if (attempt instanceof Retrier.Success<Path> success) {
            if (toStdout) {
                try (Reader log = Files.newBufferedReader(success.value(), StandardCharsets.UTF_8)) {
                    log.transferTo(context.out());
                }
                context.out().flush();
            }
            return ExitCode.OK.code();
        }
        if (attempt instanceof Retrier.Stopped<Path>) {
            messages.error("Stopped before the log was downloaded");
            return ExitCode.INTERRUPTED.code();
        }
        ApiException error = ((Retrier.Failure<Path>) attempt).error();
        if (LogDownload.nothingRuns(error, client, networkOptions.clientSettings().requestTimeout())) {
            messages.error("No migration is running on " + connection.portal().authority() + ", so there is no log");
            return ExitCode.NO_MIGRATION.code();
        }
        Outcome outcome = Outcome.ofError(error, connection);
        messages.error(outcome.message());
        return outcome.code().code();
    }
}
