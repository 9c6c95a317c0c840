package dev.migstatus.sim;

import dev.migstatus.testing.FakeClock;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated portal on the wire, checked against how the real server answers (README, "How it
 * reads the server"). Long because each answer the README promises has its own test, all through
 * the same few helpers.
 */
class SimulatedPortalTest {

    private static final String KEY = "sk-0123456789abcdef";

    private final FakeClock clock = new FakeClock();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> requestLog = new ArrayList<>();
    private SimulatedPortal portal;

    @AfterEach
    void stop() {
        if (portal != null) {
            portal.close();
            portal = null;
        }
        requestLog.clear();
    }

    private SimulatedPortal start(String scenarioJson, String key, double speed) throws Exception {
        return start(ScenarioReader.read(new StringReader(scenarioJson)), key, speed);
    }

    private SimulatedPortal start(Scenario scenario, String key, double speed) throws Exception {
        portal = SimulatedPortal.start(scenario, new SimulatedPortal.Settings(SimulatedPortal.LOOPBACK, 0, key, speed), clock,
                (at, method, path, status, what) -> requestLog.add(status + " " + what));
        return portal;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> status() throws Exception {
        return get(SimulatedPortal.STATUS_PATH, "Authorization", "Bearer " + KEY);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        return JsonParser.parseString(text(response)).getAsJsonObject();
    }

    @Test
    void refusesToListenAnywhereButLoopback() throws Exception {
        for (byte[] address : new byte[][] {{0, 0, 0, 0}, {10, 0, 0, 1}, {(byte) 192, (byte) 168, 1, 2}}) {
            InetAddress elsewhere = InetAddress.getByAddress(address);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SimulatedPortal.Settings(elsewhere, 0, KEY, 1));
            assertTrue(e.getMessage().contains("not a loopback address"), e.getMessage());
        }
        assertEquals("127.0.0.1", SimulatedPortal.Settings.loopback(KEY).address().getHostAddress());
    }

    @Test
    void noMigrationIsTheEnvelopeWithoutResponse() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, KEY, 1);
        HttpResponse<byte[]> r = status();
        assertEquals(200, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        JsonObject envelope = json(r);
        assertFalse(envelope.has("response"), text(r));
        assertEquals(0, envelope.get("count").getAsInt());
        assertEquals(0, envelope.get("status").getAsInt());
        assertEquals(200, envelope.get("statusCode").getAsInt());
        assertEquals(portal.url() + SimulatedPortal.STATUS_PATH,
                envelope.getAsJsonArray("links").get(0).getAsJsonObject().get("href").getAsString());
    }

    @Test
    void framesFollowTheClockFromTheFirstRequestAtTheGivenSpeed() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, KEY, 2);
        clock.advance(Duration.ofHours(1));
        assertFalse(json(status()).has("response"), "the scenario starts with the first request, not with the portal");
        clock.advance(Duration.ofMillis(125));
        assertEquals(0, json(status()).getAsJsonObject("response").get("progress").getAsInt(), "125ms at speed 2 is 250ms");
        clock.advance(Duration.ofMillis(625));
        JsonObject response = json(status()).getAsJsonObject("response");
        assertEquals(27.5, response.get("progress").getAsDouble());
        assertEquals(3, response.getAsJsonObject("parseResult").getAsJsonArray("users").size(), "generateUsers");
        clock.advance(Duration.ofMillis(200));
        assertEquals(27.5, json(status()).getAsJsonObject("response").get("progress").getAsDouble(), "a frame holds until the next");
    }

    @Test
    void updatesMergeIntoThePreviousStatus() throws Exception {
        start(BuiltInScenario.CLEAN.load(), KEY, 1);
        status();
        clock.advance(Duration.ofSeconds(15));
        JsonObject done = json(status()).getAsJsonObject("response");
        assertTrue(done.get("isCompleted").getAsBoolean());
        JsonObject result = done.getAsJsonObject("parseResult");
        assertEquals("migration", result.get("operation").getAsString());
        assertEquals(4, result.get("successedUsers").getAsInt());
        assertEquals(4, result.getAsJsonArray("users").size(), "the merged users carry over");
        assertEquals(1, result.getAsJsonArray("withoutEmailUsers").size(), "and so does the list they were merged from");
        assertEquals("Nextcloud", result.get("migratorName").getAsString());
    }

    /** DocSpace's MigrationWorker.Start and Migrator.MigrateAsync, step by step (README, "How it reads the server"). */
    @Test
    void aMigrationIsANewTaskPlayedInTheServersOrder() throws Exception {
        start(BuiltInScenario.CLEAN.load(), KEY, 1);
        status();
        clock.advance(Duration.ofMillis(7_600));
        JsonObject request = json(status()).getAsJsonObject("response");
        JsonObject body = request.getAsJsonObject("parseResult");
        assertFalse(body.has("operation"), "first the admin's request, as sent: no operation yet: " + body);
        assertEquals(0, request.get("progress").getAsInt());
        assertTrue(body.get("importPersonalFiles").getAsBoolean(), "the choices as made");
        List<JsonObject> selected = users(body, "users");
        assertEquals(4, selected.size());
        assertTrue(selected.stream().allMatch(u -> u.get("shouldImport").getAsBoolean()), selected.toString());
        assertEquals(List.of("RoomAdmin", "User", "User", "Guest"), selected.stream().map(u -> u.get("userType").getAsString()).toList());

        clock.advance(Duration.ofSeconds(1));
        JsonObject reparse = json(status()).getAsJsonObject("response");
        assertEquals(1, reparse.get("progress").getAsInt(), "then 1 while the archive is parsed again");
        assertEquals("migration", reparse.getAsJsonObject("parseResult").get("operation").getAsString());
        assertTrue(users(reparse.getAsJsonObject("parseResult"), "users").isEmpty());

        clock.advance(Duration.ofSeconds(1));
        JsonObject preparing = json(status()).getAsJsonObject("response");
        assertEquals(0, preparing.get("progress").getAsInt(), "then 0, with the lists as parsed again");
        assertEquals(3, users(preparing.getAsJsonObject("parseResult"), "users").size());
        assertEquals(1, users(preparing.getAsJsonObject("parseResult"), "withoutEmailUsers").size());

        clock.advance(Duration.ofMillis(500));
        JsonObject merged = json(status()).getAsJsonObject("response").getAsJsonObject("parseResult");
        assertEquals(List.of("RoomAdmin", "User", "User", "Guest"),
                users(merged, "users").stream().map(u -> u.get("userType").getAsString()).toList(),
                "then the users without e-mail merged into users, with the chosen types");
    }

    private static List<JsonObject> users(JsonObject parseResult, String list) {
        List<JsonObject> users = new ArrayList<>();
        parseResult.getAsJsonArray(list).forEach(u -> users.add(u.getAsJsonObject()));
        return users;
    }

    @Test
    void writesTextTheWayTheServerDoes() throws Exception {
        start(BuiltInScenario.CLEAN.load(), KEY, 1);
        status();
        clock.advance(Duration.ofSeconds(7));
        String body = text(status());
        assertTrue(body.contains("\"displayName\":\"Siobh\\u0026#225;n O\\u0026#39;Brien\""), "HTML-encoded, then JSON-escaped: " + body);
        assertTrue(body.contains("\"firstName\":\"Siobh\\u00E1n\""), body);
        assertTrue(body.contains("\"userType\":\"User\""), "userType is a name");
        assertFalse(body.contains("\"userType\":\"RoomAdmin\"") || body.contains("\"userType\":\"Guest\""),
                "a parse lists everyone as User: " + body);
        assertTrue(body.contains("\"shouldImport\":false"), body);
        assertFalse(body.contains("null"), "null members are left out: " + body);
        JsonObject guest = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("response")
                .getAsJsonObject("parseResult").getAsJsonArray("withoutEmailUsers").get(0).getAsJsonObject();
        assertFalse(guest.has("email"), "a user without e-mail has no email member: " + guest);
    }

    @Test
    void aWrongKeyGets401WithAnEmptyBodyAndAWrongCookieIsDeleted() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, KEY, 1);
        HttpResponse<byte[]> none = get(SimulatedPortal.STATUS_PATH);
        assertEquals(401, none.statusCode());
        assertEquals(0, none.body().length);
        assertTrue(none.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<byte[]> wrong = get(SimulatedPortal.STATUS_PATH, "Authorization", "Bearer sk-wrong");
        assertEquals(401, wrong.statusCode());

        HttpResponse<byte[]> cookie = get(SimulatedPortal.STATUS_PATH, "Cookie", "asc_auth_key=" + KEY);
        assertEquals(401, cookie.statusCode(), "an API key only counts as a Bearer token");
        assertTrue(cookie.headers().firstValue("Set-Cookie").orElse("").startsWith("asc_auth_key=;"), cookie.headers().map().toString());

        assertEquals(401, get(SimulatedPortal.STATUS_PATH, "Authorization", KEY).statusCode(), "an API key needs 'Bearer'");
        assertEquals(401, get(SimulatedPortal.LOGS_PATH, "ApiKeyBearer", KEY).statusCode(), "the SDKs' header is ignored");
        assertEquals(List.of("401 wrong or missing key"), requestLog.stream().distinct().toList());
    }

    @Test
    void aSessionTokenWorksAsCookieOrAuthorizationAndTheCookieWins() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, "session-token-42", 1);
        assertEquals(200, get(SimulatedPortal.STATUS_PATH, "Cookie", "other=1; asc_auth_key=session-token-42").statusCode());
        assertEquals(200, get(SimulatedPortal.STATUS_PATH, "Authorization", "session-token-42").statusCode());
        assertEquals(200, get(SimulatedPortal.STATUS_PATH, "Authorization", "Bearer session-token-42").statusCode());
        assertEquals(401, get(SimulatedPortal.STATUS_PATH, "Cookie", "asc_auth_key=stale",
                "Authorization", "Bearer session-token-42").statusCode());
    }

    @Test
    void theNotAnAdminKeyGets403WithTheStackTraceEnvelope() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, KEY, 1);
        HttpResponse<byte[]> r = get(SimulatedPortal.STATUS_PATH, "Cookie", "asc_auth_key=" + SimulatedPortal.NOT_AN_ADMIN_KEY);
        assertEquals(403, r.statusCode());
        JsonObject error = json(r).getAsJsonObject("error");
        assertEquals("Access denied", error.get("message").getAsString());
        assertTrue(error.get("stack").getAsString().contains("DemandPermissionAsync"));
        assertEquals(1, json(r).get("status").getAsInt());
    }

    private HttpResponse<byte[]> logs() throws Exception {
        return get(SimulatedPortal.LOGS_PATH, "Authorization", "Bearer " + KEY);
    }

    private static String errorType(HttpResponse<byte[]> response) {
        return json(response).getAsJsonObject("error").get("type").getAsString();
    }

    @Test
    void logsSayNothingRunsThenFileNotFoundWhileItRunsThenTheLogWithServerTimes() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, KEY, 1);
        HttpResponse<byte[]> none = logs();
        assertEquals(404, none.statusCode());
        assertEquals("No migration is in progress", json(none).getAsJsonObject("error").get("message").getAsString());
        assertEquals("ASC.Common.Web.ItemNotFoundException", errorType(none));

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<byte[]> running = logs();
        assertEquals(404, running.statusCode(), "the log is written when the operation ends");
        assertEquals("File not found", json(running).getAsJsonObject("error").get("message").getAsString());
        assertEquals("System.IO.FileNotFoundException", errorType(running));
        assertEquals(List.of("404 no migration", "404 no log until the operation ends"), requestLog);

        clock.advance(Duration.ofMinutes(2));
        HttpResponse<byte[]> ended = logs();
        assertEquals(200, ended.statusCode());
        assertEquals("text/plain; charset=utf-8", ended.headers().firstValue("Content-Type").orElse(""));
        assertEquals("2026-11-27T08:00:00: started\n2026-11-27T08:02:00: done\n2026-11-27T08:02:00: O'Brien á\n", text(ended),
                "DateTime.Now:s, server time, from the first request on");
    }

    @Test
    void eachOperationHasItsOwnLogAndAnExceptionsMessageHasALineOfItsOwn() throws Exception {
        start(BuiltInScenario.CLEAN.load(), KEY, 1);
        status();
        clock.advance(Duration.ofSeconds(7));
        String parse = text(logs());
        assertTrue(parse.startsWith("2026-11-27T08:00:02: 1.00 progress: start\n"), parse);
        assertTrue(parse.endsWith("2026-11-27T08:00:05: 100.00 progress: Data processing completed\n"), parse);

        clock.advance(Duration.ofSeconds(1));
        assertEquals(404, logs().statusCode(), "once the migration starts, the parse's log is out of reach");
        clock.advance(Duration.ofSeconds(10));
        String migration = text(logs());
        assertTrue(migration.startsWith("2026-11-27T08:00:08: 1.00 progress: start\n"), migration);
        assertTrue(migration.contains(": 100.00 progress: Migration completed\n"), migration);
        assertFalse(migration.contains("Unzipping"), "a new log for the new operation: " + migration);

        stop();
        start(BuiltInScenario.FATAL.load(), KEY, 1);
        status();
        clock.advance(Duration.ofSeconds(5));
        String failed = text(logs());
        assertTrue(failed.contains(": Couldn't unzip nextcloud-backup.zip\nEnd of Central Directory record could not be found.\n"), failed);
    }

    /** Servers before 3.7.1 throw a bare Exception for "no task", before 3.2.1 a missing file is a 500 too, and fields are ignored. */
    @Test
    void anOlderServersLogsAnswerWith500sAndItIgnoresFields() throws Exception {
        String frames = "\"frames\": [{\"at\": \"0s\", \"noMigration\": true},"
                + " {\"at\": \"1s\", \"status\": {\"progress\": 5, \"error\": \"\", \"isCompleted\": false,"
                + " \"parseResult\": {\"migratorName\": \"Nextcloud\", \"operation\": \"parse\", \"importGroups\": false}}}]";
        start("{\"server\": \"3.6\", " + frames + "}", KEY, 1);
        HttpResponse<byte[]> none = logs();
        assertEquals(500, none.statusCode());
        assertEquals("System.Exception", errorType(none));
        assertEquals("No migration is in progress", json(none).getAsJsonObject("error").get("message").getAsString());
        assertEquals(500, json(none).get("statusCode").getAsInt());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(404, logs().statusCode(), "3.6 maps a missing file to 404");

        stop();
        start("{\"server\": \"3.1.1\", " + frames + "}", KEY, 1);
        logs();
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<byte[]> running = logs();
        assertEquals(500, running.statusCode());
        assertEquals("System.IO.FileNotFoundException", errorType(running));
        JsonObject full = json(get(SimulatedPortal.STATUS_PATH + "?fields=progress", "Authorization", "Bearer " + KEY));
        assertTrue(full.getAsJsonObject("response").getAsJsonObject("parseResult").has("importGroups"), "fields ignored: " + full);
    }

    @Test
    void answersGzipToAClientThatAsks() throws Exception {
        start(BuiltInScenario.CLEAN.load(), KEY, 1);
        HttpResponse<byte[]> r = get(SimulatedPortal.STATUS_PATH, "Authorization", "Bearer " + KEY, "Accept-Encoding", "gzip");
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
        String body = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("{\"count\":0,"), body);
    }

    @Test
    void faultsAnswerAsAProxyOrTheRateLimiterWould() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, KEY, 1);
        status();
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<byte[]> badGateway = status();
        assertEquals(502, badGateway.statusCode());
        assertTrue(text(badGateway).contains("<title>502 Bad Gateway</title>"));
        assertEquals(502, get(SimulatedPortal.LOGS_PATH, "Authorization", "Bearer " + KEY).statusCode(), "every endpoint fails alike");

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<byte[]> limited = status();
        assertEquals(429, limited.statusCode());
        assertEquals(0, limited.body().length);
        assertEquals("2", limited.headers().firstValue("Retry-After").orElse(""));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(status().headers().firstValue("Retry-After").isEmpty(), "a 429 without Retry-After");

        clock.advance(Duration.ofSeconds(1));
        assertThrows(IOException.class, this::status, "the connection is closed without an answer");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(503, status().statusCode());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(504, status().statusCode());
    }

    @Test
    void aDatabaseHiccupIsDocSpacesOwn500Envelope() throws Exception {
        start("{\"frames\": [{\"at\": \"0s\", \"fault\": \"500\"}]}", KEY, 1);
        HttpResponse<byte[]> r = status();
        assertEquals(500, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException", errorType(r));
        assertEquals(500, json(r).get("statusCode").getAsInt());
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, KEY, 1);
        assertEquals(404, get("/api/2.0/migration/list", "Authorization", "Bearer " + KEY).statusCode());
        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(URI.create(portal.url() + SimulatedPortal.STATUS_PATH))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, post.statusCode());
    }

    /** As DocSpace 3.2.1+ filters every answer (README, "How it reads the server"): what the client's lean polls rely on. */
    @Test
    void fieldsKeepsOnlyTheNamedMembersAndTheEnvelope() throws Exception {
        start(BuiltInScenario.CLEAN.load(), KEY, 1);
        status();
        clock.advance(Duration.ofSeconds(10));
        String lean = SimulatedPortal.STATUS_PATH + "?fields=progress,error,isCompleted,parseResult.migratorName,parseResult.operation";
        HttpResponse<byte[]> r = get(lean, "Authorization", "Bearer " + KEY);
        JsonObject envelope = json(r);
        assertEquals("{\"progress\":7,\"error\":\"\",\"isCompleted\":false,"
                + "\"parseResult\":{\"migratorName\":\"Nextcloud\",\"operation\":\"migration\"}}",
                envelope.get("response").toString(), "members in the status's own order, nothing else");
        assertEquals(200, envelope.get("statusCode").getAsInt());
        assertEquals(portal.url() + lean, envelope.getAsJsonArray("links").get(0).getAsJsonObject().get("href").getAsString(),
                "the query is echoed");
        assertTrue(requestLog.get(requestLog.size() - 1).endsWith("(fields)"), requestLog.toString());

        JsonObject counts = json(get(SimulatedPortal.STATUS_PATH + "?fields=parseResult.users._", "Authorization", "Bearer " + KEY));
        assertEquals("{\"parseResult\":{\"users\":[{},{},{},{}]}}", counts.get("response").toString(), "a list keeps its length");

        JsonObject whole = json(get(SimulatedPortal.STATUS_PATH + "?fields=parseResult", "Authorization", "Bearer " + KEY));
        assertTrue(whole.getAsJsonObject("response").getAsJsonObject("parseResult").has("importGroups"), whole.toString());

        for (String nothing : List.of("fields=", "fields=Progress", "fields=response", "fields[]=progress,error")) {
            JsonObject none = json(get(SimulatedPortal.STATUS_PATH + "?" + nothing, "Authorization", "Bearer " + KEY));
            assertEquals("{}", none.get("response").toString(), nothing);
        }
        JsonObject bracketed = json(get(SimulatedPortal.STATUS_PATH + "?FIELDS[]=progress&fields[]=isCompleted", "Authorization",
                "Bearer " + KEY));
        assertEquals("{\"progress\":7,\"isCompleted\":false}", bracketed.get("response").toString());
    }
}
