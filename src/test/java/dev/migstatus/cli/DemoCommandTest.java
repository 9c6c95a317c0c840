package dev.migstatus.cli;

import dev.migstatus.sim.BuiltInScenario;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code migstatus demo}: one command shows the whole thing, and ends by itself. */
class DemoCommandTest {

    @Test
    void endsByItselfAfterShowingTheWholeWatch() {
        Result r = new CliRun().run("demo");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().startsWith("migstatus demo: a simulated portal plays the clean scenario (about 13s)\n"
                + "at http://127.0.0.1:"), r.out());
        assertTrue(r.out().contains("; migstatus watches it with --until migrated.\n"), r.out());
        assertTrue(r.out().contains("[00:02] parsing · Nextcloud"), r.out());
        assertTrue(r.out().contains("[00:07] starting · Nextcloud · 4 users\n"), "a count of nothing is left out: " + r.out());
        assertFalse(r.out().contains("0 groups"), r.out());
        assertTrue(r.out().contains("[00:13] migration finished · Nextcloud"), r.out());
        assertTrue(r.out().contains("Migration completed: 4 users imported, 0 failed"), r.out());
        assertTrue(r.out().contains("Groups (2)"), r.out());
        assertTrue(r.out().strip().endsWith("Exit code 0 (ok). Try: migstatus demo --scenario failed-users\n"
                + "Other scenarios: fatal, flaky, slow-start, big"), r.out());
        assertEquals("", r.err());
        assertTrue(r.sleeps().stream().allMatch(Duration.ofMillis(500)::equals), "polls every 500ms: " + r.sleeps());
        long wall = r.sleeps().stream().mapToLong(Duration::toMillis).sum();
        assertTrue(wall >= 13_000 && wall <= 14_000, "about 13 s of scenario time, about 15 s with starting Java: " + wall + "ms");
    }

    /** {@code big} shows nothing new here for the seconds it costs; ScenariosWatchedTest watches it. */
    @ParameterizedTest
    @EnumSource(value = BuiltInScenario.class, mode = EnumSource.Mode.EXCLUDE, names = "BIG")
    void endsWithTheScenariosExitCode(BuiltInScenario scenario) {
        Result r = new CliRun().run("demo", "--scenario", scenario.scenarioName());
        assertEquals(scenario.exitCode(), r.exitCode(), r.all());
        assertTrue(r.out().contains("Exit code " + scenario.exitCode() + " ("), r.out());
        List<String> own = r.out().lines().filter(l -> l.startsWith("migstatus demo:") || l.startsWith("at http")
                || l.startsWith("Exit code") || l.startsWith("Other scenarios")).toList();
        assertEquals(4, own.size(), r.out());
        own.forEach(line -> assertTrue(line.length() <= 80, "the demo's own lines fit 80 columns: " + line));
    }

    @Test
    void aScenarioThatNeverMigratesStillEnds(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("stuck.json"),
                "{\"frames\":[{\"at\":\"0s\",\"status\":{\"progress\":1,\"error\":\"\",\"isCompleted\":false}}]}");
        Result r = new CliRun().run("demo", "--scenario", file.toString());
        assertEquals(124, r.exitCode(), r.all());
        assertTrue(r.out().contains("The scenario never completed a migration: the demo stopped 30s after its last frame.\n"
                + "Exit code 124 (timeout). Try: migstatus demo --scenario failed-users\n"
                + "Other scenarios: clean, fatal"), r.out());
    }

    @Test
    void ctrlCStopsItLikeAnyWatch() {
        CliRun run = new CliRun();
        run.onSleep(slept -> run.cancellation().cancel());
        Result r = run.run("demo");
        assertEquals(130, r.exitCode(), r.all());
        assertTrue(r.err().contains("migstatus: Stopped;"), r.err());
        assertFalse(r.out().contains("Exit code"), "no advice for another scenario after Ctrl-C: " + r.out());
    }

    @Test
    void anUnknownScenarioIsAUsageError() {
        Result r = new CliRun().run("demo", "--scenario", "sunny");
        assertEquals(2, r.exitCode());
        assertEquals("migstatus: --scenario sunny: no built-in scenario of that name and no such file;"
                + " built in: clean, failed-users, fatal, flaky, slow-start, big (see 'migstatus demo --help')\n", r.err());
        assertEquals("", r.out());
    }
}
