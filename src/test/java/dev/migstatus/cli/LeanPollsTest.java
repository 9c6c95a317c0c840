package dev.migstatus.cli;

import dev.migstatus.sim.BuiltInScenario;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lean polls on the wire: while an operation runs a watch asks for the few members its live line
 * needs, and for everything when the state changes, at the end, and at least once a minute; a
 * server that ignores {@code fields} is not asked again.
 */
class LeanPollsTest {

    private static final String KEY = "sk-0011223344556677";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    /** One request the simulated portal answered: scenario time and its label, "(fields)" at the end when lean. */
    private record Request(Duration at, String what) {
        boolean lean() {
            return what.endsWith(" (fields)");
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private Result watchSimulated(Scenario scenario, String... extra) {
        CliRun run = new CliRun();
        try (SimulatedPortal sim = SimulatedPortal.start(scenario, SimulatedPortal.Settings.loopback(KEY), run.clock(),
                (at, method, path, status, what) -> requests.add(new Request(at, what)))) {
            List<String> args = new ArrayList<>(List.of("--host", sim.url().toString(), "--key", KEY));
            Collections.addAll(args, extra);
            return run.run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> fullAnswers() {
        return requests.stream().filter(r -> !r.lean()).map(Request::what).toList();
    }

    @Test
    void runningOperationsArePolledLeanAndEveryNewStateIsFetchedWhole() {
        Result r = watchSimulated(BuiltInScenario.CLEAN.load(), "--until", "migrated", "--interval", "500ms");
        assertEquals(0, r.exitCode(), r.all());
        // A migration is a new task: first the admin's request (no operation yet), then progress 1 with empty
        // lists while the archive is parsed again; progress leaving 0-1 is when the lists are filled.
        assertEquals(List.of("no migration", "no migration", "starting 0%", "parse 1%", "parse 27.5%", "parse completed",
                "starting 0%", "migration 1%", "migration 7%", "migration completed"), fullAnswers(),
                "in full: until something runs, then each new state, progress leaving 0-1, and the end");
        assertTrue(requests.stream().anyMatch(q -> q.lean() && q.what().startsWith("parse 60%")), requests.toString());
        assertTrue(requests.stream().anyMatch(q -> q.lean() && q.what().startsWith("parse completed")),
                "a finished parse is watched lean while it waits for the migration: " + requests);
        assertTrue(requests.stream().anyMatch(q -> q.lean() && q.what().startsWith("migration 48%")), requests.toString());
        // The counts on the lines come from the full answers; the lean ones carry progress.
        assertTrue(r.out().contains("parse finished · Nextcloud · 4 users ready; waiting for the migration to start"), r.out());
        assertTrue(r.out().contains("migrating · Nextcloud · 48% · 4 users · 2 groups"), r.out());
        assertTrue(r.out().contains("Migration completed: 4 users imported, 0 failed"), r.out());
        assertTrue(r.out().contains("Siobhán O'Brien"), "the final report has the users of the last full answer: " + r.out());
    }

    @Test
    void aLongOperationIsFetchedWholeAtLeastEveryMinute() throws Exception {
        Scenario longParse = ScenarioReader.read(new StringReader("""
                {"frames": [
                  {"at": "0s", "status": {"progress": 1, "error": "", "parseResult": {"migratorName": "Nextcloud",
                    "operation": "parse", "users": [], "importGroups": false, "successedUsers": 0, "failedUsers": 0},
                    "isCompleted": false}, "generateUsers": 50},
                  {"at": "200s", "update": {"progress": 100, "isCompleted": true}}
                ]}"""));
        Result r = watchSimulated(longParse, "--interval", "5s");
        assertEquals(0, r.exitCode(), r.all());
        List<Request> full = requests.stream().filter(q -> !q.lean()).toList();
        for (int i = 1; i < full.size(); i++) {
            Duration gap = full.get(i).at().minus(full.get(i - 1).at());
            assertTrue(gap.compareTo(Duration.ofSeconds(65)) <= 0, "a full answer at most a poll after the minute: " + full);
        }
        assertTrue(full.size() <= 5, "not more often than that: " + full);
        assertTrue(requests.size() - full.size() > 30, "the rest are lean: " + requests.size() + " requests, " + full);
        assertTrue(r.out().contains("Parse finished: 50 users ready"), r.out());
    }

    @Test
    void aServerThatIgnoresFieldsIsAskedOnceAndThenInFull() {
        List<ResponseDefinitionBuilder> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(fixture("migration-running"));
        }
        answers.add(fixture("migration-completed-clean"));
        // WireMock matches the path only: like DocSpace before 3.2.1 it answers in full whatever the query.
        portal.statusSequence(answers.toArray(ResponseDefinitionBuilder[]::new));
        Result r = new CliRun().watch(portal, KEY);
        assertEquals(0, r.exitCode(), r.all());
        List<String> urls = portal.statusRequests().stream().map(LoggedRequest::getUrl).toList();
        assertEquals(7, urls.size(), urls.toString());
        assertEquals(List.of(false, true, false, false, false, false, false), urls.stream().map(u -> u.contains("?fields=")).toList(),
                "one lean request shows the server ignores it: " + urls);
        assertTrue(r.out().contains("Migration completed"), r.out());
    }

    @Test
    void onceAsksForEverything() {
        portal.status(fixture("migration-running"));
        Result r = new CliRun().watch(portal, KEY, "--once");
        assertEquals(9, r.exitCode(), r.all());
        assertFalse(portal.statusRequests().get(0).getUrl().contains("fields"), portal.statusRequests().get(0).getUrl());
    }
}
