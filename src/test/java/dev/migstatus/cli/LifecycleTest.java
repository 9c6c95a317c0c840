package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A migration's life as the server shows it: nothing, parse, a finished parse, the migration, its end. */
class LifecycleTest {

    private static final String KEY = "sk-0000111122223333";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    private Result watch(String... extra) {
        return new CliRun().watch(portal, KEY, extra);
    }

    /** The whole life: the admin starts a parse late, and selects users a while after it finishes. */
    private void wholeLife() {
        List<ResponseDefinitionBuilder> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(fixture("no-migration"));
        }
        answers.add(fixture("parse-queued"));
        answers.add(json(Fixtures.running("parse", 1)));
        answers.add(fixture("parse-running"));
        answers.add(json(Fixtures.running("parse", 100)));
        for (int i = 0; i < 4; i++) {
            answers.add(fixture("parse-completed"));
        }
        answers.add(json(Fixtures.running("migration", 0)));
        answers.add(json(Fixtures.running("migration", 1)));
        answers.add(fixture("migration-running"));
        answers.add(json(Fixtures.running("migration", 100)));
        answers.add(fixture("migration-completed-clean"));
        portal.statusSequence(answers.toArray(ResponseDefinitionBuilder[]::new));
    }

    @Test
    void untilMigratedWaitsThroughNothingAndAFinishedParse() {
        wholeLife();
        Result r = watch("--until", "migrated");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(18, portal.statusRequests().size(), "it kept polling to the migration's end");
        assertTrue(r.out().contains("waiting: no migration on the portal yet"), r.out());
        assertTrue(r.out().contains("parse finished · Nextcloud · 3 users ready; waiting for the migration to start"), r.out());
        assertTrue(r.out().contains("migrating · Nextcloud · 15%"), r.out());
        assertTrue(r.out().contains("Migration completed: 2 users imported, 0 failed"), r.out());
    }

    @Test
    void untilCompletedStopsAtTheFinishedParse() {
        wholeLife();
        Result r = watch("--until", "completed");
        assertEquals(4, r.exitCode(), "three empty answers in a row mean nothing runs: " + r.all());

        portal.server().resetRequests();
        portal.server().resetScenarios();
        Result patient = watch();
        assertEquals(4, patient.exitCode());
    }

    @Test
    void untilCompletedStopsAtAParseThatFinishes() {
        portal.statusSequence(fixture("parse-queued"), fixture("parse-running"), fixture("parse-completed"),
                fixture("migration-running"));
        Result r = watch();
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(3, portal.statusRequests().size());
        assertTrue(r.out().contains("Parse finished: 3 users ready; select users in DocSpace to start the migration"), r.out());
    }

    @Test
    void untilMigratedStopsAtAFailedParse() {
        portal.statusSequence(fixture("parse-running"), fixture("parse-failed"));
        Result r = watch("--until", "migrated");
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.out().contains("Parse failed"), r.out());
    }

    @Test
    void progressThatDropsToZeroWhenTheMigrationStartsIsShownAsItIs() {
        portal.statusSequence(json(Fixtures.running("parse", 100)), fixture("parse-completed"),
                json(Fixtures.running("migration", 0)), json(Fixtures.running("migration", 30)),
                fixture("migration-completed-clean"));
        Result r = watch("--until", "migrated");
        assertEquals(0, r.exitCode(), r.all());
        List<String> lines = r.out().lines().filter(l -> l.startsWith("[")).toList();
        assertTrue(lines.get(0).contains("parsing · Nextcloud · 100%"), lines.toString());
        assertTrue(lines.get(2).endsWith("migrating · Nextcloud"), "0% is indeterminate, not a number: " + lines);
        assertTrue(lines.get(3).contains("migrating · Nextcloud · 30%"), lines.toString());
    }

    @Test
    void aWatchThatFindsTheOperationOverSaysSo() {
        portal.status(fixture("migration-completed-clean"));
        Result late = watch();
        assertEquals(0, late.exitCode());
        assertTrue(late.out().contains("Migration completed: 2 users imported, 0 failed (it had already ended when the watch started)"),
                "a finished operation stays on the server for a day: " + late.out());

        portal.server().resetAll();
        portal.statusSequence(fixture("migration-running"), fixture("migration-completed-clean"));
        assertFalse(watch().out().contains("already ended"));

        portal.server().resetAll();
        portal.status(fixture("migration-completed-clean"));
        assertFalse(watch("--once").out().contains("already ended"), "asking once, finding it over is the point");
    }

    @Test
    void aStaleFinishedOperationDoesNotPassTheGate() {
        // Right after a new start the server may still show the previous, finished migration.
        portal.statusSequence(fixture("migration-completed-clean"), fixture("parse-running"), fixture("parse-failed"));
        Result r = watch("--until", "migrated");
        assertEquals(3, r.exitCode(), "the new parse failed; yesterday's success must not pass: " + r.all());
    }

    @Test
    void aFinishedOperationIsConfirmedBeforeItIsBelieved() {
        portal.status(fixture("migration-completed-clean"));
        Result r = watch("--until", "migrated");
        assertEquals(0, r.exitCode());
        assertEquals(3, portal.statusRequests().size(), "asked twice more, as an empty answer is");
    }

    @Test
    void aMigrationThatDisappearsEndsTheWatch() {
        portal.statusSequence(fixture("migration-running"), fixture("migration-running"), fixture("no-migration"));
        Result r = watch("--until", "migrated");
        assertEquals(4, r.exitCode(), r.all());
        assertTrue(r.out().contains("The migration is no longer on 127.0.0.1:" + portal.port()
                + " (cancelled or cleared in DocSpace?); last seen: migrating at 15%"), r.out());
    }

    @Test
    void aTimeoutSaysWhatWasRunning() {
        portal.status(fixture("no-migration"));
        Result nothing = watch("--until", "migrated", "--timeout", "10s");
        assertEquals(124, nothing.exitCode());
        assertTrue(nothing.err().contains("Timed out after 10s; no migration was running on the portal"), nothing.err());

        portal.server().resetAll();
        portal.status(fixture("parse-completed"));
        Result parsed = watch("--until", "migrated", "--timeout", "10s");
        assertTrue(parsed.err().contains("last seen: parse finished; the migration waits for users to be selected in DocSpace"),
                parsed.err());
        assertFalse(parsed.err().contains("keeps running"), parsed.err());
    }

    @Test
    void onceOnAFinishedParseWhileWaitingForTheMigration() {
        portal.status(fixture("parse-completed"));
        Result r = watch("--once", "--until", "migrated");
        assertEquals(9, r.exitCode());
        assertTrue(r.out().contains("Parse finished: 3 users ready; waiting for the migration to start"), r.out());
    }

    @Test
    void aRepeatedOptionTakesItsLastValueAndLosesNoOther() {
        portal.status(fixture("parse-completed"));
        Result r = watch("--until", "migrated", "--interval", "1s", "--interval", "200ms", "--timeout", "1s");
        assertEquals(124, r.exitCode(), "--until migrated still holds: a finished parse is not the end: " + r.all());
        assertEquals(Duration.ofMillis(200), r.sleeps().get(0));
    }

    @Test
    void pollsAtTheInterval() {
        portal.statusSequence(fixture("parse-running"), fixture("parse-running"), fixture("parse-completed"));
        Result r = watch("--interval", "1.5s");
        assertEquals(0, r.exitCode());
        assertEquals(List.of(Duration.ofMillis(1500), Duration.ofMillis(1500)), r.sleeps());
    }

    @Test
    void aRunningStatusAt100PercentIsNotTheEnd() {
        portal.statusSequence(json(Fixtures.running("migration", 100)), json(Fixtures.running("migration", 100)),
                fixture("migration-completed-clean"));
        Result r = watch();
        assertEquals(0, r.exitCode());
        assertEquals(3, portal.statusRequests().size(), "only isCompleted ends an operation");
    }

    @Test
    void timeoutNeverSleepsPastTheDeadline() {
        portal.status(fixture("migration-running"));
        Result r = watch("--timeout", "5s", "--interval", "2s");
        assertEquals(124, r.exitCode());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1)), r.sleeps());
        assertFalse(r.err().contains("Exception"));
    }
}
