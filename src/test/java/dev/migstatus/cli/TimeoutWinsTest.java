package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.migstatus.testing.Portal.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * --timeout always wins, also over what follows the watch: the saved log and the report files get
 * what is left of it. The watch's own time is the fake clock's; what is left is waited in real time,
 * so the tests that wait say so, and their bound is ten times what they wait.
 */
class TimeoutWinsTest {

    private static final String KEY = "sk-timeout-0123456789abcdef";
    private static final Duration BOUND = Duration.ofSeconds(10);

    @RegisterExtension
    final Portal portal = new Portal();

    @Test
    void aLogThatNeverComesGetsWhatIsLeftOfTheTimeoutOnARealSlowSocket(@TempDir Path dir) {
        portal.status(fixture("migration-completed-clean"));
        portal.logs(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("late\n").withFixedDelay(30_000));
        Path log = dir.resolve("migration.log");
        Result r = assertTimeoutPreemptively(BOUND,
                () -> new CliRun().watch(portal, KEY, "--once", "--timeout", "2s", "--save-log", log.toString()));
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().contains("--save-log: could not download the log: 127.0.0.1:" + portal.port()
                + " did not answer within 2s"), r.err());
    }

    @Test
    void afterATimeoutTheLogIsNotEvenAskedFor(@TempDir Path dir) {
        portal.status(fixture("migration-running"));
        Result r = new CliRun().watch(portal, KEY, "--timeout", "10s", "--save-log", dir.resolve("migration.log").toString());
        assertEquals(124, r.exitCode(), r.all());
        assertTrue(r.err().contains("--save-log: No log yet: the migration on 127.0.0.1:" + portal.port() + " is still running"
                + " (migrating at 15%), and DocSpace writes its log when it ends; --timeout left no time to ask again"), r.err());
        assertEquals(0, portal.server().findAll(getRequestedFor(urlPathEqualTo(Portal.LOGS))).size());
    }

    @Test
    void aPipeNobodyReadsAsTheJunitFileIsGivenUpAtTheTimeoutOnARealSlowSocket(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path fifo = dir.resolve("junit.xml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");
        portal.status(fixture("migration-completed-clean"));
        Result r = assertTimeoutPreemptively(BOUND,
                () -> new CliRun().watch(portal, KEY, "--once", "--timeout", "1s", "--junit", fifo.toString()));
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.err().contains("--junit: could not write " + fifo + ": nothing read it within 1s"), r.err());
        assertTrue(Files.exists(fifo));
    }
}
