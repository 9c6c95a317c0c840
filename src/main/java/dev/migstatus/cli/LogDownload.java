package dev.migstatus.cli;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.NotFoundException;
import dev.migstatus.docspace.UnavailableException;
import dev.migstatus.render.report.LogText;
import dev.migstatus.secrets.Redactor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The migration log, fetched whole into a file before anyone sees it, so a retry never prints a part twice. */
final class LogDownload {

    private LogDownload() {
    }

    static void toFile(DocSpaceClient client, Path target, Redactor redactor, Duration timeLimit) throws ApiException, IOException {
        ReportFile.replace(target, redactor, out -> client.logs(log -> LogText.copy(log, out), timeLimit));
    }

    /**
     * Whether a failed download means there is no log because nothing runs. DocSpace answers a 404 in
     * its envelope then; older servers a 500 envelope, which only the status can tell from a real
     * failure. A 404 from a web server in front of the portal is the wrong address, not "nothing runs".
     */
    static boolean nothingRuns(ApiException error, DocSpaceClient client, Duration timeLimit) {
        if (error instanceof NotFoundException notFound) {
            return notFound.saidByDocSpace();
        }
        if (error instanceof UnavailableException server && server.reason() == UnavailableException.Reason.SERVER
                && !server.isTransient()) {
            try {
                return client.status(timeLimit).isEmpty();
            } catch (ApiException statusFailedToo) {
                return false;
            }
        }
        return false;
    }
}
