package dev.migstatus.cli;

import dev.migstatus.outcome.ExitCode;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;
import dev.migstatus.testing.Schemas;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What scripts and CI jobs rely on: events, the failure policy, logs, JUnit, GitHub Actions,
 * completion. Long, in one section for each of them.
 */
class ScriptsAndCiTest {

    private static final String KEY = "sk-ci-0123456789abcdef";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    private Result watch(CliRun run, String... extra) {
        return run.watch(portal, KEY, extra);
    }

    private Result logs(CliRun run, String... extra) {
        return run.logs(portal, KEY, extra);
    }

    private static List<JsonObject> events(Result r) {
        return r.out().lines().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
    }

    // --- -o ndjson -------------------------------------------------------------------------

    @Test
    void ndjsonIsOneEventPerLineEndingWithDone() {
        portal.statusSequence(fixture("parse-queued"), fixture("parse-running"), aResponse().withStatus(503),
                fixture("parse-completed"), Portal.json(Fixtures.running("migration", 0)), fixture("migration-running"),
                fixture("migration-completed-with-failures"));
        Result r = watch(new CliRun(), "-o", "ndjson", "--until", "migrated");
        assertEquals(1, r.exitCode(), r.all());
        List<JsonObject> events = events(r);
        List<String> names = events.stream().map(e -> e.get("event").getAsString()).toList();
        assertEquals("start", names.get(0));
        assertEquals("done", names.get(names.size() - 1));
        assertTrue(names.contains("phase") && names.contains("progress") && names.contains("retry") && names.contains("recovered"), names.toString());
        assertTrue(events.stream().allMatch(e -> e.has("time") && e.get("time").getAsString().startsWith("2026-11-27T08:")));
        assertTrue(events.stream().allMatch(e -> e.get("time").getAsString().matches("2026-11-27T08:\\d\\d:\\d\\d\\.\\d{3}Z")),
                "UTC to the millisecond, never nanoseconds: " + events);
        JsonObject toMigrating = events.stream().filter(e -> e.get("event").getAsString().equals("phase")
                && e.get("to").getAsString().equals("migrating")).findFirst().orElseThrow();
        assertEquals("parse_finished", toMigrating.get("from").getAsString());
        JsonObject done = events.get(events.size() - 1);
        assertEquals(1, done.get("exitCode").getAsInt());
        assertEquals("completed_with_failures", done.get("outcome").getAsString());
        assertEquals(1, done.getAsJsonObject("status").getAsJsonObject("parseResult").get("failedUsers").getAsInt());
    }

    @Test
    void ndjsonDoneCarriesWhatJsonCarries() {
        portal.status(fixture("migration-completed-with-failures"));
        JsonObject json = JsonParser.parseString(watch(new CliRun(), "-o", "json").out()).getAsJsonObject();
        List<JsonObject> events = events(watch(new CliRun(), "-o", "ndjson"));
        JsonObject done = events.get(events.size() - 1).deepCopy();
        done.remove("event");
        done.remove("time");
        assertEquals(json, done);
    }

    @Test
    void ndjsonUsageErrorIsADoneLine() {
        List<JsonObject> events = events(watch(new CliRun(), "-o", "ndjson", "--interval", "1ms"));
        assertEquals(1, events.size());
        assertEquals("done", events.get(0).get("event").getAsString());
        assertEquals(2, events.get(0).get("exitCode").getAsInt());
    }

    // --- JSON Schema -----------------------------------------------------------------------

