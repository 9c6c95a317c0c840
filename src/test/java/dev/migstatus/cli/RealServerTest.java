package dev.migstatus.cli;

import dev.migstatus.sim.BuiltInScenario;
import dev.migstatus.sim.Scenario;
import dev.migstatus.sim.ScenarioReader;
import dev.migstatus.sim.SimulatedPortal;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corners of the real DocSpace server that a reading of its source turned up (README, "How it
 * reads the server"): each test is one answer the server really gives, on WireMock or rehearsed on
 * the simulated portal.
 */
class RealServerTest {

    private static final String KEY = "sk-real-0123456789abcdef";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    /** An error answer in DocSpace's envelope, as its exception handler writes it. */
    private static ResponseDefinitionBuilder envelope(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(Fixtures.body(fixture));
    }

    private String host() {
        return "127.0.0.1:" + portal.port();
    }

    private int logRequests() {
        return portal.server().findAll(getRequestedFor(urlPathEqualTo(Portal.LOGS))).size();
    }

    /** A status object whose operation published an error but never {@code isCompleted}. */
    private static String errorWithoutCompletion(String operation, double progress, String error) {
        return Fixtures.envelope("{\"progress\":" + progress + ",\"error\":\"" + error + "\",\"parseResult\":{\"migratorName\":\"Nextcloud\","
                + "\"operation\":\"" + operation + "\",\"failedArchives\":[],\"users\":[],\"withoutEmailUsers\":[],\"existUsers\":[],"
                + "\"groups\":[],\"successedUsers\":3,\"failedUsers\":0,\"errors\":[]},\"isCompleted\":false}");
    }

    // --- an error without isCompleted --------------------------------------------------------

    @Test
    void aLateErrorWithoutIsCompletedEndsTheWatchAsFailed() {
        portal.statusSequence(json(Fixtures.running("migration", 40)),
                json(errorWithoutCompletion("migration", 100, "One or more errors occurred. (Access Denied)")));
        Result r = new CliRun().watch(portal, KEY, "--until", "migrated", "--timeout", "1h");
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.out().contains("Migration failed: One or more errors occurred. (Access Denied)"), r.out());
        assertEquals(2, portal.statusRequests().size(), "it ended at the error, not at --timeout");
    }

    @Test
    void aCancelledParseWithAnErrorIsFailedOnceToo() {
        portal.status(json(errorWithoutCompletion("parse", 27.5, "The operation was canceled.")));
        Result r = new CliRun().watch(portal, KEY, "--once");
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.out().contains("Parse failed: The operation was canceled."), r.out());
    }

    // --- logs while an operation runs ----------------------------------------------------------

    @Test
    void logsWhileAParseRunsSayTheLogIsWrittenWhenItEndsAndExitNine() {
        portal.logs(envelope(404, "logs-404-file-not-found")).status(fixture("parse-running"));
        Result r = new CliRun().logs(portal, KEY);
        assertEquals(9, r.exitCode(), r.all());
        assertEquals("migstatus: No log yet: the parse on " + host() + " is still running (parsing at 27%),"
                + " and DocSpace writes its log when it ends\n", r.err());
        assertEquals("", r.out());
        assertEquals(1, logRequests(), "nothing to retry");
    }

    @Test
    void logsWhileAMigrationRunsOnAServerBefore321AreA500ThatTheStatusExplains() {
        portal.logs(envelope(500, "logs-500-file-not-found")).status(fixture("migration-running"));
        Result r = new CliRun().logs(portal, KEY);
        assertEquals(9, r.exitCode(), r.all());
        assertTrue(r.err().contains("the migration on " + host() + " is still running (migrating at 15%)"), r.err());
        assertTrue(r.sleeps().isEmpty(), "not retried: " + r.sleeps());
    }

    @Test
    void logsWithNoTaskOnAServerBefore371AreA500InTheTenantsLanguage() {
        portal.logs(envelope(500, "logs-500-no-migration-de")).status(fixture("no-migration"));
        Result r = new CliRun().logs(portal, KEY);
        assertEquals(4, r.exitCode(), r.all());
        assertTrue(r.err().contains("No migration is running on " + host() + ", so there is no log"), r.err());
    }

    @Test
    void aMissingLogOfAnOperationThatEndedIsNotCalledTheWrongAddress() {
        portal.logs(envelope(404, "logs-404-file-not-found")).status(fixture("parse-completed"));
        Result r = new CliRun().logs(portal, KEY);
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("File not found; " + host() + " keeps no log of its last operation"), r.err());
        assertFalse(r.err().contains("check --host"), r.err());
    }

    /** After a timeout the log is not asked for (TimeoutWinsTest); after Ctrl-C it is, and its 404 is explained by the status. */
    @Test
    void saveLogAfterCtrlCDuringAParseSaysWhyThereIsNoLog(@TempDir Path dir) {
        portal.logs(envelope(404, "logs-404-file-not-found")).status(fixture("parse-running"));
        Path file = dir.resolve("migration.log");
        CliRun run = new CliRun();
        run.onSleep(slept -> run.cancellation().cancel());
        Result r = run.watch(portal, KEY, "--save-log", file.toString());
        assertEquals(130, r.exitCode(), r.all());
        assertEquals(1, logRequests(), "the log was asked for");
        assertEquals(2, portal.statusRequests().size(), "and the status once more, to read its 404");
        assertTrue(r.err().contains("--save-log: No log yet: the parse on " + host() + " is still running"), r.err());
        assertFalse(r.err().contains("runs no migration"), r.err());
        assertFalse(Files.exists(file));
    }

    // --- a 500 on status ------------------------------------------------------------------------

    @Test
    void a500EnvelopeOnStatusIsRiddenOutLikeA503() {
        portal.statusSequence(fixture("migration-running"), envelope(500, "error-500-database"),
                envelope(500, "error-500-database"), fixture("migration-completed-clean"));
        Result r = new CliRun().watch(portal, KEY);
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().contains("500 Internal Server Error from " + host() + ": The maximum number of retries (15)"
                + " was exceeded"), r.err());
        assertTrue(r.err().contains("answers again"), r.err());
    }

    @Test
    void a500EnvelopeThatPersistsIsReportedWithItsMessageWhenTheRetriesRunOut() {
        portal.status(envelope(500, "error-500-database"));
        Result r = new CliRun().watch(portal, KEY, "--retry-for", "1m");
        assertEquals(7, r.exitCode(), r.all());
        assertTrue(portal.statusRequests().size() > 2, "retried: " + portal.statusRequests().size());
        assertTrue(r.err().contains("migstatus: 500 Internal Server Error from " + host() + ": The maximum number of retries"), r.err());
        assertTrue(r.err().contains("try again later"), r.err());
        assertFalse(r.err().contains("RetryLimitExceededException"), "no .NET type or stack: " + r.err());
    }

    // --- a migration's lists ---------------------------------------------------------------

    /** Migrator.MigrateAsync merges withoutEmailUsers and existUsers into users, and the status still lists them where they were. */
    @Test
    void aMigrationsMergedUsersAreListedOnce() {
        String guest = "{\"key\":\"guest42\",\"email\":\"guest.account@example.com\",\"displayName\":\"Guest Account\",\"userType\":\"Guest\"}";
        String old = "{\"key\":\"old\",\"email\":\"old.hand@example.com\",\"displayName\":\"Old Hand\",\"userType\":\"User\"}";
        String skipped = "{\"key\":\"skipped\",\"displayName\":\"Not Selected\",\"userType\":\"User\"}";
        portal.status(json(Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":{"
                + "\"migratorName\":\"Nextcloud\",\"operation\":\"migration\",\"users\":[{\"key\":\"jdoe\","
                + "\"email\":\"john.doe@example.com\",\"displayName\":\"John Doe\",\"userType\":\"RoomAdmin\"}," + guest + "," + old + "],"
                + "\"withoutEmailUsers\":[" + guest + "," + skipped + "],\"existUsers\":[" + old + "],\"groups\":[],"
                + "\"successedUsers\":2,\"failedUsers\":0,\"errors\":[]}}")));
        Result r = new CliRun().columns(120).watch(portal, KEY);
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Users (3)"), r.out());
        assertEquals(1, r.out().split("Guest Account", -1).length - 1, "listed once: " + r.out());
        assertTrue(r.out().contains("Users without e-mail (1)") && r.out().contains("Not Selected"), "the one not merged stays: " + r.out());
        assertFalse(r.out().contains("Existing users"), r.out());
    }

    // --- DocSpace 2.0 ------------------------------------------------------------------------

    /** DocSpace 2.0's status: no error, no isCompleted; parseResult once the parse is done, users without userType. */
    @Test
    void docSpace20sStatusIsRefusedAtTheFirstAnswerNamingTheVersion() {
        portal.statusSequence(json("{\"response\":{\"progress\":30,\"progressStatus\":\"Unzipping completed...\","
                        + "\"migrationEnded\":false},\"count\":1,\"links\":[],\"status\":0,\"statusCode\":200}"),
                json("{\"response\":{\"progress\":100,\"progressStatus\":\"Data processing completed\",\"parseResult\":"
                        + "{\"users\":[{\"key\":\"jdoe\",\"email\":\"john.doe@example.com\",\"displayName\":\"John Doe\"}],"
                        + "\"migratorName\":\"NextcloudMigrate\",\"modules\":[],\"failedArchives\":[],\"groups\":[]},"
                        + "\"migrationEnded\":false},\"count\":1,\"links\":[],\"status\":0,\"statusCode\":200}"));
        Result r = new CliRun().watch(portal, KEY, "--until", "migrated", "--timeout", "1h");
        assertEquals(8, r.exitCode(), r.all());
        assertEquals(1, portal.statusRequests().size(), "refused at the first answer");
        assertEquals("migstatus: " + host() + " answered with a status in the shape of DocSpace 2.0, whose migrations migstatus"
                + " cannot follow; it needs DocSpace 2.5 or later\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"progress\":30,\"progressStatus\":\"Unzipping...\",\"migrationEnded\":false}", "\"OwncloudMigrate\""})
    void docSpace20IsRefusedByTheStreamingJsonReportToo(String response) {
        portal.status(json("{\"response\":" + response + ",\"count\":1,\"links\":[],\"status\":0,\"statusCode\":200}"));
        Result r = new CliRun().watch(portal, KEY, "--once", "-o", "json");
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.out().contains("in the shape of DocSpace 2.0"), r.out());
    }

    @Test
    void docSpace20sCancelledStatusIsTheMigratorsNameAndIsRefusedToo() {
        portal.status(json("{\"response\":\"NextcloudMigrate\",\"count\":1,\"links\":[],\"status\":0,\"statusCode\":200}"));
        Result r = new CliRun().watch(portal, KEY);
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("DocSpace 2.0"), r.err());
    }

    /** DocSpace 2.0 ships the migration code but serves none of it: the status is a plain 404. */
    @Test
    void aPlain404OnStatusMentionsThatOldDocSpaceHasNoMigrationApi() {
        portal.status(aResponse().withStatus(404));
        Result r = new CliRun().watch(portal, KEY);
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("check --host and its path prefix (DocSpace before 2.5 has no migration API)"), r.err());
    }

    // --- the same, rehearsed on the simulated portal ------------------------------------------

    private static Result logsOfSimulated(Scenario scenario) throws Exception {
        CliRun run = new CliRun();
        try (SimulatedPortal sim = SimulatedPortal.start(scenario, SimulatedPortal.Settings.loopback(KEY), run.clock(),
                SimulatedPortal.RequestLog.NONE)) {
            return run.run("logs", "--host", sim.url().toString(), "--key", KEY);
        }
    }

    private static Scenario scenario(String json) throws Exception {
        return ScenarioReader.read(new StringReader(json));
    }

    @Test
    void theSimulatorRehearsesLogsWhileAnOperationRuns() throws Exception {
        Result r = logsOfSimulated(BuiltInScenario.FATAL.load());
        assertEquals(9, r.exitCode(), r.all());
        assertTrue(r.err().contains("No log yet: the operation on 127.0.0.1:"), r.err());
    }

    @ParameterizedTest
    @CsvSource({"3.6, 0s, 4", "3.1, 0s, 4", "3.1, 0s+running, 9", "3.7.2, 0s+running, 9"})
    void theSimulatorRehearsesOlderServersLogs(String server, String frames, int expected) throws Exception {
        String first = frames.endsWith("+running")
                ? "{\"at\": \"0s\", \"status\": {\"progress\": 30, \"error\": \"\", \"isCompleted\": false,"
                        + " \"parseResult\": {\"migratorName\": \"Nextcloud\", \"operation\": \"migration\"}}}"
                : "{\"at\": \"0s\", \"noMigration\": true}";
        Result r = logsOfSimulated(scenario("{\"server\": \"" + server + "\", \"frames\": [" + first + "]}"));
        assertEquals(expected, r.exitCode(), r.all());
    }
}
