package dev.migstatus.cli;

import dev.migstatus.sim.BuiltInScenario;
import dev.migstatus.sim.ScenarioReader;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code migstatus simulate}: what it prints, what it refuses, and that Ctrl-C ends it cleanly. */
class SimulateCommandTest {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }

    private static int get(String url, String key) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void servesWhatItPrintsUntilCtrlC() throws IOException {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        List<Integer> answers = new ArrayList<>();
        CliRun run = new CliRun();
        // The command waits for Ctrl-C in the sleeper: that is where a "user" uses the portal and then stops it.
        run.onSleep(slept -> {
            answers.add(get(url + "/api/2.0/migration/status", "sk-wrong"));
            answers.add(get(url + "/api/2.0/migration/status", "sk-rehearsal"));
            run.cancellation().cancel();
        });
        Result r = run.run("simulate", "--port", Integer.toString(port), "--key", "sk-rehearsal", "--scenario", "fatal");

        assertEquals(0, r.exitCode(), "Ctrl-C is how a simulator ends: " + r.all());
        assertEquals(List.of(401, 200), answers);
        assertTrue(r.out().contains("Simulated DocSpace portal: " + url + "\n"), r.out());
        assertTrue(r.out().contains("Key:       the one given with --key (not shown)\n"), "a given key is never echoed: " + r.out());
        assertTrue(r.out().contains("Scenario:  fatal, about 5s (migstatus --until migrated exits 3): The Nextcloud archive"), r.out());
        assertTrue(r.out().contains("Watch it:  migstatus --host " + url + " --key … --until migrated"), r.out());
        assertTrue(r.err().contains("GET /api/2.0/migration/status 401 wrong or missing key"), r.err());
        assertTrue(r.err().contains("GET /api/2.0/migration/status 200 starting 0%"), r.err());
        assertTrue(r.err().endsWith("migstatus: simulated portal stopped\n"), r.err());
        assertEquals(List.of(), run.run("simulate", "--port", Integer.toString(port), "--print-scenario").err().lines().toList(),
                "the port is free again");
    }

    @Test
    void generatesAKeyWhenNoneIsGiven() {
        CliRun run = new CliRun();
        run.onSleep(slept -> run.cancellation().cancel());
        Result r = run.run("simulate");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().matches("(?s).*\nKey:       sk-[0-9a-f]{32}\n.*"), r.out());
        String key = r.out().lines().filter(l -> l.startsWith("Key:")).findFirst().orElseThrow().substring(11);
        assertTrue(r.out().contains("--key " + key + " --until migrated"), "a generated key is the one to use: " + r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.168.1.10", "::", "example.com", "10.0.0.1"})
    void refusesToListenBeyondThisMachine(String address) {
        Result r = new CliRun().run("simulate", "--bind", address);
        assertEquals(2, r.exitCode(), r.all());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("migstatus: --bind " + address + ": the simulator only listens on this machine"), r.err());
        assertEquals("", r.out(), "nothing was served, so no URL or key was printed");
    }

    @Test
    void localhostMeans127001WithoutALookup() {
        CliRun run = new CliRun();
        run.onSleep(slept -> run.cancellation().cancel());
        Result r = run.run("simulate", "--bind", "localhost");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().startsWith("Simulated DocSpace portal: http://127.0.0.1:"), r.out());
    }

    @Test
    void aPortInUseIsOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            Result r = new CliRun().run("simulate", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, r.exitCode(), r.all());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("migstatus: cannot listen on 127.0.0.1 port " + taken.getLocalPort() + " ("), r.err());
            assertTrue(r.err().contains("choose another --port, or 0 for a free one"), r.err());
        }
    }

    @Test
    void refusesBadValues() {
        assertEquals(2, new CliRun().run("simulate", "--speed", "0").exitCode());
        assertEquals(2, new CliRun().run("simulate", "--port", "70000").exitCode());
        Result forbidden = new CliRun().run("simulate", "--key", "not-an-admin");
        assertEquals(2, forbidden.exitCode());
        assertTrue(forbidden.err().contains("the key that rehearses a 403"), forbidden.err());
    }

    @Test
    void aBrokenScenarioFileSaysWhereInOneLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.json"),
                "{\"frames\":[{\"at\":\"0s\",\"noMigration\":true},{\"at\":\"3s\",\"fault\":\"501\"}]}");
        Result r = new CliRun().run("simulate", "--scenario", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals("migstatus: --scenario " + file + ": frame 2: \"fault\" must be one of \"500\", \"502\", \"503\", \"504\", \"429\","
                + " \"reset\" (see 'migstatus simulate --help')\n", r.err());
    }

    @Test
    void printsABuiltInScenarioAsAFileThatReadsBackTheSame() throws Exception {
        Result r = new CliRun().run("simulate", "--scenario", "failed-users", "--print-scenario");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(BuiltInScenario.FAILED_USERS.load(), ScenarioReader.read(new StringReader(r.out())));
    }

    @Test
    void helpListsTheCommands() {
        Result r = new CliRun().run("--help");
        assertTrue(r.out().matches("(?s).*\n  demo +Shows migstatus at work.*"), r.out());
        assertTrue(r.out().matches("(?s).*\n  simulate +Serves a simulated DocSpace portal.*"), r.out());
        Result sub = new CliRun().run("simulate", "--help");
        assertTrue(sub.out().contains("--scenario NAME|FILE"), sub.out());
        assertTrue(sub.out().replaceAll("\\s+", " ").contains("clean, failed-users, fatal, flaky, slow-start, big"), sub.out());
    }
}