    @Test
    void realOutputMatchesTheDocumentedSchemas() throws IOException {
        Schema report = Schemas.of("report.schema.json");
        Schema event = Schemas.of("event.schema.json");
        List<Runnable> setups = List.of(
                () -> portal.status(fixture("migration-completed-with-failures")),
                () -> portal.status(fixture("names-hostile")),
                () -> portal.status(fixture("parse-queued")),
                () -> portal.status(fixture("no-migration")),
                () -> portal.status(aResponse().withStatus(401)),
                () -> portal.statusSequence(aResponse().withStatus(503), fixture("parse-running"), fixture("parse-completed")),
                () -> portal.statusSequence(plateauThenDone()));
        int validated = 0;
        Set<String> kinds = new TreeSet<>();
        for (Runnable setup : setups) {
            portal.server().resetAll();
            setup.run();
            for (String[] extra : List.of(new String[] {"-o", "json", "--timeout", "1m"}, new String[] {"-o", "json", "--once"})) {
                Result r = watch(new CliRun(), extra);
                assertEquals(List.of(), report.validate(r.out(), InputFormat.JSON), r.out());
                validated++;
            }
            portal.server().resetScenarios();
            Result stream = watch(new CliRun(), "-o", "ndjson", "--timeout", "1m", "--stall-after", "20s");
            for (String line : stream.out().lines().toList()) {
                assertEquals(List.of(), event.validate(line, InputFormat.JSON), line);
                kinds.add(JsonParser.parseString(line).getAsJsonObject().get("event").getAsString());
                validated++;
            }
        }
        assertEquals(List.of(), report.validate(watch(new CliRun(), "-o", "json", "--bogus").out(), InputFormat.JSON));
        assertTrue(validated > 20, validated + " documents");
        assertEquals(Set.of("start", "phase", "progress", "retry", "recovered", "stalled", "resumed", "done"), kinds,
                "every kind of event was checked");
    }

