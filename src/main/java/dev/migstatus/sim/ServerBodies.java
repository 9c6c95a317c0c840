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

    /** {@code GET logs} while nothing runs. */
    static final String NO_LOGS = "{\"error\":{\"message\":\"No migration is in progress\",\"type\":\"ASC.Common.Web.ItemNotFoundException\","
            + "\"stack\":\"   at ASC.Api.Migration.MigrationController.GetMigrationLogs()\\u2026\","
            + "\"hresult\":-2146233088},\"status\":1,\"statusCode\":404}";

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
