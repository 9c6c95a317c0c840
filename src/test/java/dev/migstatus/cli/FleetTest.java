package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;
import dev.migstatus.testing.Schemas;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.google.gson.JsonArray;
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
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two or more portals in one watch, through the real command line. The portals live on one
 * WireMock server under different path prefixes ({@code /berlin}, {@code /paris}, …), as portals
 * behind one proxy would, each answering its own way. Long because every output mode of a fleet
 * is checked here, end to end.
 */
class FleetTest {

    private static final String KEY = "sk-fleet-0123456789abcdef";

    @RegisterExtension
    static final Portal server = Portal.sharedByTheClass();

    @TempDir
    Path dir;

    /** What each named portal answers, in turn; the last answer repeats. */
    private void answers(String name, ResponseDefinitionBuilder... responses) {
        server.sequence("/" + name + Portal.STATUS, responses);
    }

    private String url(String name) {
        return server.url() + "/" + name;
    }

    private Result fleet(CliRun run, List<String> names, String... extra) {
        List<String> args = new ArrayList<>();
        for (String name : names) {
            args.addAll(List.of("--host", url(name)));
        }
        args.addAll(List.of("--key", KEY));
        args.addAll(List.of(extra));
        return run.run(args.toArray(String[]::new));
    }

    private static ResponseDefinitionBuilder running(double percent) {
        return json(Fixtures.running("migration", percent));
    }

    private static ResponseDefinitionBuilder answer(String kind) {
        return switch (kind) {
            case "ok" -> fixture("migration-completed-clean");
            case "failures" -> fixture("migration-completed-with-failures");
            case "failed" -> fixture("parse-failed");
            case "none" -> fixture("no-migration");
            case "running" -> running(40);
            case "401" -> aResponse().withStatus(401);
            case "403" -> json(Fixtures.body("error-403-not-admin")).withStatus(403);
            case "404" -> aResponse().withStatus(404).withBody("<html>not here</html>");
            case "503" -> aResponse().withStatus(503);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "ok,       ok,       0",
        "ok,       none,     4",
        "none,     failures, 1",
        "failures, failed,   3",
        "failed,   503,      3",
        "503,      ok,       7",
        "503,      404,      8",
        "404,      403,      6",
        "403,      401,      5",
        "401,      ok,       5",
    })
    void theFleetExitsWithTheMostSevereCodeOfItsPortals(String first, String second, int expected) {
        answers("berlin", running(10), answer(first));
        answers("paris", running(20), answer(second));

        Result r = fleet(new CliRun(), List.of("berlin", "paris"), "--retry-for", "10s");

        assertEquals(expected, r.exitCode(), r.all());
        assertTrue(r.out().contains("2 portals: "), r.out());
        assertTrue(r.out().contains("(exit code " + expected + ")"), r.out());
    }

    @Test
    void aPortalStillRunningUnderOnceMakesItNineUnlessSomethingIsWorse() {
        answers("berlin", answer("ok"));
        answers("paris", answer("running"));
        answers("rome", answer("none"));

        assertEquals(9, fleet(new CliRun(), List.of("berlin", "paris", "rome"), "--once").exitCode());
    }

    @Test
    void onePortalDownNeverHoldsUpTheOthers() {
        answers("berlin", running(10), running(50), answer("ok"));
        answers("paris", answer("503"));
        answers("rome", running(30), answer("failures"));

        Result r = fleet(new CliRun(), List.of("berlin", "paris", "rome"), "--retry-for", "2m");

        assertEquals(7, r.exitCode(), r.all());
        // berlin and rome were done in their first few polls; paris was retried for its whole two minutes.
        assertEquals(3, server.server().findAll(getRequestedFor(urlPathEqualTo("/berlin" + Portal.STATUS))).size());
        assertEquals(2, server.server().findAll(getRequestedFor(urlPathEqualTo("/rome" + Portal.STATUS))).size());
        assertTrue(server.server().findAll(getRequestedFor(urlPathEqualTo("/paris" + Portal.STATUS))).size() > 4);
        List<String> rows = r.out().lines().filter(l -> l.matches("^(berlin|paris|rome) +[a-z_]+ +(-|\\d+%) .*")).toList();
        assertEquals(3, rows.size(), r.out());
        assertTrue(rows.get(0).startsWith("paris") && rows.get(0).contains("unavailable"), "the worst first: " + rows);
        assertTrue(rows.get(1).startsWith("rome") && rows.get(1).contains("completed_with_failures"), rows.toString());
        assertTrue(rows.get(2).startsWith("berlin") && rows.get(2).matches(".* ok +100% +2 +0 +0 +\\d\\d:\\d\\d$"), rows.toString());
    }

