package dev.migstatus.sim;

import dev.migstatus.testing.FakeClock;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many simulated portals on one port, /p1 … /pN, each with its own scenario clock. */
class SimulatedFleetTest {

    private static final String KEY = "sk-0123456789abcdef";

    private final FakeClock clock = new FakeClock();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> requestLog = new ArrayList<>();
    private SimulatedPortal portals;

    @AfterEach
    void stop() {
        if (portals != null) {
            portals.close();
        }
    }

    private void start(int count) throws Exception {
        portals = SimulatedPortal.start(BuiltInScenario.CLEAN.load(), SimulatedPortal.Settings.loopback(KEY).withPortals(count), clock,
                (at, method, path, status, what) -> requestLog.add(path + " " + status + " " + what));
    }

    private HttpResponse<String> get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject status(int portal) throws Exception {
        HttpResponse<String> response = get(URI.create(portals.url(portal) + SimulatedPortal.STATUS_PATH));
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @Test
    void eachPortalPlaysItsOwnCopyOfTheScenarioFromItsOwnFirstRequest() throws Exception {
        start(3);
        status(1);
        clock.advance(Duration.ofSeconds(12));
        status(3);
        clock.advance(Duration.ofSeconds(3));

        JsonObject first = status(1).getAsJsonObject("response");
        JsonObject third = status(3).getAsJsonObject("response");

        assertTrue(first.get("isCompleted").getAsBoolean() && first.getAsJsonObject("parseResult").get("operation").getAsString()
                .equals("migration"), "p1 started 15 s ago: its migration is over: " + first);
        assertEquals(1, third.get("progress").getAsInt(), "p3 started 3 s ago: its parse has just begun: " + third);
        assertFalse(status(2).has("response"), "p2 was never asked: it starts now, with nothing running yet");
        assertEquals(portals.url(2) + SimulatedPortal.STATUS_PATH,
                status(2).getAsJsonArray("links").get(0).getAsJsonObject().get("href").getAsString(),
                "the envelope names the portal's own address");
    }

    @Test
    void portalsAreAtP1ToPnAndNothingElseAnswers() throws Exception {
        start(2);
        assertEquals(URI.create(portals.url() + "/p2"), portals.url(2));
        assertThrows(IllegalArgumentException.class, () -> portals.url(3));
        for (String path : new String[] {"", "/p0", "/p3", "/p01", "/px", "/p"}) {
            HttpResponse<String> response = get(URI.create(portals.url() + path + SimulatedPortal.STATUS_PATH));
            assertEquals(404, response.statusCode(), path);
        }
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(portals.url(1) + SimulatedPortal.STATUS_PATH)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "every portal checks the key");
        assertTrue(requestLog.contains("/p3" + SimulatedPortal.STATUS_PATH + " 404 no such portal: they are /p1 to /p2"), requestLog.toString());
    }

    @Test
    void onePortalIsServedAtTheRootAsAlways() throws Exception {
        start(1);
        assertEquals(portals.url(), portals.url(1));
        assertEquals(200, get(URI.create(portals.url() + SimulatedPortal.STATUS_PATH)).statusCode());
        assertEquals(404, get(URI.create(portals.url() + "/p1" + SimulatedPortal.STATUS_PATH)).statusCode());
    }

    @Test
    void theNumberOfPortalsIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> SimulatedPortal.Settings.loopback(KEY).withPortals(0));
        assertThrows(IllegalArgumentException.class,
                () -> SimulatedPortal.Settings.loopback(KEY).withPortals(SimulatedPortal.Settings.MAX_PORTALS + 1));
    }
}
