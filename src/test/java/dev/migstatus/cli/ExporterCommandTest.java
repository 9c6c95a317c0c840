package dev.migstatus.cli;

import dev.migstatus.fleet.Shard;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code migstatus exporter} through the real command line: its /metrics scraped over loopback while it runs. */
class ExporterCommandTest {

    private static final String KEY = "sk-exporter-0123456789";

    @RegisterExtension
    static final Portal server = Portal.sharedByTheClass();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs the exporter for a minute of its fake clock, then scrapes it and stops it as Ctrl-C would. */
    private Result runForAMinute(List<String> pages, int port, String... args) {
        CliRun run = new CliRun();
        run.onSleep(slept -> {
            if (pages.isEmpty() && !run.clock().instant().isBefore(java.time.Instant.parse("2026-11-27T08:01:00Z"))) {
                pages.add(get(port, "/metrics"));
                pages.add(get(port, "/healthz"));
                run.cancellation().cancel();
            }
        });
        return run.run(args);
    }

    private Path portalsFile(String... names) throws IOException {
        StringBuilder text = new StringBuilder("# portals for the exporter\n");
        for (String name : names) {
            text.append(server.url()).append('/').append(name).append('\n');
        }
        Path file = dir.resolve("portals.txt");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void servesEveryPortalsSeriesAndKeepsPollingAPortalThatIsDown() throws IOException {
        server.sequence("/berlin" + Portal.STATUS, fixture("migration-completed-with-failures"));
        server.sequence("/paris" + Portal.STATUS, aResponse().withStatus(503));
        server.sequence("/rome" + Portal.STATUS, json(Fixtures.running("migration", 40)));
        int port = freePort();
        List<String> pages = new ArrayList<>();

        Result r = runForAMinute(pages, port, "exporter", "--portals", portalsFile("berlin", "paris", "rome").toString(),
                "--key", KEY, "--listen", "127.0.0.1:" + port, "--interval", "10s");

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("migstatus exporter: 3 of 3 portals, each every 10s; metrics at http://127.0.0.1:" + port
                + "/metrics"), r.out());
        String metrics = pages.get(0);
        String berlin = "portal=\"" + server.url() + "/berlin\"";
        assertTrue(metrics.contains("docspace_migration_users_failed{" + berlin + "} 1.0"), metrics);
        assertTrue(metrics.contains("docspace_migration_completed{" + berlin + "} 1.0"), metrics);
        assertTrue(metrics.contains("docspace_migration_up{portal=\"" + server.url() + "/paris\"} 0.0"), metrics);
        assertTrue(metrics.contains("docspace_migration_progress_ratio{portal=\"" + server.url() + "/rome\"} 0.4"), metrics);
        assertTrue(metrics.contains("docspace_migration_poll_duration_seconds_count{" + berlin + "} 6"),
                "a minute at 10 s: six polls: " + metrics);
        assertFalse(metrics.contains(KEY), "no key in any label or page");
        assertEquals("ok\n", pages.get(1));
        assertTrue(r.err().contains("migstatus: " + server.url() + "/paris: no answer: 503 Service Unavailable"), r.err());
        for (String name : List.of("berlin", "paris", "rome")) {
            assertEquals(6, server.server().findAll(getRequestedFor(urlPathEqualTo("/" + name + Portal.STATUS))).size(),
                    "a minute at 10 s: six polls of " + name);
        }
    }

    @Test
    void aShardTakesOnlyItsShareOfTheFile() throws IOException {
        List<String> names = List.of("a", "b", "c", "d", "e", "f");
        for (String name : names) {
            server.sequence("/" + name + Portal.STATUS, fixture("no-migration"));
        }
        int port = freePort();
        List<String> pages = new ArrayList<>();

        Result r = runForAMinute(pages, port, "exporter", "--portals", portalsFile(names.toArray(String[]::new)).toString(),
                "--key", KEY, "--listen", "127.0.0.1:" + port, "--shard", "2/3");

        assertEquals(0, r.exitCode(), r.all());
        List<String> expected = names.stream().filter(n -> Shard.of(server.url() + "/" + n, 3) == 2).toList();
        for (String name : names) {
            boolean shown = pages.get(0).contains("docspace_migration_up{portal=\"" + server.url() + "/" + name + "\"}");
            assertEquals(expected.contains(name), shown, name + " in shard 2/3: " + pages.get(0));
        }
        assertTrue(r.out().contains(expected.size() + " of 6 portals (shard 2/3)"), r.out());
    }

    @Test
    void badOptionsAreOneLineUsageErrors() throws IOException {
        Path file = portalsFile("a");
        for (String[] bad : List.of(new String[] {"--shard", "4/3"}, new String[] {"--listen", "nowhere"},
                new String[] {"--interval", "10ms"}, new String[] {"--retry-for", "1m"})) {
            List<String> args = new ArrayList<>(List.of("exporter", "--portals", file.toString(), "--key", KEY));
            args.addAll(List.of(bad));
            Result r = new CliRun().run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), r.all());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("migstatus: " + bad[0]), r.err());
        }
    }
}
