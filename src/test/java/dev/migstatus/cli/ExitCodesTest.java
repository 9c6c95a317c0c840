package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every exit code, caused by the server answer (or user action) that causes it in real life. Long
 * because it is the one list of them all, a short test each, read top to bottom like the README's table.
 */
class ExitCodesTest {

    private static final String KEY = "session-token-0123456789";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    private Result watch(String... extra) {
        return watch(new CliRun(), extra);
    }

    private Result watch(CliRun run, String... extra) {
        return run.watch(portal, KEY, extra);
    }

    @Test
    void cleanMigrationExitsZero() {
        portal.statusSequence(json(Fixtures.running("migration", 40)), fixture("migration-completed-clean"));
        Result r = watch();
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Migration completed: 2 users imported, 0 failed"), r.out());
    }

    @Test
    void completedParseThatFoundUsersExitsZeroInCompletedMode() {
        portal.status(fixture("parse-completed"));
        Result r = watch();
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Parse finished: 3 users ready; select users in DocSpace to start the migration"), r.out());
    }

    @Test
    void failedUsersAndErrorsExitOne() {
        portal.status(fixture("migration-completed-with-failures"));
        Result r = watch();
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("Migration completed: 2 users imported, 1 failed, 2 errors"), r.out());
        assertTrue(r.out().contains("bad.user@example.com - Couldn't import user"), r.out());
    }

    @Test
    void parseThatFoundNobodyIsNotClean() {
        portal.status(fixture("parse-completed-no-users"));
        Result r = watch();
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("Parse finished but found no users"), r.out());
    }

    @Test
    void badOptionValueExitsTwoNamingTheOption() {
        Result r = watch("--interval", "soon");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--interval"), r.err());
        assertTrue(r.err().contains("'soon' is not a duration"), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(portal.statusRequests().isEmpty(), "nothing is sent on a usage error");
    }

    @Test
    void fatalParseErrorExitsThree() {
        portal.status(fixture("parse-failed"));
        Result r = watch();
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.out().contains("Parse failed: Couldn't parse nextcloud-backup archive, 1 archive failed"), r.out());
        assertTrue(r.out().contains("nextcloud-backup.zip"), r.out());
    }

    @Test
    void failureWithoutMigratorNameExitsThree() {
        portal.status(fixture("unknown-migrator-failed"));
        Result r = watch();
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.out().contains("Migration failed: Object reference not set to an instance of an object."), r.out());
    }

    @Test
    void envelopeWithoutResponseIsAskedThriceThenExitsFour() {
        portal.status(fixture("no-migration"));
        Result r = watch();
        assertEquals(4, r.exitCode(), r.all());
        assertEquals(3, portal.statusRequests().size(), "the empty answer is re-checked twice");
        assertTrue(r.out().contains("No migration is running on 127.0.0.1:" + portal.port()
                + "; to wait for one to start and finish, use --until migrated"), r.out());
    }

    @Test
    void noMigrationSuggestsWaitingOnlyWhereWaitingWouldHaveHelped() {
        portal.status(fixture("no-migration"));
        assertFalse(watch("--once").all().contains("--until migrated"), "--once asks about now");
        Result vanished = watch("--until", "migrated", "--timeout", "1m");
        assertFalse(vanished.all().contains("use --until migrated"), "it already waits: " + vanished.all());
    }

    @Test
    void emptyAnswerRightAfterStartIsNotBelieved() {
        portal.statusSequence(fixture("no-migration"), fixture("parse-queued"), fixture("parse-completed"));
        Result r = watch();
        assertEquals(0, r.exitCode(), r.all());
    }

    @Test
    void unauthorizedWithEmptyBodyExitsFive() {
        portal.status(aResponse().withStatus(401));
        Result r = watch();
        assertEquals(5, r.exitCode(), r.all());
        assertEquals("migstatus: 401 Unauthorized: the key was rejected by 127.0.0.1:" + portal.port() + "; check --key",
                r.err().strip());
        assertFalse(r.all().contains(KEY));
    }

    @Test
    void unauthorizedEnvelopeExitsFive() {
        portal.status(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.body("error-401-legacy")));
        Result r = watch();
        assertEquals(5, r.exitCode(), r.all());
        assertTrue(r.err().contains("User authentication failed"), r.err());
    }

    @Test
    void forbiddenShowsTheServerMessageNotTheStackTrace() {
        portal.status(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.body("error-403-not-admin")));
        Result r = watch();
        assertEquals(6, r.exitCode(), r.all());
        assertTrue(r.err().contains("403 Forbidden: Access denied"), r.err());
        assertTrue(r.err().contains("DocSpace admin"), r.err());
        assertFalse(r.all().contains("MigrationController"), "no .NET stack trace: " + r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void forbiddenWithEmptyBodyExitsSix() {
        portal.status(aResponse().withStatus(403));
        assertEquals(6, watch().exitCode());
    }

    @Test
    void refusedConnectionExitsSevenWithoutRetriesWhenAskedTo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Result r = new CliRun().run("--host", "http://127.0.0.1:" + closedPort, "--key", KEY, "--retry-for", "0");
        assertEquals(7, r.exitCode(), r.all());
        assertTrue(r.err().contains("unreachable (connection refused)"), r.err());
        assertTrue(r.err().contains("check --host"), r.err());
    }

    @Test
    void badGatewayPageExitsSevenWhenRetriesRunOut() {
        portal.status(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>"));
        Result r = watch("--retry-for", "0");
        assertEquals(7, r.exitCode(), r.all());
        assertTrue(r.err().contains("502 Bad Gateway from 127.0.0.1"), r.err());
        assertFalse(r.err().contains("<html>"), r.err());
    }

    @Test
    void htmlPageInsteadOfJsonExitsEight() {
        portal.status(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<!DOCTYPE html><html>Sign in</html>"));
        Result r = watch();
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("answered with an HTML page"), r.err());
    }

    @Test
    void notFoundExitsEightAndPointsAtTheHost() {
        portal.status(aResponse().withStatus(404));
        Result r = watch();
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("404 Not Found: http://127.0.0.1:" + portal.port() + "/api/2.0/migration/status"), r.err());
        assertTrue(r.err().contains("check --host and its path prefix"), r.err());
    }

    @Test
    void jsonThatIsNotAnEnvelopeExitsEight() {
        portal.status(json("{\"hello\":\"world\"}"));
        Result r = watch();
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("not a DocSpace API answer"), r.err());
    }

    @Test
    void aResponseOfTheWrongTypeIsNotNoMigration() {
        portal.status(json("{\"status\":0,\"statusCode\":200,\"response\":\"hello\"}"));
        Result r = watch("--once");
        assertEquals(8, r.exitCode(), r.all());
    }

    @Test
    void aSuspendedPortalSaysSoOnce() {
        portal.status(aResponse().withStatus(402).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Payment Required\",\"detail\":\"The portal is suspended\",\"status\":402}"));
        Result r = watch();
        assertEquals(6, r.exitCode(), r.all());
        assertTrue(r.err().contains("402 Payment Required: The portal is suspended (127.0.0.1:"), r.err());
        assertFalse(r.err().contains("Payment Required: Payment Required"), r.err());
        assertTrue(r.err().contains("the portal seems suspended or unpaid"), r.err());
        assertFalse(r.err().contains("DocSpace admin"), r.err());
    }

    @Test
    void garbledJsonIsDescribedWithoutGsonsAdviceToProgrammers() {
        portal.status(json("{\"response\":{\"progress\":1,}}"));
        Result r = watch("--retry-for", "0");
        assertEquals(8, r.exitCode(), r.all());
        assertFalse(r.err().contains("setStrictness"), r.err());
        assertFalse(r.err().contains("https://github.com"), r.err());
        assertTrue(r.err().contains("sent a garbled or cut-off answer (Expected name at line 1"), r.err());
    }

    @Test
    void textThatIsNotJsonExitsEight() {
        portal.status(aResponse().withStatus(200).withBody("OK"));
        assertEquals(8, watch().exitCode());
    }

    @Test
    void onceWhileRunningExitsNine() {
        portal.status(fixture("parse-running"));
        Result r = watch("--once");
        assertEquals(9, r.exitCode(), r.all());
        assertEquals(1, portal.statusRequests().size());
        assertTrue(r.out().contains("Still parsing: 27%"), r.out());
        assertFalse(r.out().contains("[00:00]"), "the one poll is said once, by the sentence: " + r.out());
    }

    @Test
    void quietOnceInALoopIsSilentUnlessSomethingIsWrong() {
        portal.status(fixture("parse-running"));
        Result running = watch("-q", "--once");
        assertEquals(9, running.exitCode());
        assertEquals("", running.all(), "exit 9 says it all");
        portal.status(fixture("no-migration"));
        Result nothing = watch("-q", "--once");
        assertEquals(4, nothing.exitCode());
        assertEquals("", nothing.all());
        portal.status(fixture("migration-completed-with-failures"));
        Result failures = watch("-q", "--once");
        assertEquals(1, failures.exitCode());
        assertTrue(failures.err().startsWith("migstatus: Migration completed: 2 users imported, 1 failed"), failures.err());
    }

    @Test
    void onceWithNothingRunningExitsFourAfterOneRequest() {
        portal.status(fixture("no-migration"));
        assertEquals(4, watch("--once").exitCode());
        assertEquals(1, portal.statusRequests().size());
    }

    @Test
    void aBugExitsSeventyWithOneLineAndNoStackTrace() {
        portal.status(fixture("parse-running"));
        CliRun run = new CliRun().onSleep(d -> {
            throw new IllegalStateException("boom");
        });
        Result r = watch(run);
        assertEquals(70, r.exitCode(), r.all());
        assertEquals("migstatus: internal error: IllegalStateException: boom; this is a bug in migstatus,"
                + " rerun with MIGSTATUS_DEBUG=1 for the stack trace and report it", r.err().strip());
    }

    @Test
    void aBugShowsTheStackTraceWhenDebugging() {
        portal.status(fixture("parse-running"));
        CliRun run = new CliRun().env("MIGSTATUS_DEBUG", "1").onSleep(d -> {
            throw new IllegalStateException("boom");
        });
        Result r = watch(run);
        assertEquals(70, r.exitCode());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void aMigrationThatStopsMovingExitsTenWithFailOnStall() {
        portal.status(fixture("migration-running"));
        Result r = watch("--fail-on-stall", "--stall-after", "20m", "--interval", "1m");
        assertEquals(10, r.exitCode(), r.all());
        assertTrue(r.err().contains("Stalled: no progress for 20m (migrating at 15%); the migration keeps running on the server"), r.err());
        assertEquals(21, portal.statusRequests().size(), "the first answer, then twenty minutes of the same");
    }

    @Test
    void timeoutExitsOneTwentyFourAndSaysTheMigrationGoesOn() {
        portal.status(fixture("migration-running"));
        CliRun run = new CliRun();
        Result r = watch(run, "--timeout", "30m", "--interval", "5s");
        assertEquals(124, r.exitCode(), r.all());
        assertTrue(r.err().contains("Timed out after 30m; last seen: migrating at 15%; the migration keeps running on the server"), r.err());
        assertEquals(360, portal.statusRequests().size(), "one poll per interval over 30 minutes");
        assertEquals(Duration.ofMinutes(30), r.sleeps().stream().reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void ctrlCExitsOneThirtyWithTheLastKnownState() {
        portal.status(fixture("migration-running"));
        CliRun run = new CliRun();
        run.onSleep(d -> run.cancellation().cancel());
        Result r = watch(run);
        assertEquals(130, r.exitCode(), r.all());
        assertTrue(r.err().contains("Stopped; last seen: migrating at 15%; the migration keeps running on the server"), r.err());
        assertEquals(1, portal.statusRequests().size());
    }
}