    @Test
    void ciLogsGetTheSinglePortalLinesPrefixedAndDetailsOnlyForPortalsThatDidNotEndWell() {
        answers("berlin", running(10), answer("ok"));
        answers("rome", running(30), answer("failures"));

        Result r = fleet(new CliRun(), List.of("berlin", "rome"));

        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("berlin: [00:00] migrating · Nextcloud · 10%"), r.out());
        assertTrue(r.out().contains("rome: [00:01] migrating · Nextcloud · 30%")
                || r.out().contains("rome: [00:00] migrating · Nextcloud · 30%"), r.out());
        assertTrue(r.out().contains("rome (completed_with_failures, exit code 1)"), r.out());
        assertTrue(r.out().contains("bad.user@example.com - Couldn't import user"), "rome's errors: " + r.out());
        assertFalse(r.out().contains("berlin (ok"), "no details for a portal that ended well: " + r.out());
        assertFalse(r.out().contains("John"), "no user tables in a fleet's end: " + r.out());
        assertFalse(r.out().contains("\u001b"), "no escape codes in a pipe");
    }

    @Test
    void portalsFromAFileEachWithItsOwnKeyOrTheGlobalOne() throws IOException {
        for (String name : List.of("berlin", "paris", "rome", "lyon")) {
            answers(name, answer("ok"));
        }
        Files.writeString(dir.resolve("paris.key"), "sk-paris-0123456789\n");
        Path file = dir.resolve("portals.txt");
        Files.writeString(file, "# our customers\n"
                + url("paris") + "   key-file=paris.key\n"
                + url("rome") + "    key-env=ROME_KEY   # Rome has its own\n"
                + "\n"
                + url("lyon") + "\n");

        Result r = fleet(new CliRun().env("ROME_KEY", "session-rome-0123456789"), List.of("berlin"), "--portals", file.toString());

        assertEquals(0, r.exitCode(), r.all());
        assertEquals("Bearer " + KEY, header("berlin", "Authorization"));
        assertEquals("Bearer sk-paris-0123456789", header("paris", "Authorization"));
        assertEquals("asc_auth_key=session-rome-0123456789", header("rome", "Cookie"));
        assertEquals("Bearer " + KEY, header("lyon", "Authorization"), "no key on its line: the global one");
        assertFalse(r.all().contains("sk-paris-0123456789") || r.all().contains("session-rome-0123456789"), r.all());
        assertTrue(r.out().contains("4 portals: 4 ok (exit code 0)"), r.out());
    }

    private String header(String portal, String name) {
        return server.server().findAll(getRequestedFor(urlPathEqualTo("/" + portal + Portal.STATUS))).get(0).getHeader(name);
    }

    @Test
    void mistakesInThePortalsListAreOneLineUsageErrors() throws IOException {
        Path file = dir.resolve("portals.txt");
        Files.writeString(file, url("berlin") + "\n" + url("paris") + " key=oops\n");
        Result bad = fleet(new CliRun(), List.of(), "--portals", file.toString());
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("migstatus: --portals " + file
                + ":2: after the URL, expected key-file=PATH or key-env=NAME, found 'key=oops'"), bad.err());

        Files.writeString(file, url("berlin") + " key-env=NO_SUCH_KEY\n");
        Result unset = fleet(new CliRun(), List.of("paris"), "--portals", file.toString());
        assertEquals(2, unset.exitCode());
        assertTrue(unset.err().contains(file + ":1: key-env=NO_SUCH_KEY, but NO_SUCH_KEY is not set"), unset.err());

        Files.writeString(file, url("berlin") + "\n");
        Result twice = fleet(new CliRun(), List.of("berlin"), "--portals", file.toString());
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains(url("berlin") + " is given twice (--host " + url("berlin") + ", " + file + ":1)"), twice.err());
        assertTrue(server.server().getAllServeEvents().isEmpty(), "nothing is sent on a usage error");
    }

    @Test
    void jsonIsOneDocumentWhosePortalsAreTheSinglePortalDocuments() throws IOException {
        answers("berlin", running(10), answer("ok"));
        answers("rome", running(30), answer("failures"));

        Result r = fleet(new CliRun(), List.of("berlin", "rome"), "-o", "json");

        assertEquals(1, r.exitCode());
        assertEquals(1, r.out().lines().count(), r.out());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("completed_with_failures", doc.get("outcome").getAsString());
        assertEquals(1, doc.get("exitCode").getAsInt());
        assertEquals("2 portals: 1 ok, 1 completed with failures", doc.get("message").getAsString());
        JsonArray portals = doc.getAsJsonArray("portals");
        assertEquals(url("berlin"), portals.get(0).getAsJsonObject().get("host").getAsString());
        assertEquals(url("rome"), portals.get(1).getAsJsonObject().get("host").getAsString());
        assertEquals(List.of(), Schemas.of("fleet.schema.json").validate(r.out(), InputFormat.JSON));
        assertTrue(r.err().contains("migstatus: rome: Migration completed: 2 users imported, 1 failed, 2 errors"), r.err());

        answers("single", running(30), answer("failures"));
        JsonObject single = JsonParser.parseString(new CliRun().watch(server, KEY, "-o", "json").out()).getAsJsonObject();
        single.remove("host");
        single.remove("elapsedSeconds");
        JsonObject rome = portals.get(1).getAsJsonObject().deepCopy();
        rome.remove("host");
        rome.remove("elapsedSeconds");
        assertEquals(JsonParser.parseString(new CliRun().run("--host", url("rome"), "--key", KEY, "-o", "json", "--once").out())
                .getAsJsonObject().get("status"), rome.get("status"), "each portal's document is the single-portal one");
    }

    @Test
    void ndjsonEventsEachNameTheirPortalAndTheLastLineIsTheFleetDocument() throws IOException {
        answers("berlin", running(10), answer("ok"));
        answers("paris", answer("503"), running(50), answer("ok"));
        Schema events = Schemas.of("event.schema.json");

        Result r = fleet(new CliRun(), List.of("berlin", "paris"), "-o", "ndjson");

        assertEquals(0, r.exitCode(), r.all());
        List<JsonObject> lines = r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        for (String line : r.out().lines().toList()) {
            assertEquals(List.of(), events.validate(line, InputFormat.JSON), line);
        }
        JsonObject last = lines.get(lines.size() - 1);
        assertEquals("fleet", last.get("event").getAsString());
        assertEquals(2, last.getAsJsonArray("portals").size());
        for (JsonObject event : lines.subList(0, lines.size() - 1)) {
            assertTrue(event.has("host"), event.toString());
        }
        List<String> parisEvents = lines.stream().filter(e -> url("paris").equals(e.has("host") ? e.get("host").getAsString() : null))
                .map(e -> e.get("event").getAsString()).distinct().toList();
        assertEquals(List.of("start", "retry", "recovered", "phase", "progress", "done"), parisEvents);
    }

    @Test
    void junitHasOneSuitePerPortal() throws Exception {
        answers("berlin", running(10), answer("ok"));
        answers("rome", running(30), answer("failures"));
        Path junit = dir.resolve("junit.xml");

        Result r = fleet(new CliRun(), List.of("berlin", "rome"), "--junit", junit.toString());

        assertEquals(1, r.exitCode());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        assertEquals("DocSpace migration on " + url("berlin"), suites.item(0).getAttributes().getNamedItem("name").getNodeValue());
        assertEquals("0", suites.item(0).getAttributes().getNamedItem("failures").getNodeValue());
        assertEquals("DocSpace migration on " + url("rome"), suites.item(1).getAttributes().getNamedItem("name").getNodeValue());
        assertFalse(suites.item(1).getAttributes().getNamedItem("failures").getNodeValue().equals("0"));
    }

    @Test
    void onGithubTheStepSummaryIsOneTableAndAnnotationsNameThePortal() throws IOException {
        answers("berlin", running(10), answer("ok"));
        answers("rome", running(30), answer("failures"));
        Path summary = dir.resolve("summary.md");

        Result r = fleet(new CliRun().env("GITHUB_ACTIONS", "true").env("GITHUB_STEP_SUMMARY", summary.toString()),
                List.of("berlin", "rome"));

        assertEquals(1, r.exitCode());
        String markdown = Files.readString(summary);
        assertTrue(markdown.contains("| portal | outcome | exit code | progress | imported | failed | errors | elapsed |"), markdown);
        assertTrue(markdown.contains("| " + url("rome") + " | `completed_with_failures` | 1 | 100% | 2 | 1 | 2 |"), markdown);
        assertTrue(markdown.contains("| " + url("berlin") + " | `ok` | 0 |"), markdown);
        assertTrue(r.out().contains("::error title=rome%3A Users failed::1 user could not be imported"), r.out());
    }

    @Test
    void saveLogKeepsOneLogPerPortalInTheDirectory() throws IOException {
        answers("berlin", answer("ok"));
        answers("rome", answer("ok"));
        for (String name : List.of("berlin", "rome")) {
            server.sequence("/" + name + Portal.LOGS, aResponse().withStatus(200).withBody(name + " imported everyone\n"));
        }
        Path logs = dir.resolve("logs");

        Result r = fleet(new CliRun(), List.of("berlin", "rome"), "--save-log", logs.toString());

        assertEquals(0, r.exitCode(), r.all());
        assertEquals("berlin imported everyone\n", Files.readString(logs.resolve("berlin.log")));
        assertEquals("rome imported everyone\n", Files.readString(logs.resolve("rome.log")));
    }

    @Test
    void onATerminalEachPortalHasALiveRowAndTheEndIsTheTable() {
        answers("berlin", running(10), running(60), answer("ok"));
        answers("rome", running(30), answer("failures"));

        Result r = fleet(new CliRun().terminal(120), List.of("berlin", "rome"));

        assertEquals(1, r.exitCode(), r.all());
        String screen = r.out().replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
        assertTrue(screen.contains("berlin  [████████████░░░░░░░░]  60%  00:02  migrating · Nextcloud"), screen);
        assertTrue(screen.contains("✗ rome                                 00:03  completed_with_failures · Migration completed: 2 users"),
                screen);
        assertTrue(screen.contains("✓ berlin                               00:04  ok · Migration completed: 2 users imported, 0 failed"),
                screen);
        String end = r.out().substring(r.out().lastIndexOf("\u001b[?25h") + "\u001b[?25h".length());
        assertTrue(end.startsWith("\u001b[1mPORTAL"), "after the board, the table: " + end);
    }

    @Test
    void atFortyColumnsTheBoardAndTheEndTableFit() {
        answers("berlin-charlottenburg", running(10), running(60), answer("ok"));
        answers("rome-trastevere-quarter", running(30), answer("failures"));

        Result r = fleet(new CliRun().terminal(40), List.of("berlin-charlottenburg", "rome-trastevere-quarter"), "--no-color");

        assertEquals(1, r.exitCode(), r.all());
        String screen = r.out().replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "\u0000");
        int shown = screen.lastIndexOf('\u0000');
        List<String> rows = List.of(screen.substring(0, shown).split("[\r\n\u0000]")).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(rows.stream().anyMatch(l -> l.contains("rome")), screen);
        rows.forEach(row -> assertTrue(row.length() <= 40, "board row '" + row + "' fits 40 columns"));
        List<String> table = screen.substring(shown + 1).lines().dropWhile(l -> !l.startsWith("PORTAL"))
                .takeWhile(l -> !l.isBlank()).toList();
        assertEquals(3, table.size(), r.out());
        table.forEach(line -> assertTrue(line.length() <= 40, "table line '" + line + "' fits 40 columns"));
    }

    @Test
    void ctrlCStopsEveryWatchAndTheFleetExits130() {
        answers("berlin", running(10));
        answers("rome", running(30));
        CliRun run = new CliRun();
        run.onSleep(slept -> {
            if (run.clock().instant().isAfter(java.time.Instant.parse("2026-11-27T08:00:09Z"))) {
                run.cancellation().cancel();
            }
        });

        Result r = fleet(run, List.of("berlin", "rome"));

        assertEquals(130, r.exitCode(), r.all());
        assertTrue(r.out().contains("2 portals: 2 interrupted (exit code 130)"), r.out());
    }
}
