package dev.migstatus.cli;

import dev.migstatus.sim.Scenario;
import dev.migstatus.sim.ScenarioReader;
import dev.migstatus.sim.SimulatedPortal;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exporter's polls on the wire: lean while an operation runs, whole at a change of state and
 * at least once a minute, whole every time from a server that ignores {@code fields}; and the
 * series scraped from /metrics stay right between full answers.
 */
class ExporterLeanPollsTest {

    private static final String KEY = "sk-exporter-lean-0123456789";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    /** One request the simulated portal answered: scenario time and its label, "(fields)" at the end when lean. */
    private record Request(Duration at, String what) {
        @Override
        public String toString() {
            return at.toSeconds() + "s " + what;
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String metrics(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs the exporter on its fake clock, scrapes /metrics once the clock reaches each moment, and stops after the last. */
    private Result export(CliRun run, String url, List<Duration> scrapeAt, List<String> pages, String... extra) throws IOException {
        Instant start = run.clock().instant();
        int port = freePort();
        run.onSleep(slept -> {
            while (pages.size() < scrapeAt.size() && !run.clock().instant().isBefore(start.plus(scrapeAt.get(pages.size())))) {
                pages.add(metrics(port));
            }
            if (pages.size() == scrapeAt.size()) {
                run.cancellation().cancel();
            }
        });
        List<String> args = new ArrayList<>(List.of("exporter", "--host", url, "--key", KEY, "--listen", "127.0.0.1:" + port));
        args.addAll(List.of(extra));
        return run.run(args.toArray(String[]::new));
    }

    /** The value of the one sample of {@code series} whose labels contain {@code label}; null when there is none. */
    private static Double value(String page, String series, String label) {
        List<Double> values = page.lines().filter(l -> l.startsWith(series + "{") && l.substring(0, l.indexOf('}')).contains(label))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toList();
        assertTrue(values.size() <= 1, series + " " + label + ": " + values);
        return values.isEmpty() ? null : values.get(0);
    }

    @Test
    void aRunningMigrationIsPolledLeanAndItsListSizesStayRightFromTheLastFullAnswer() throws Exception {
        Scenario migration = ScenarioReader.read(new StringReader("""
                {"frames": [
                  {"at": "0s", "status": {"progress": 5, "error": "", "isCompleted": false, "parseResult": {"migratorName": "Nextcloud",
                    "operation": "migration", "importGroups": false, "successedUsers": 0, "failedUsers": 0}},
                    "generateUsers": 40, "generatedAs": "migrated"},
                  {"at": "40s", "update": {"progress": 40, "parseResult": {"successedUsers": 16}}},
                  {"at": "100s", "update": {"progress": 100, "isCompleted": true, "parseResult": {"successedUsers": 38, "failedUsers": 2}}}
                ]}"""));
        CliRun run = new CliRun();
        List<String> pages = new ArrayList<>();
        Result r;
        try (SimulatedPortal sim = SimulatedPortal.start(migration, SimulatedPortal.Settings.loopback(KEY), run.clock(),
                (at, method, path, status, what) -> requests.add(new Request(at, what)))) {
            // The simulator's scenario runs on the exporter's clock: both start at the same fake instant.
            r = export(run, sim.url().toString(), List.of(Duration.ofSeconds(100), Duration.ofSeconds(180)), pages, "--interval", "15s");
        }

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(List.of(
                        "0s migration 5%",
                        "15s migration 5% (fields)", "30s migration 5% (fields)", "45s migration 40% (fields)",
                        "60s migration 40%",
                        "75s migration 40% (fields)", "90s migration 40% (fields)",
                        "105s migration completed (fields)", "105s migration completed",
                        "120s migration completed (fields)", "135s migration completed (fields)", "150s migration completed (fields)",
                        "165s migration completed"),
                requests.stream().map(Request::toString).toList(),
                "whole first, lean while it runs, whole once a minute and at once when a lean answer shows the end; "
                        + "an ended operation is polled lean like a running one");
        String running = pages.get(0);
        assertEquals(40.0, value(running, "docspace_migration_users", "list=\"users\""),
                "after two lean polls the list size is the last full answer's: " + running);
        assertEquals(0.4, value(running, "docspace_migration_progress_ratio", ""), 1e-9, "progress from the lean answer");
        assertEquals(16.0, value(running, "docspace_migration_users_imported", ""), "the counters from the lean answer");
        assertEquals(0.0, value(running, "docspace_migration_completed", ""));
        String ended = pages.get(1);
        assertEquals(40.0, value(ended, "docspace_migration_users", "list=\"users\""), ended);
        assertEquals(1.0, value(ended, "docspace_migration_completed", ""));
        assertEquals(38.0, value(ended, "docspace_migration_users_imported", ""));
        assertEquals(2.0, value(ended, "docspace_migration_users_failed", ""));
        assertEquals(1.0, value(ended, "docspace_migration_info", "phase=\"migrated\""), ended);
        assertEquals(12.0, value(ended, "docspace_migration_poll_duration_seconds_count", ""),
                "twelve polls published: the lean one set aside for the full one is not");
    }

    @Test
    void aServerThatIgnoresFieldsIsAskedOnceAndThenInFull() throws IOException {
        List<ResponseDefinitionBuilder> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(fixture("migration-running"));
        }
        // WireMock matches the path only: like DocSpace before 3.2.1 it answers in full whatever the query.
        portal.statusSequence(answers.toArray(ResponseDefinitionBuilder[]::new));
        List<String> pages = new ArrayList<>();

        Result r = export(new CliRun(), portal.url(), List.of(Duration.ofSeconds(60)), pages, "--interval", "10s");

        assertEquals(0, r.exitCode(), r.all());
        List<String> urls = portal.statusRequests().stream().map(LoggedRequest::getUrl).toList();
        assertEquals(List.of(false, true, false, false, false, false), urls.stream().map(u -> u.contains("?fields=")).toList(),
                "one lean request shows the server ignores it: " + urls);
        Double users = value(pages.get(0), "docspace_migration_users", "list=\"users\"");
        assertTrue(users != null && users > 0, pages.get(0));
    }
}
