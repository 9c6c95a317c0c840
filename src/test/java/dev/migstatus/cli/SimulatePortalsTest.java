package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code migstatus simulate --portals N}: a fleet to rehearse with, on one port. */
class SimulatePortalsTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/api/2.0/migration/status"))
                    .header("Authorization", "Bearer sk-rehearsal").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void servesNPortalsAndSaysHowToWatchThemAll() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        List<Integer> answers = new ArrayList<>();
        CliRun run = new CliRun();
        run.onSleep(slept -> {
            answers.add(status(url + "/p1"));
            answers.add(status(url + "/p3"));
            answers.add(status(url + "/p4"));
            run.cancellation().cancel();
        });

        Result r = run.run("simulate", "--portals", "3", "--port", Integer.toString(port), "--key", "sk-rehearsal");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(List.of(200, 200, 404), answers, "p1 … p3, and no p4");
        assertTrue(r.out().contains("Simulated DocSpace portals: " + url + "/p1 … " + url + "/p3\n"), r.out());
        assertTrue(r.out().contains("Watch them: seq -f '" + url + "/p%.0f' 3 > portals.txt\n"), r.out());
        assertTrue(r.err().matches("(?s).*\\[ *0\\.000s\\] GET /p3/api/2\\.0/migration/status 200 no migration.*"), r.err());
    }

    @Test
    void aNumberOfPortalsOutOfRangeIsAUsageError() {
        Result r = new CliRun().run("simulate", "--portals", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("migstatus: --portals 0: give a number from 1 to 100000"), r.err());
    }
}
