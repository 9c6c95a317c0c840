package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A migration that stops moving, on the fake clock: what the user is told, and when. */
class StallsTest {

    private static final String KEY = "sk-5a11ed0000000000000000";
    private static final String STUCK = "no progress for 30m (migrating at 45%): it may be stuck, or copying one user's files"
            + " (DocSpace does not count within a user); check the portal or the server's logs";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    private final CliRun run = new CliRun();

    /** At 45 % from the start; at 46 % after {@code resumeAt}; done after {@code doneAt}. */
    private void plateau(Duration resumeAt, Duration doneAt) {
        portal.status(json(Fixtures.running("migration", 45)));
        Instant start = run.clock().instant();
        boolean[] moved = new boolean[2];
        run.onSleep(slept -> {
            Duration now = Duration.between(start, run.clock().instant());
            if (!moved[0] && now.compareTo(resumeAt) >= 0) {
                moved[0] = true;
                portal.status(json(Fixtures.running("migration", 46)));
            }
            if (!moved[1] && now.compareTo(doneAt) >= 0) {
                moved[1] = true;
                portal.status(fixture("migration-completed-clean"));
            }
        });
    }

    private Result watch(String... extra) {
        return run.watch(portal, KEY, extra);
    }

    private static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }

    @Test
    void aPlateauIsSaidOnceAndItsEndOnceAndTheWatchGoesOn() {
        plateau(Duration.ofMinutes(50), Duration.ofMinutes(55));
        Result r = watch("--interval", "30s");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(1, count(r.err(), "migstatus: " + STUCK), r.err());
        assertEquals(1, count(r.err(), "migstatus: moving again after 50m without progress"), r.err());
        assertTrue(r.err().indexOf("no progress") < r.err().indexOf("moving again"), r.err());
        assertTrue(r.out().contains("Migration completed"), r.out());
    }

    @Test
    void ndjsonHasAStalledAndAResumedEventWithTheState() {
        plateau(Duration.ofMinutes(50), Duration.ofMinutes(55));
        Result r = watch("--interval", "30s", "-o", "ndjson");
        List<JsonObject> health = r.out().lines().map(line -> JsonParser.parseString(line).getAsJsonObject())
                .filter(e -> List.of("stalled", "resumed").contains(e.get("event").getAsString())).toList();
        assertEquals(2, health.size(), r.out());
        JsonObject stalled = health.get(0);
        assertEquals("stalled", stalled.get("event").getAsString());
        assertEquals(1800, stalled.get("sinceSeconds").getAsDouble());
        assertEquals(1800, stalled.get("elapsedSeconds").getAsDouble());
        assertEquals(45, stalled.get("progress").getAsDouble());
        assertEquals("migrating", stalled.get("phase").getAsString());
        JsonObject resumed = health.get(1);
        assertEquals("resumed", resumed.get("event").getAsString());
        assertEquals(3000, resumed.get("stalledSeconds").getAsDouble());
        assertEquals(46, resumed.get("progress").getAsDouble());
        assertEquals(1, count(r.err(), STUCK), "stderr tells a person, as it does of retries: " + r.err());
    }

    @Test
    void failOnStallEndsTheWatchWithExitTen() {
        plateau(Duration.ofHours(2), Duration.ofHours(3));
        Result r = watch("--interval", "30s", "--fail-on-stall", "-o", "json");
        assertEquals(10, r.exitCode(), r.all());
        assertTrue(r.out().contains("\"outcome\":\"stalled\",\"exitCode\":10"), r.out());
        assertEquals("migstatus: Stalled: no progress for 30m (migrating at 45%); the migration keeps running on the server;"
                + " check the portal or the server's logs (the migration log comes only when the operation ends)",
                r.err().lines().filter(line -> line.startsWith("migstatus:")).reduce("", String::concat),
                "the error line alone, no warning before it: " + r.err());
        assertEquals(Duration.ofMinutes(30), r.sleeps().stream().reduce(Duration.ZERO, Duration::plus), "it ends at the stall");
    }

    @Test
    void stallAfterSetsTheTimeAndZeroTurnsItOff() {
        plateau(Duration.ofHours(5), Duration.ofHours(5).plusMinutes(1));
        Result tenMinutes = watch("--interval", "1m", "--stall-after", "10m", "--fail-on-stall");
        assertEquals(10, tenMinutes.exitCode(), tenMinutes.all());
        assertTrue(tenMinutes.err().contains("no progress for 10m"), tenMinutes.err());

        CliRun quiet = new CliRun();
        portal.status(json(Fixtures.running("migration", 45)));
        Result off = quiet.watch(portal, KEY, "--interval", "1m", "--stall-after", "0", "--timeout", "5h");
        assertEquals(124, off.exitCode(), off.all());
        assertFalse(off.err().contains("no progress"), off.err());
    }

    @Test
    void aLongSitAtOnePercentIsWarnedAboutAsPossiblyNormal() {
        portal.status(json(Fixtures.running("parse", 1)));
        Result r = watch("--interval", "1m", "--timeout", "31m");
        assertTrue(r.err().contains("no progress for 30m (parsing at 1%): DocSpace can sit at 0-1% for hours on a large archive,"
                + " so this may be normal; if it stays, check the portal or the server's logs"), r.err());
    }

    @Test
    void onGithubAStallIsAWarningAnnotationAndItsEndANotice() {
        run.env("GITHUB_ACTIONS", "true");
        plateau(Duration.ofMinutes(40), Duration.ofMinutes(41));
        Result r = watch("--interval", "1m");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(1, count(r.out(), "::warning title=Migration stalled::no progress for 30m (migrating at 45%25)"), r.out());
        assertEquals(1, count(r.out(), "::notice title=Migration moving again::moving again after 40m without progress"), r.out());
    }

    @Test
    void failOnStallWithoutStallDetectionIsAUsageError() {
        Result r = watch("--fail-on-stall", "--stall-after", "0");
        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().contains("--fail-on-stall needs stall detection"), r.err());
        assertTrue(portal.statusRequests().isEmpty());
    }
}
