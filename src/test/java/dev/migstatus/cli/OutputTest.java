package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user sees: JSON documents, plain lines in CI, the live bar on a terminal, tables. */
class OutputTest {

    private static final String KEY = "sk-feedfacefeedfacefeedface";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    private Result watch(CliRun run, String... extra) {
        return run.watch(portal, KEY, extra);
    }

    private static JsonObject document(Result r) {
        assertEquals(1, r.out().lines().count(), "exactly one JSON document: " + r.out());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    @Test
    void jsonDocumentMatchesTheExitCode() {
        portal.status(fixture("migration-completed-with-failures"));
        Result r = watch(new CliRun(), "-o", "json");
        JsonObject doc = document(r);
        assertEquals(1, r.exitCode());
        assertEquals(1, doc.get("schemaVersion").getAsInt());
        assertEquals(r.exitCode(), doc.get("exitCode").getAsInt());
        assertEquals("completed_with_failures", doc.get("outcome").getAsString());
        assertEquals(portal.url(), doc.get("host").getAsString());
        assertEquals("Migration completed: 2 users imported, 1 failed, 2 errors (it had already ended when the watch started)",
                doc.get("message").getAsString());
        JsonObject result = doc.getAsJsonObject("status").getAsJsonObject("parseResult");
        assertEquals(1, result.get("failedUsers").getAsInt());
        assertEquals("migration", result.get("operation").getAsString());
        assertEquals(2, result.getAsJsonArray("errors").size());
        assertTrue(doc.get("elapsedSeconds").isJsonPrimitive());
    }

    @Test
    void jsonStatusIsUnwrappedAndEveryListIsPresent() {
        portal.status(fixture("parse-queued"));
        JsonObject doc = document(watch(new CliRun(), "-o", "json", "--once"));
        assertEquals("running", doc.get("outcome").getAsString());
        assertEquals(9, doc.get("exitCode").getAsInt());
        JsonObject status = doc.getAsJsonObject("status");
        assertFalse(status.has("response"), "unwrapped from the envelope");
        JsonObject result = status.getAsJsonObject("parseResult");
        for (String list : List.of("failedArchives", "users", "withoutEmailUsers", "existUsers", "groups", "files", "errors")) {
            assertTrue(result.get(list).isJsonArray(), list + " is present");
        }
        assertTrue(result.get("operation").isJsonNull());
    }

    @Test
    void jsonIsPrintedOnFailuresToo() {
        portal.status(aResponse().withStatus(401));
        Result r = watch(new CliRun(), "-o", "json");
        JsonObject doc = document(r);
        assertEquals(5, r.exitCode());
        assertEquals("unauthorized", doc.get("outcome").getAsString());
        assertTrue(doc.get("status").isJsonNull());
        assertTrue(doc.get("message").getAsString().startsWith("401 Unauthorized"));
        assertTrue(r.err().contains("401 Unauthorized"), "and the error on stderr");
    }

    @Test
    void jsonIsPrintedOnUsageErrors() {
        Result r = new CliRun().run("--host", portal.url(), "--key", KEY, "-o", "json", "--interval", "10ms");
        JsonObject doc = document(r);
        assertEquals(2, r.exitCode());
        assertEquals("usage", doc.get("outcome").getAsString());
        assertTrue(doc.get("message").getAsString().contains("--interval 10ms is too short"));
    }

    @Test
    void jsonForNoMigrationHasNullStatus() {
        portal.status(fixture("no-migration"));
        JsonObject doc = document(watch(new CliRun(), "-o", "json"));
        assertEquals("no_migration", doc.get("outcome").getAsString());
        assertTrue(doc.get("status").isJsonNull());
    }

    @Test
    void userTypesAreNamesWhateverTheServerWrote() {
        portal.status(fixture("names-hostile"));
        JsonObject doc = document(watch(new CliRun(), "-o", "json"));
        JsonArray users = doc.getAsJsonObject("status").getAsJsonObject("parseResult").getAsJsonArray("users");
        List<String> types = new ArrayList<>();
        users.forEach(u -> types.add(u.getAsJsonObject().get("userType").getAsString()));
        assertEquals(List.of("Guest", "Collaborator", "All", "User", "DocSpaceAdmin"), types);
    }

    @Test
    void jsonNamesAreDecodedAndControlCharactersEscaped() {
        portal.status(fixture("names-hostile"));
        Result r = watch(new CliRun(), "-o", "json");
        JsonArray users = document(r).getAsJsonObject("status").getAsJsonObject("parseResult").getAsJsonArray("users");
        assertEquals("Sinéad O'Brien & Co <HQ>", users.get(0).getAsJsonObject().get("displayName").getAsString());
        assertEquals("Mallory \u202egnp.exe", users.get(2).getAsJsonObject().get("displayName").getAsString(),
                "the data is kept");
        assertFalse(r.out().contains("\u001b"), "but no raw escape reaches the terminal");
        assertFalse(r.out().contains("\u202e"));
        assertTrue(r.out().contains("\\u202e"));
    }

    @Test
    void textNamesAreDecodedAndCannotDriveTheTerminal() {
        portal.status(fixture("names-hostile"));
        Result r = watch(new CliRun());
        assertEquals(1, r.exitCode(), "its errors[] entry counts as a failure: " + r.all());
        assertTrue(r.out().contains("Sinéad O'Brien & Co <HQ>"), r.out());
        assertTrue(r.out().contains("Lee Gacy"), "first and last name when there is no display name");
        assertTrue(r.out().contains("王小明"));
        for (String bad : List.of("\u001b", "\u0007", "\u202e")) {
            assertFalse(r.all().contains(bad), "no " + Integer.toHexString(bad.charAt(0)) + " in " + r.out());
        }
        assertTrue(r.out().contains("Eve\\x1b]0;pwned\\x07"), r.out());
    }

    @Test
    void offATerminalManyIdenticalPollsGiveFewPlainLines() {
        String running = Fixtures.running("migration", 42);
        portal.statusSequence(repeat(json(running), 100, json(Fixtures.body("migration-completed-clean"))));
        Result r = watch(new CliRun());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(101, portal.statusRequests().size());
        assertFalse(r.out().contains("\r"), "no carriage return in a log");
        assertFalse(r.out().contains("\u001b"), "no escape codes in a log");
        long progressLines = r.out().lines().filter(l -> l.startsWith("[")).count();
        // 200 s of identical answers: the first line, a heartbeat every 30 s, and the completion.
        assertTrue(progressLines >= 7 && progressLines <= 9, progressLines + " lines:\n" + r.out());
        assertTrue(r.out().contains("[00:30] migrating · Nextcloud · 42% · still running"), r.out());
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndColoured() {
        portal.statusSequence(json(Fixtures.running("migration", 0.5)), json(Fixtures.running("migration", 42)),
                fixture("migration-completed-clean"));
        Result r = watch(new CliRun().terminal(100));
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("\r\u001b[2K"), "redrawn in place");
        assertTrue(r.out().contains("█"), "a bar");
        assertTrue(r.out().contains(" 42%"), r.out());
        assertTrue(r.out().contains("\u001b[32mMigration completed"), "the summary in green");
        assertTrue(r.out().contains("\u001b[?25h"), "the cursor is shown again");
    }

    @Test
    void noColorTurnsColourOffButKeepsTheLiveBar() {
        portal.status(fixture("migration-completed-clean"));
        Result r = watch(new CliRun().terminal(100).env("NO_COLOR", "1"));
        assertFalse(r.out().contains("\u001b[32m"), r.out());
        assertFalse(r.out().contains("\u001b[1m"), r.out());
        assertTrue(r.out().contains("\r"), "still drawn in place");
    }

    @Test
    void colorAlwaysColoursAPipe() {
        portal.status(fixture("migration-completed-clean"));
        Result r = watch(new CliRun(), "--color", "always");
        assertTrue(r.out().contains("\u001b[32mMigration completed"), r.out());
        assertFalse(r.out().contains("\r"), "but a pipe still gets plain lines");
    }

    @Test
    void tablesFitTheWidthAndStopAtFiftyRows() {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            users.append(i == 0 ? "" : ",").append("{\"key\":\"u").append(i).append("\",\"email\":\"user").append(i)
                    .append("@a-rather-long-domain-name.example.com\",\"displayName\":\"User Number ").append(i)
                    .append(" With A Very Long Name Indeed\",\"userType\":\"User\",\"migratingFiles\":{\"filesCount\":")
                    .append(i).append(",\"bytesTotal\":").append(i * 1000).append("}}");
        }
        portal.status(json(Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":"
                + "{\"operation\":\"parse\",\"users\":[" + users + "]}}")));
        Result r = watch(new CliRun().columns(72));
        assertEquals(0, r.exitCode(), r.all());
        r.out().lines().filter(line -> line.startsWith("User") || line.startsWith("NAME"))
                .forEach(line -> assertTrue(line.codePointCount(0, line.length()) <= 72, "too wide: " + line));
        assertTrue(r.out().contains("Users (60)"), r.out());
        assertTrue(r.out().contains("… and 10 more (use -o json for all)"), r.out());
        assertTrue(r.out().contains("User Number 0 With"), r.out());
        assertTrue(r.out().contains("…"), "long cells are cut");
        assertFalse(r.out().contains("User Number 50 "), "row 51 is not shown");
    }

    @Test
    void clusteredShortOptionsStillGetTheirJsonDocument() {
        Result r = watch(new CliRun(), "-qo", "json");
        assertEquals(2, r.exitCode());
        assertEquals("usage", document(r).get("outcome").getAsString());
    }

    @Test
    void aNarrowTerminalDropsTheCountsBeforeTheClock() {
        portal.statusSequence(Portal.json(Fixtures.running("migration", 42)), fixture("migration-completed-clean"));
        Result r = watch(new CliRun().terminal(52));
        assertEquals(0, r.exitCode(), r.all());
        String firstDraw = r.out().split("\r\u001b\\[2K")[1];
        assertTrue(firstDraw.contains(" 42%  00:00"), firstDraw);
        assertFalse(firstDraw.contains("group"), "counts go first: " + firstDraw);
    }

    @Test
    void completionOffersValuesAsTheyAreTyped() {
        Result r = new CliRun().run("completion");
        assertTrue(r.out().contains("\"completed migrated\""), "--until values in lower case");
        assertTrue(r.out().contains("\"text json ndjson\""), "--output values in lower case");
        assertFalse(r.out().contains("COMPLETED"), "not as Java spells the constants");
    }

    @Test
    void quietPrintsNothingOnStdout() {
        portal.status(fixture("migration-completed-with-failures"));
        Result r = watch(new CliRun(), "-q");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Migration completed: 2 users imported, 1 failed"), "a failure is still told on stderr");
    }

    @Test
    void quietCleanRunPrintsNothingAtAll() {
        portal.status(fixture("migration-completed-clean"));
        Result r = watch(new CliRun(), "-q");
        assertEquals(0, r.exitCode());
        assertEquals("", r.all());
    }

    @Test
    void quietAndJsonTogetherIsAUsageError() {
        Result r = watch(new CliRun(), "-q", "-o", "json");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--quiet"), r.err());
    }

    @Test
    void unknownOutputFormatNamesTheChoices() {
        Result r = watch(new CliRun(), "-o", "xml");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--output: 'xml' is not one of text, json, ndjson"), r.err());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder[] repeat(
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first, int times,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder last) {
        var all = new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder[times + 1];
        java.util.Arrays.fill(all, 0, times, first);
        all[times] = last;
        return all;
    }
}
