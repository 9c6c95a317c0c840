package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corners of the real DocSpace server that a reading of its source turned up (README, "How it
 * reads the server"): each test is one answer the server really gives.
 */
class RealServerTest {

    private static final String KEY = "sk-real-0123456789abcdef";

    @RegisterExtension
    final Portal portal = new Portal();

    private Result watch(CliRun run, String... extra) {
        return run.watch(portal, KEY, extra);
    }

    /** A status object whose operation published an error but never {@code isCompleted}. */
    private static String errorWithoutCompletion(String operation, double progress, String error) {
        return Fixtures.envelope("{\"progress\":" + progress + ",\"error\":\"" + error + "\",\"parseResult\":{\"migratorName\":\"Nextcloud\","
                + "\"operation\":\"" + operation + "\",\"failedArchives\":[],\"users\":[],\"withoutEmailUsers\":[],\"existUsers\":[],"
                + "\"groups\":[],\"successedUsers\":3,\"failedUsers\":0,\"errors\":[]},\"isCompleted\":false}");
    }

    // --- an error without isCompleted --------------------------------------------------------

    @Test
    void aLateErrorWithoutIsCompletedEndsTheWatchAsFailed() {
        portal.statusSequence(json(Fixtures.running("migration", 40)),
                json(errorWithoutCompletion("migration", 100, "One or more errors occurred. (Access Denied)")));
        Result r = watch(new CliRun(), "--until", "migrated", "--timeout", "1h");
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.out().contains("Migration failed: One or more errors occurred. (Access Denied)"), r.out());
        assertEquals(2, portal.statusRequests().size(), "it ended at the error, not at --timeout");
    }

    @Test
    void aCancelledParseWithAnErrorIsFailedOnceToo() {
        portal.status(json(errorWithoutCompletion("parse", 27.5, "The operation was canceled.")));
        Result r = watch(new CliRun(), "--once");
        assertEquals(3, r.exitCode(), r.all());
        assertTrue(r.out().contains("Parse failed: The operation was canceled."), r.out());
    }
}
