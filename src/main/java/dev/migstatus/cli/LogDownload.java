package dev.migstatus.cli;

import dev.migstatus.api.ApiException;
import dev.migstatus.api.DocSpaceClient;
import dev.migstatus.api.Redactor;
import dev.migstatus.render.LogText;

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
}
