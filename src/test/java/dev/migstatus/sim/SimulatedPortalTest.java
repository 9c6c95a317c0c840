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

/** The simulated portal on the wire, checked against how API.md says the real server answers. */
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
        }
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
        assertEquals(3, result.getAsJsonArray("users").size(), "the users of the parse carry over");
        assertEquals("Nextcloud", result.get("migratorName").getAsString());
    }

    @Test
    void writesTextTheWayTheServerDoes() throws Exception {
        start(BuiltInScenario.CLEAN.load(), KEY, 1);
        status();
        clock.advance(Duration.ofSeconds(7));
        String body = text(status());
        assertTrue(body.contains("\"displayName\":\"Siobh\\u0026#225;n O\\u0026#39;Brien\""), "HTML-encoded, then JSON-escaped: " + body);
        assertTrue(body.contains("\"firstName\":\"Siobh\\u00E1n\""), body);
        assertTrue(body.contains("\"userType\":\"RoomAdmin\""), "userType is a name");
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

    @Test
    void logsAre404WhileNothingRunsThenPlainTextGrowingFrameByFrame() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, KEY, 1);
        HttpResponse<byte[]> none = get(SimulatedPortal.LOGS_PATH, "Authorization", "Bearer " + KEY);
        assertEquals(404, none.statusCode());
        assertEquals("No migration is in progress", json(none).getAsJsonObject("error").get("message").getAsString());

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<byte[]> some = get(SimulatedPortal.LOGS_PATH, "Authorization", "Bearer " + KEY);
        assertEquals(200, some.statusCode());
        assertEquals("text/plain; charset=utf-8", some.headers().firstValue("Content-Type").orElse(""));
        assertEquals("started\n", text(some), "no envelope");

        clock.advance(Duration.ofMinutes(2));
        assertEquals("started\ndone\nO'Brien á\n", text(get(SimulatedPortal.LOGS_PATH, "Authorization", "Bearer " + KEY)));
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
    void otherPathsAndMethodsAreRefused() throws Exception {
        start(ScenarioFileTest.EVERY_KIND, KEY, 1);
        assertEquals(404, get("/api/2.0/migration/list", "Authorization", "Bearer " + KEY).statusCode());
        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(URI.create(portal.url() + SimulatedPortal.STATUS_PATH))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, post.statusCode());
    }

    /** As DocSpace 3.2.1+ filters every answer (server-facts §1): what the client's lean polls rely on. */
    @Test
    void fieldsKeepsOnlyTheNamedMembersAndTheEnvelope() throws Exception {
        start(BuiltInScenario.CLEAN.load(), KEY, 1);
        status();
        clock.advance(Duration.ofSeconds(10));
        String lean = SimulatedPortal.STATUS_PATH + "?fields=progress,error,isCompleted,parseResult.migratorName,parseResult.operation";
        HttpResponse<byte[]> r = get(lean, "Authorization", "Bearer " + KEY);
        JsonObject envelope = json(r);
        assertEquals("{\"progress\":15,\"error\":\"\",\"isCompleted\":false,"
                + "\"parseResult\":{\"migratorName\":\"Nextcloud\",\"operation\":\"migration\"}}",
                envelope.get("response").toString(), "members in the status's own order, nothing else");
        assertEquals(200, envelope.get("statusCode").getAsInt());
        assertEquals(portal.url() + lean, envelope.getAsJsonArray("links").get(0).getAsJsonObject().get("href").getAsString(),
                "the query is echoed");
        assertTrue(requestLog.get(requestLog.size() - 1).endsWith("(fields)"), requestLog.toString());

        JsonObject counts = json(get(SimulatedPortal.STATUS_PATH + "?fields=parseResult.users._", "Authorization", "Bearer " + KEY));
        assertEquals("{\"parseResult\":{\"users\":[{},{},{}]}}", counts.get("response").toString(), "a list keeps its length");

        JsonObject whole = json(get(SimulatedPortal.STATUS_PATH + "?fields=parseResult", "Authorization", "Bearer " + KEY));
        assertTrue(whole.getAsJsonObject("response").getAsJsonObject("parseResult").has("importGroups"), whole.toString());

        for (String nothing : List.of("fields=", "fields=Progress", "fields=response", "fields[]=progress,error")) {
            JsonObject none = json(get(SimulatedPortal.STATUS_PATH + "?" + nothing, "Authorization", "Bearer " + KEY));
            assertEquals("{}", none.get("response").toString(), nothing);
        }
        JsonObject bracketed = json(get(SimulatedPortal.STATUS_PATH + "?FIELDS[]=progress&fields[]=isCompleted", "Authorization",
                "Bearer " + KEY));
        assertEquals("{\"progress\":15,\"isCompleted\":false}", bracketed.get("response").toString());
    }
}
