package dev.migstatus.sim;

/** Answers the real server and the proxies in front of it write, word for word. */
final class ServerBodies {

    private ServerBodies() {
    }

    /** A signed-in user who is not a DocSpace admin: the message, and a .NET stack trace clients must not show. */
    static final String NOT_ADMIN = "{\"error\":{\"message\":\"Access denied\",\"type\":\"System.Security.SecurityException\","
            + "\"stack\":\"   at ASC.Api.Migration.MigrationController.DemandPermissionAsync()\\n"
            + "   at ASC.Api.Migration.MigrationController.GetMigrationStatus()\\n"
            + "   at lambda_method(Closure, Object)\\n"
            + "   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.TaskOfIActionResultExecutor.Execute(\\u2026)\","
            + "\"hresult\":-2146233078},\"status\":1,\"statusCode\":403}";

    /**
     * {@code GET logs} while no task exists: {@code ItemNotFoundException}, a 404, since 3.7.1; before,
     * a bare {@code System.Exception}, which the exception handler answers with a 500.
     */
    static String noTask(int status) {
        String type = status == 404 ? "ASC.Common.Web.ItemNotFoundException" : "System.Exception";
        return "{\"error\":{\"message\":\"No migration is in progress\",\"type\":\"" + type + "\","
                + "\"stack\":\"   at ASC.Api.Migration.MigrationController.GetMigrationLogs()\\u2026\","
                + "\"hresult\":-2146233088},\"status\":1,\"statusCode\":" + status + "}";
    }

    /**
     * {@code GET logs} while an operation runs: its log file is not written yet, and the storage throws
     * {@code FileNotFoundException}, a 404 since 3.2.1 and a 500 before.
     */
    static String logNotWritten(int status) {
        return "{\"error\":{\"message\":\"File not found\",\"type\":\"System.IO.FileNotFoundException\","
                + "\"stack\":\"   at ASC.Data.Storage.DiscStorage.DiscDataStore.GetReadStreamAsync(String domain, String path)\\n"
                + "   at ASC.Migration.Core.MigrationLogger.GetStreamAsync()\\n"
                + "   at ASC.Api.Migration.MigrationController.GetMigrationLogs()\","
                + "\"hresult\":-2147024894},\"status\":1,\"statusCode\":" + status + "}";
    }

    /** A 500 of DocSpace's own: its database did not answer while the request was authenticated. */
    static final String DATABASE_DOWN = "{\"error\":{\"message\":\"The maximum number of retries (15) was exceeded while executing"
            + " database operations with 'MySqlRetryingExecutionStrategy'. See the inner exception for the most recent failure.\","
            + "\"type\":\"Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException\","
            + "\"stack\":\"   at Microsoft.EntityFrameworkCore.Storage.ExecutionStrategy.ExecuteImplementationAsync[TState,TResult](\\u2026)\","
            + "\"hresult\":-2146233088},\"status\":1,\"statusCode\":500}";

    /** The page nginx shows for a 5xx of its own. */
    static String proxyPage(int status, String reason) {
        String title = status + " " + reason;
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    /** The envelope around a status, or without {@code response} when nothing runs. */
    static String envelope(String statusText, String href) {
        StringBuilder out = new StringBuilder(statusText == null ? 160 : statusText.length() + 160);
        out.append('{');
        if (statusText != null) {
            out.append("\"response\":").append(statusText).append(',');
        }
        out.append("\"count\":").append(statusText == null ? 0 : 1)
                .append(",\"links\":[{\"href\":").append(ServerJson.string(href)).append(",\"action\":\"GET\"}]")
                .append(",\"status\":0,\"statusCode\":200}");
        return out.toString();
    }
}
