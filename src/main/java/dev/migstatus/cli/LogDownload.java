package dev.migstatus.cli;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.NotFoundException;
import dev.migstatus.docspace.UnavailableException;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.render.report.LogText;
import dev.migstatus.secrets.Redactor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The migration log, fetched whole into a file before anyone sees it, so a retry never prints a part twice.
 *
 * <p>DocSpace writes the log when an operation ends, so while one runs {@code GET logs} fails, and
 * it fails the same way when nothing runs at all: a 404 in its envelope (a 500 before 3.2.1, and for
 * "nothing runs" before 3.7.1). Only the status tells these apart, so it is asked before anything is
 * concluded from DocSpace's own error.
 */
final class LogDownload {

    /** How a download ended when the portal answered as DocSpace does. */
    enum Found {
        /** The log is in the file. */
        SAVED,
        /** The portal runs no migration, so it has no log. */
        NOTHING_RUNS,
        /** An operation runs: its log is written when it ends. */
        NOT_WRITTEN_YET
    }

    /** @param status the operation that runs, for {@link Found#NOT_WRITTEN_YET}; else null */
    record Result(Found found, MigrationStatus status) {
        static final Result SAVED = new Result(Found.SAVED, null);
        static final Result NOTHING_RUNS = new Result(Found.NOTHING_RUNS, null);
    }

    private LogDownload() {
    }

    /**
     * @throws ApiException the log's failure when the status shows an operation that has ended (its
     *                      log should be there), or the status's own failure
     */
    /** @param parts where the file being written is known while it is */
    static Result toFile(DocSpaceClient client, Path target, Redactor redactor, PartFiles parts, Duration timeLimit)
            throws ApiException, IOException {
        long started = System.nanoTime();
        try {
            ReportFile.replace(target, redactor, parts, timeLimit, out -> client.logs(log -> LogText.copy(log, out), timeLimit));
            return Result.SAVED;
        } catch (ApiException e) {
            if (!saidByDocSpace(e)) {
                throw e;
            }
            // Both requests share the time given: after Ctrl-C that is a few seconds in all.
            Duration left = timeLimit.minusNanos(System.nanoTime() - started);
            Optional<MigrationStatus> status = client.status(left.isNegative() ? Duration.ZERO : left);
            if (status.isEmpty()) {
                return Result.NOTHING_RUNS;
            }
            if (!status.get().ended()) {
                return new Result(Found.NOT_WRITTEN_YET, status.get());
            }
            throw e;
        }
    }

    /** A 404 or 5xx in DocSpace's envelope; a web server's or a proxy's is the wrong address or a hiccup. */
    private static boolean saidByDocSpace(ApiException e) {
        return e instanceof NotFoundException notFound && notFound.saidByDocSpace()
                || e instanceof UnavailableException failed && failed.reason() == UnavailableException.Reason.PORTAL_ERROR;
    }
}
