package dev.migstatus.outcome;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.Connection;
import dev.migstatus.docspace.ForbiddenException;
import dev.migstatus.docspace.NotFoundException;
import dev.migstatus.docspace.ProtocolException;
import dev.migstatus.docspace.UnauthorizedException;
import dev.migstatus.docspace.UnavailableException;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.watch.Until;
import dev.migstatus.watch.WatchResult;
import dev.migstatus.watch.WatchSettings;

import java.util.List;

/**
 * How a run ended: the exit code and the one line that says it, with what to do when it is an error.
 *
 * @param isError whether the line belongs on stderr as an error rather than on stdout as a result
 */
public record Outcome(ExitCode code, String message, boolean isError) {

    /** @param settings how it was watched: asked once, finding it over is the point, not news */
    public static Outcome of(WatchResult result, FailurePolicy policy, Connection connection, WatchSettings settings) {
        MigrationStatus last = result.lastStatus();
        boolean once = settings.once();
        return switch (result.ending()) {
            case COMPLETED -> completed(last, policy, !result.sawItRun() && !once);
            case NO_MIGRATION -> new Outcome(ExitCode.NO_MIGRATION, Summary.noMigration(connection.portal().authority(), last,
                    !once && settings.until() == Until.COMPLETED), false);
            case RUNNING -> new Outcome(ExitCode.RUNNING, Summary.running(last), false);
            case STALLED -> new Outcome(ExitCode.STALLED, Summary.stalled(result.stalledFor(), last), true);
            case TIMED_OUT -> new Outcome(ExitCode.TIMEOUT, Summary.timedOut(result), true);
            case INTERRUPTED -> new Outcome(ExitCode.INTERRUPTED, Summary.stoppedEarly("Stopped", result), true);
            case REQUEST_FAILED -> ofError(result.error(), connection);
        };
    }

    /**
     * @param alreadyOver the first answer showed it ended: the server keeps a finished operation for
     *                    a day, so the user should know this may not be the run they just started
     */
    private static Outcome completed(MigrationStatus status, FailurePolicy policy, boolean alreadyOver) {
        ExitCode code = policy.judge(status);
        List<String> tolerated = status.failed() ? List.of() : policy.tolerated(status);
        String let = tolerated.isEmpty() ? "" : "; tolerated: " + String.join(", ", tolerated);
        String note = alreadyOver ? " (it had already ended when the watch started)" : "";
        return new Outcome(code, Summary.completed(status) + let + note, false);
    }

    public static Outcome ofError(ApiException e, Connection connection) {
        String host = connection.portal().authority();
        String message = e.getMessage();
        if (e instanceof UnauthorizedException) {
            return error(ExitCode.UNAUTHORIZED, message + "; check " + connection.keySource());
        }
        if (e instanceof ForbiddenException forbidden) {
            return error(ExitCode.FORBIDDEN, message + (forbidden.portalSuspended()
                    ? "; the portal seems suspended or unpaid: check it in DocSpace's web UI"
                    : "; the key must belong to a DocSpace admin (an API key also needs access to migrations)"));
        }
        if (e instanceof NotFoundException) {
            // DocSpace before 2.5 serves no migration API at all, so a 404 is also what it answers.
            return error(ExitCode.PROTOCOL_ERROR, message + "; is " + host + " a DocSpace portal? check --host and its path prefix"
                    + " (DocSpace before 2.5 has no migration API)");
        }
        if (e instanceof ProtocolException p) {
            String hint = switch (p.reason()) {
                case NOT_DOCSPACE -> "; check that --host is the DocSpace portal's address";
                case GARBLED -> "; a proxy may be cutting answers short, try again later";
                case TOO_LARGE -> "; raise --max-response-size if that is expected";
                case OLD_SERVER -> "; it needs DocSpace 2.5 or later";
                case WRONG_TYPE -> "; migstatus reads no meaning into a value of the wrong type, so it cannot say how the migration went";
                case REDIRECT -> "";
            };
            return error(ExitCode.PROTOCOL_ERROR, message + hint);
        }
        UnavailableException u = (UnavailableException) e;
        String hint = switch (u.reason()) {
            case NETWORK -> "; check --host and that the portal is up";
            case UNKNOWN_HOST -> "; check --host";
            case TIMEOUT -> "; the portal or the network is slow, try again later";
            case TLS -> "; if the portal uses a private CA, pass it with --cacert FILE";
            case TLS_NAME -> "; give --host a name the certificate is for, or have it reissued for this one"
                    + " (--cacert cannot change a certificate's name)";
            case TLS_EXPIRED -> "; the certificate must be renewed on the server (--cacert cannot change its dates)";
            case TLS_NOT_YET_VALID -> "; check this machine's clock, or the certificate's start date on the server";
            case PLAIN_HTTP -> "; it answers plain http there: use --host http://" + host + " if that is really the portal";
            case SERVER -> "; the portal or a proxy in front of it is failing, try again later";
            case PORTAL_ERROR -> "; DocSpace could not reach its database or cache, as a rule: try again later";
            case RATE_LIMITED -> "; the portal limits requests, use a longer --interval";
            case INTERRUPTED -> "";
        };
        return error(ExitCode.UNAVAILABLE, message + hint);
    }

    private static Outcome error(ExitCode code, String message) {
        return new Outcome(code, message, true);
    }
}