    /** Thirty seconds at 45 % (a stall after 20 s), then 46 % (moving again), then done. */
    private static ResponseDefinitionBuilder[] plateauThenDone() {
        List<ResponseDefinitionBuilder> answers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            answers.add(json(Fixtures.running("migration", 45)));
        }
        answers.add(json(Fixtures.running("migration", 46)));
        answers.add(fixture("migration-completed-clean"));
        return answers.toArray(ResponseDefinitionBuilder[]::new);
    }

    @Test
    void everyExitCodeIsInTheReportSchema() throws IOException {
        Schema report = Schemas.of("report.schema.json");
        for (ExitCode code : ExitCode.values()) {
            String document = "{\"schemaVersion\":1,\"host\":null,\"outcome\":\"" + code.outcome() + "\",\"exitCode\":" + code.code()
                    + ",\"elapsedSeconds\":1,\"message\":null,\"status\":null}";
            assertEquals(List.of(), report.validate(document, InputFormat.JSON), code.toString());
        }
    }

    @Test
    void theSchemaRejectsWhatItShould() throws IOException {
        assertFalse(Schemas.of("report.schema.json").validate("{\"schemaVersion\":1,\"host\":null,\"outcome\":\"fine\",\"exitCode\":0,"
                + "\"elapsedSeconds\":1,\"message\":null,\"status\":null}", InputFormat.JSON).isEmpty(), "unknown outcome");
        assertFalse(Schemas.of("event.schema.json").validate("{\"event\":\"retry\",\"time\":\"2026-11-27T08:00:00Z\",\"schemaVersion\":1}",
                InputFormat.JSON).isEmpty(), "a retry without its members");
    }

    // --- failure policy --------------------------------------------------------------------

    @ParameterizedTest(name = "failedUsers={0} errors={1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "0 | 0 |                                       | 0",
        "1 | 0 |                                       | 1",
        "1 | 0 | --max-failed-users=1                  | 0",
        "3 | 0 | --max-failed-users=1                  | 1",
        "3 | 0 | --max-failed-users=3                  | 0",
        "0 | 2 |                                       | 1",
        "0 | 2 | --allow-errors                        | 0",
        "1 | 2 | --allow-errors                        | 1",
        "1 | 2 | --max-failed-users=1                  | 1",
        "1 | 2 | --max-failed-users=1 --allow-errors   | 0",
        "3 | 2 | --max-failed-users=2 --allow-errors   | 1",
    })
    void theFailurePolicyDecidesTheExitCode(int failedUsers, int errors, String flags, int expected) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < errors; i++) {
            list.append(i == 0 ? "" : ",").append("\"item ").append(i).append(" - Couldn't import\"");
        }
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":"
                + "{\"operation\":\"migration\",\"successedUsers\":5,\"failedUsers\":" + failedUsers + ",\"errors\":[" + list + "]}}")));
        List<String> extra = flags == null ? List.of() : List.of(flags.split(" "));
        Result r = watch(new CliRun(), extra.toArray(String[]::new));
        assertEquals(expected, r.exitCode(), r.all());
    }

    /** Users stay listed after a migration that imported only groups or files: DocSpace keeps those already in the portal. */
    @ParameterizedTest
    @CsvSource({"'', 0, 'Migration completed: no users were selected, so none were imported'",
            "'\"Couldn''t import common files\"', 1, 'Migration completed: no users were selected, so none were imported, 1 error'"})
    void aMigrationWithNoUserSelectedFailsOnlyOnErrors(String errors, int expected, String summary) {
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":"
                + "{\"operation\":\"migration\",\"successedUsers\":0,\"failedUsers\":0,\"users\":[{\"key\":\"a\"}],"
                + "\"groups\":[{\"groupName\":\"Sales\"}],\"errors\":[" + errors + "]}}")));
        Result r = watch(new CliRun());
        assertEquals(expected, r.exitCode(), r.all());
        assertTrue(r.out().contains(summary), r.out());
    }

    @Test
    void thePolicyNeverPassesAFatalError() {
        portal.status(fixture("parse-failed"));
        assertEquals(3, watch(new CliRun(), "--allow-errors", "--max-failed-users", "1000").exitCode());
    }

    // --- logs --------------------------------------------------------------------------------

    private void log(String text) {
        portal.logs(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(text));
    }

    @Test
    void logsPrintsTheLogSafely() {
        log("2026-11-27 08:00:01 Parsing started\r\n2026-11-27 08:00:02 user \u001b[31mevil\u001b[0m\r\n");
        Result r = logs(new CliRun());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("2026-11-27 08:00:01 Parsing started\n2026-11-27 08:00:02 user \\x1b[31mevil\\x1b[0m\n", r.out());
    }

    @Test
    void logsToAFile(@TempDir Path dir) throws IOException {
        log("line one\nline two\n");
        Path file = dir.resolve("migration.log");
        Result r = logs(new CliRun(), "--output-file", file.toString());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("", r.out());
        assertEquals("line one\nline two\n", Files.readString(file));
        Path old = dir.resolve("old.log");
        assertEquals(0, logs(new CliRun(), "-O", old.toString()).exitCode(), "-O, its first name, still works for old scripts");
        assertEquals("line one\nline two\n", Files.readString(old));
    }

    @Test
    void logsWhenNothingRunsExitsFour() {
        portal.logs(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.body("logs-404")));
        portal.status(fixture("no-migration"));
        Result r = logs(new CliRun());
        assertEquals(4, r.exitCode(), r.all());
        assertTrue(r.err().contains("No migration is running on 127.0.0.1:" + portal.port() + ", so there is no log"), r.err());
    }

    @Test
    void aWebServers404IsTheWrongAddressNotNothingRuns() {
        portal.logs(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html>nginx 404</html>"));
        Result r = logs(new CliRun());
        assertEquals(8, r.exitCode(), r.all());
        assertTrue(r.err().contains("check --host"), r.err());
    }

    @Test
    void aLoginPageIsNotTakenForTheLog() {
        portal.logs(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Sign in</html>"));
        Result r = logs(new CliRun());
        assertEquals(8, r.exitCode(), r.all());
        assertEquals("", r.out());
    }

    @Test
    void anOlderServers500MeansNothingRunsWhenTheStatusAgrees() {
        portal.logs(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Object reference not set\"},\"status\":1,\"statusCode\":500}"));
        portal.status(fixture("no-migration"));
        Result r = logs(new CliRun());
        assertEquals(4, r.exitCode(), r.all());
    }

    @Test
    void logsServerErrorExitsSevenAfterRetrying() {
        portal.sequence(Portal.LOGS, aResponse().withStatus(500), aResponse().withStatus(500));
        Result r = logs(new CliRun(), "--retry-for", "5s");
        assertEquals(7, r.exitCode(), r.all());
        assertTrue(r.err().contains("500 Internal Server Error"), r.err());
        assertFalse(r.sleeps().isEmpty(), "it retried");
    }

    @Test
    void logsRecoverFromA502() {
        portal.sequence(Portal.LOGS, aResponse().withStatus(502), aResponse().withStatus(200).withBody("all good\n"));
        Result r = logs(new CliRun());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("all good\n", r.out());
    }

    @Test
    void saveLogKeepsTheLogWhateverTheOutcome(@TempDir Path dir) throws IOException {
        log("migration failed here\n");
        portal.status(fixture("parse-failed"));
        Path file = dir.resolve("out.log");
        Result r = watch(new CliRun(), "--save-log", file.toString());
        assertEquals(3, r.exitCode(), r.all());
        assertEquals("migration failed here\n", Files.readString(file));
    }

    @Test
    void saveLogWithoutALogWarnsButKeepsTheExitCode(@TempDir Path dir) {
        portal.status(fixture("no-migration"));
        portal.logs(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.body("logs-404")));
        Path file = dir.resolve("out.log");
        Result r = watch(new CliRun(), "--save-log", file.toString());
        assertEquals(4, r.exitCode());
        assertTrue(r.err().contains("--save-log: no log to save"), r.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void reportFilesInAMissingDirectoryAreRefusedBeforeTheWatch(@TempDir Path dir) {
        portal.status(fixture("migration-running"));
        Result r = watch(new CliRun(), "--junit", dir.resolve("no/such/dir/report.xml").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("does not exist or is not writable"), r.err());
        assertTrue(portal.statusRequests().isEmpty());
    }

    @Test
    void theLogFileNeverHoldsTheKey(@TempDir Path dir) throws IOException {
        log("auth with " + KEY + " ok\n");
        portal.status(fixture("migration-completed-clean"));
        Path file = dir.resolve("out.log");
        watch(new CliRun(), "--save-log", file.toString());
        assertEquals("auth with [redacted] ok\n", Files.readString(file));
    }

    // --- JUnit -------------------------------------------------------------------------------

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Map<String, String> cases(Document doc) {
        Map<String, String> cases = new LinkedHashMap<>();
        NodeList list = doc.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            Element c = (Element) list.item(i);
            NodeList failure = c.getElementsByTagName("failure");
            NodeList skipped = c.getElementsByTagName("skipped");
            String state = failure.getLength() > 0 ? "FAIL: " + ((Element) failure.item(0)).getAttribute("message")
                    : skipped.getLength() > 0 ? "SKIP: " + ((Element) skipped.item(0)).getAttribute("message") : "ok";
            cases.put(c.getAttribute("name"), state);
        }
        return cases;
    }

    @Test
    void junitReportHasACasePerUserAndError(@TempDir Path dir) throws Exception {
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":"
                + "{\"operation\":\"migration\",\"successedUsers\":2,\"failedUsers\":1,\"users\":["
                + "{\"key\":\"a\",\"email\":\"ann@example.com\",\"displayName\":\"Ann &lt;&amp;&quot;&#39;&gt; Lee\"},"
                + "{\"key\":\"b\",\"email\":\"bad.user@example.com\",\"displayName\":\"Bad User\"}],"
                + "\"errors\":[\"bad.user@example.com - Couldn't import user\",\"Couldn't create file <Q&A>.docx\"]}}")));
        Path file = dir.resolve("junit.xml");
        Result r = watch(new CliRun(), "--junit", file.toString());
        assertEquals(1, r.exitCode(), r.all());
        Document doc = xml(file);
        Map<String, String> cases = cases(doc);
        assertEquals("ok", cases.get("migration (completed_with_failures)"));
        assertEquals("ok", cases.get("Ann <&\"'> Lee <ann@example.com>"), cases.toString());
        assertEquals("FAIL: bad.user@example.com - Couldn't import user", cases.get("Bad User <bad.user@example.com>"));
        assertEquals("FAIL: Couldn't create file <Q&A>.docx", cases.get("Couldn't create file <Q&A>.docx"));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertTrue(Files.readString(file).contains("&lt;&amp;&quot;"), "escaped in the file itself");
    }

    @Test
    void junitReportFailsTheOperationOnAFatalErrorAndOnErrors(@TempDir Path dir) throws Exception {
        portal.status(fixture("parse-failed"));
        Path file = dir.resolve("junit.xml");
        watch(new CliRun(), "--junit", file.toString());
        Map<String, String> cases = cases(xml(file));
        assertEquals("FAIL: Couldn't parse nextcloud-backup archive", cases.get("parse (failed)"));
        assertEquals("FAIL: the archive could not be read: nextcloud-backup.zip", cases.get("nextcloud-backup.zip"));

        portal.server().resetAll();
        portal.status(aResponse().withStatus(401));
        watch(new CliRun(), "--junit", file.toString());
        assertTrue(cases(xml(file)).get("migration (unauthorized)").startsWith("FAIL: 401 Unauthorized"));
    }

    @Test
    void toleratedFailuresAreSkippedNotFailed(@TempDir Path dir) throws Exception {
        portal.status(fixture("migration-completed-with-failures"));
        Path file = dir.resolve("junit.xml");
        Result r = watch(new CliRun(), "--junit", file.toString(), "--allow-errors", "--max-failed-users", "1");
        assertEquals(0, r.exitCode(), r.all());
        Document doc = xml(file);
        assertEquals("0", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("failures"));
        assertTrue(cases(doc).values().stream().anyMatch(v -> v.startsWith("SKIP: tolerated: Couldn't create file")), cases(doc).toString());
    }

    // --- GitHub Actions ------------------------------------------------------------------------

    @Test
    void onGithubActionsItAnnotatesGroupsAndSummarizes(@TempDir Path dir) throws IOException {
        portal.statusSequence(fixture("migration-running"), fixture("migration-completed-with-failures"));
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "# earlier step\n");
        Result r = watch(new CliRun().env("GITHUB_ACTIONS", "true").env("GITHUB_STEP_SUMMARY", summary.toString()));
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().startsWith("::group::migstatus: watching 127.0.0.1:" + portal.port() + "\n"), r.out());
        assertTrue(r.out().contains("::endgroup::"), r.out());
        assertTrue(r.out().contains("::error title=Users failed::1 user could not be imported"), r.out());
        assertTrue(r.out().contains("::warning title=Migration error::bad.user@example.com - Couldn't import user"), r.out());
        assertTrue(r.out().matches("(?s).*::stop-commands::(\\w+)\n.*Migration completed.*\n::\\1::\n.*"), "the report cannot issue commands: " + r.out());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("# earlier step\n### ❌ migstatus: Migration completed: 2 users imported, 1 failed, 2 errors"), md);
        assertTrue(md.contains("| John Doe | john.doe@example.com | RoomAdmin | 17 | 5.0 MiB |"), md);
        assertTrue(md.contains("- bad.user@example.com - Couldn't import user"), md);
    }

    @Test
    void aWatchThatFailsBeforeAnyAnswerOpensNoEmptyGroup() {
        portal.status(aResponse().withStatus(401));
        Result r = watch(new CliRun().env("GITHUB_ACTIONS", "true"));
        assertEquals(5, r.exitCode(), r.all());
        assertFalse(r.out().contains("::group::") || r.out().contains("::endgroup::"), r.out());
        assertTrue(r.out().contains("::error title=migstatus%3A unauthorized::401 Unauthorized"), r.out());
    }

    @Test
    void withJsonOutputAnnotationsGoToStderr() {
        portal.status(fixture("parse-failed"));
        Result r = watch(new CliRun().env("GITHUB_ACTIONS", "true"), "-o", "json");
        assertEquals(1, r.out().lines().count(), "stdout stays one JSON document");
        assertTrue(r.err().contains("::error title=Migration failed::Couldn't parse nextcloud-backup archive"), r.err());
    }

    @Test
    void annotationsCannotBeInjected() {
        portal.status(Portal.json(Fixtures.envelope("{\"progress\":100,\"isCompleted\":true,\"error\":\"bad\\n::error::forged%0A\","
                + "\"parseResult\":{\"operation\":\"migration\"}}")));
        Result r = watch(new CliRun().env("GITHUB_ACTIONS", "true"));
        assertTrue(r.out().contains("::error title=Migration failed::bad ::error::forged%250A"), r.out());
        assertFalse(r.out().lines().anyMatch(l -> l.startsWith("::error::forged")), r.out());
    }

    @Test
    void quietOnGithubKeepsStdoutEmpty() {
        portal.status(fixture("parse-failed"));
        Result r = watch(new CliRun().env("GITHUB_ACTIONS", "true"), "-q");
        assertEquals(3, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("::error title=Migration failed::"), r.err());
    }

    @Test
    void withoutGithubActionsThereIsNoneOfIt(@TempDir Path dir) {
        portal.status(fixture("migration-completed-with-failures"));
        Path summary = dir.resolve("summary.md");
        Result r = watch(new CliRun().env("GITHUB_STEP_SUMMARY", summary.toString()));
        assertFalse(r.all().contains("::"), r.all());
        assertFalse(Files.exists(summary));
    }

    // --- completion ------------------------------------------------------------------------

    @Test
    void completionScriptCoversCommandsAndOptions() {
        Result r = new CliRun().run("completion");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("complete -F"), "a bash completion script");
        for (String word : List.of("--host", "--key-file", "--until", "--junit", "logs", "completion")) {
            assertTrue(r.out().contains(word), word);
        }
    }
}
