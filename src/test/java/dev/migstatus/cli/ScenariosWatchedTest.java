package dev.migstatus.cli;

import dev.migstatus.sim.BuiltInScenario;
import dev.migstatus.sim.Scenario;
import dev.migstatus.sim.ScenarioReader;
import dev.migstatus.sim.SimulatedPortal;
import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real watch command against the simulated portal: each built-in scenario ends as the README says. */
class ScenariosWatchedTest {

    private static final String KEY = "sk-00112233445566778899";

    /** Watches {@code scenario} on a simulated portal that shares the run's fake clock. */
    static Result watch(Scenario scenario, String key, String... extra) {
        CliRun run = new CliRun();
        try (SimulatedPortal portal = SimulatedPortal.start(scenario, SimulatedPortal.Settings.loopback(KEY), run.clock(),
                SimulatedPortal.RequestLog.NONE)) {
            List<String> args = new ArrayList<>(List.of("--host", portal.url().toString(), "--key", key));
            args.addAll(List.of(extra));
            return run.run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code big} is watched once, below: megabytes a poll make it the slow one. */
    @ParameterizedTest
    @EnumSource(value = BuiltInScenario.class, mode = EnumSource.Mode.EXCLUDE, names = "BIG")
    void untilMigratedEndsWithTheScenariosDocumentedExitCode(BuiltInScenario scenario) {
        Result r = watch(scenario.load(), KEY, "--until", "migrated");
        assertEquals(scenario.exitCode(), r.exitCode(), r.all());
        assertFalse(r.all().contains("Exception"), r.all());
    }

    @Test
    void cleanShowsTheWholeLife() {
        Result r = watch(BuiltInScenario.CLEAN.load(), KEY, "--until", "migrated");
        assertTrue(r.out().contains("waiting: no migration on the portal yet"), r.out());
        assertTrue(r.out().contains("parse finished · Nextcloud · 4 users ready; waiting for the migration to start"), r.out());
        assertTrue(r.out().contains("Migration completed: 4 users imported, 0 failed"), r.out());
        assertTrue(r.out().contains("Siobhán O'Brien"), "the HTML-encoded name is decoded: " + r.out());
    }

    @Test
    void failedUsersListsTheErrors() {
        Result r = watch(BuiltInScenario.FAILED_USERS.load(), KEY, "--until", "migrated");
        assertTrue(r.out().contains("Migration completed: 2 users imported, 1 failed, 2 errors"), r.out());
        assertTrue(r.out().contains("bad.user@example.com - Couldn't import user"), r.out());
        // DocSpace takes a user it could not import out of the list; the error still names them.
        assertTrue(r.out().contains("1 failed user is not in the lists above; see the errors below"), r.out());
    }

    @Test
    void fatalSaysWhyTheParseFailed() {
        Result r = watch(BuiltInScenario.FATAL.load(), KEY, "--until", "migrated");
        assertTrue(r.out().contains("Parse failed: Couldn't parse nextcloud-backup archive, 1 archive failed"), r.out());
    }

    @Test
    void flakyIsRiddenOutAndGivesUpWithoutRetries() {
        Result r = watch(BuiltInScenario.FLAKY.load(), KEY, "--until", "migrated", "--interval", "500ms");
        assertEquals(0, r.exitCode(), r.all());
        for (String trouble : List.of("502 Bad Gateway", "connection closed without an answer", "429 Too Many Requests",
                "503 Service Unavailable", "500 Internal Server Error from 127.0.0.1:")) {
            assertTrue(r.err().contains(trouble), trouble + " not reported: " + r.err());
        }
        assertTrue(r.err().contains("answers again after"), r.err());

        Result strict = watch(BuiltInScenario.FLAKY.load(), KEY, "--until", "migrated", "--retry-for", "0");
        assertEquals(7, strict.exitCode(), strict.all());
    }

    @Test
    void slowStartGivesUpEarlyUnlessToldToWaitForTheMigration() {
        Result r = watch(BuiltInScenario.SLOW_START.load(), KEY);
        assertEquals(4, r.exitCode(), "--until completed believes three empty answers: " + r.all());
    }

    @Test
    void bigShowsTheFirstRowsOfThousands() {
        Result r = watch(BuiltInScenario.BIG.load(), KEY, "--until", "migrated");
        assertEquals(BuiltInScenario.BIG.exitCode(), r.exitCode(), r.all());
        assertTrue(r.out().contains("Migration completed: 5,000 users imported, 0 failed"), r.out());
        assertTrue(r.out().contains("Users (5,000)"), r.out());
        assertTrue(r.out().contains("… and 4,950 more (use -o json for all)"), r.out());
    }

    @Test
    void aWrongKeyExits5AndTheNotAnAdminKeyExits6() {
        Result wrong = watch(BuiltInScenario.CLEAN.load(), "sk-wrong");
        assertEquals(5, wrong.exitCode(), wrong.all());
        assertTrue(wrong.err().contains("401 Unauthorized: the key was rejected by 127.0.0.1:"), wrong.err());

        Result forbidden = watch(BuiltInScenario.CLEAN.load(), SimulatedPortal.NOT_AN_ADMIN_KEY);
        assertEquals(6, forbidden.exitCode(), forbidden.all());
        assertTrue(forbidden.err().contains("403 Forbidden: Access denied"), forbidden.err());
        assertFalse(forbidden.all().contains("DemandPermissionAsync"), "the .NET stack is never shown");
    }

    @Test
    void theReadmesExampleScenarioEndsAsTheReadmeSays() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```json\n", readme.indexOf("### Scenario files")) + "```json\n".length();
        Scenario example = ScenarioReader.read(new StringReader(readme.substring(start, readme.indexOf("```", start))));
        Result r = watch(example, KEY, "--until", "migrated");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("Migration completed: 0 users imported, 1 failed, 1 error"), r.out());
        assertTrue(r.out().contains("jdoe - Couldn't import user"), r.out());
        assertTrue(r.err().contains("502 Bad Gateway"), r.err());
        assertEquals("3.6.0", example.server().toString());
    }

    /** README, "Rehearsing the server's corners": each row's frames, watched, end with the row's exit code. */
    @Test
    void theReadmesServerCornersEndAsTheReadmeSays() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("**Rehearsing the server's corners.**"),
                readme.indexOf("## How it reads the server"));
        Matcher row = Pattern.compile("(?m)^\\| (.+?) \\| `(\\[.+])` \\| (\\d+) \\|$").matcher(section);
        int rows = 0;
        while (row.find()) {
            rows++;
            Scenario corner = ScenarioReader.read(new StringReader("{\"frames\": " + row.group(2) + "}"));
            Result r = watch(corner, KEY, "--until", "migrated", "--timeout", "1h");
            assertEquals(Integer.parseInt(row.group(3)), r.exitCode(), row.group(1) + ": " + r.all());
        }
        assertEquals(4, rows, "the rows were found");
    }

    @Test
    void theReadmeListsEveryBuiltInScenarioWithItsExitCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(BuiltInScenario.markdownTable()), "README's scenario table differs:\n" + BuiltInScenario.markdownTable());
    }
}
